#!/usr/bin/env bash
# Try backup.sh and restore.sh once against a throw-away cluster: migrate and load the demo,
# count every table's rows, back up, drop everything, restore, and count again.
#   scripts/with-postgres.sh scripts/test-backup-restore.sh
set -euo pipefail
: "${DATABASE_URL:?run this through scripts/with-postgres.sh}"
here=$(dirname "$0")
omzien=${OMZIEN:-.venv/bin/omzien}
work=$(mktemp -d /tmp/omzien-backup.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Exact row counts of every table in the public schema, one "table count" a line.
counts() {
  psql "$DATABASE_URL" -XAtq -v ON_ERROR_STOP=1 <<'SQL'
SELECT format('SELECT %L || '' '' || count(*) FROM %I;', tablename, tablename)
FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename \gexec
SQL
}

OMZIEN_VAR_DIR=$work $omzien migrate --no-input -v 0
OMZIEN_VAR_DIR=$work $omzien load_demo -v 0
counts > "$work/before"
"$here/backup.sh" "$work/omzien.dump"
psql "$DATABASE_URL" -Xq -v ON_ERROR_STOP=1 -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
[ -z "$(counts)" ] || { echo "the tables survived the drop" >&2; exit 1; }
"$here/restore.sh" "$work/omzien.dump"
counts > "$work/after"
diff -u "$work/before" "$work/after"
echo "backup and restore: $(wc -l < "$work/after") tables, $(awk '{s += $2} END {print s}' "$work/after") rows, the same before and after"
