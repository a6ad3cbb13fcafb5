#!/usr/bin/env bash
# A backup of Omzien's database in PostgreSQL's custom format (compressed; restore.sh reads it).
#   scripts/backup.sh FILE      the database in DATABASE_URL, to FILE (for example
#                               /backup/omzien-$(date +%F).dump)
# Nothing else needs a backup except OMZIEN_REPORT_ROOT (yearly accounts; they can be made again).
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL}"
[ $# -eq 1 ] || { echo "usage: $0 FILE" >&2; exit 2; }
pg_dump --format=custom --no-owner --no-privileges --file="$1.partial" "$DATABASE_URL"
mv "$1.partial" "$1"  # a half-written dump never carries the final name
echo "backup: $1 ($(du -h "$1" | cut -f1))"
