#!/usr/bin/env bash
# Restore a backup of backup.sh into the database in DATABASE_URL, replacing what is there.
#   scripts/restore.sh FILE
# Stop the app servers and the worker first; start them again afterwards.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL}"
[ $# -eq 1 ] || { echo "usage: $0 FILE" >&2; exit 2; }
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --dbname="$DATABASE_URL" "$1"
echo "restored: $1"
