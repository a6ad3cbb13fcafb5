#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL cluster on a free loopback port,
# with DATABASE_URL pointing at it; the cluster is stopped and removed afterwards.
#   scripts/with-postgres.sh --check   exit 0 when PostgreSQL's server binaries are here
#   scripts/with-postgres.sh CMD ...   run CMD with the cluster up
set -euo pipefail

pg_bin() {
  local initdb
  initdb=$(command -v initdb 2>/dev/null || ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

bin=$(pg_bin) || { [ "${1:-}" = --check ] && exit 1; echo "PostgreSQL server binaries not found" >&2; exit 1; }
[ "${1:-}" = --check ] && exit 0

dir=$(mktemp -d /tmp/omzien-pg.XXXXXX)
chmod 755 "$dir"
as_owner=()
if [ "$(id -u)" = 0 ]; then  # PostgreSQL refuses to run as root
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U omzien -E UTF8 --no-sync >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
  start >/dev/null

echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
DATABASE_URL="postgres://omzien@127.0.0.1:$port/postgres" "$@"
