#!/usr/bin/env bash
# The load test against PostgreSQL (DATABASE_URL, see scripts/with-postgres.sh), run by
# `make loadtest`: migrate, load the demo, serve it with gunicorn (several workers, collected
# static files), run Locust headless and print p50/p95/p99 and errors per page.
# Settings from the environment: SCALE (passed to load_demo as --scale when set), USERS,
# DURATION, WORKERS, LOADTEST_PORT, LOADTEST_OUT (where Locust's CSV files stay).
set -euo pipefail
: "${DATABASE_URL:?run this through scripts/with-postgres.sh, or set DATABASE_URL}"

venv=${VENV:-.venv}/bin
users=${USERS:-50}
duration=${DURATION:-60s}
workers=${WORKERS:-4}
port=${LOADTEST_PORT:-8107}
out=${LOADTEST_OUT:-var/loadtest}

work=$(mktemp -d /tmp/omzien-loadtest.XXXXXX)
export OMZIEN_STATIC_ROOT=$work/static OMZIEN_CACHE_DIR=$work/cache OMZIEN_VAR_DIR=$work
export OMZIEN_DB_CONN_MAX_AGE=60  # as in production: a worker keeps its connection
server=""
stop() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap stop EXIT

step() { echo "== $* ($(date -u +%H:%M:%S))"; }

step "database"
$venv/omzien migrate --no-input -v 0
$venv/omzien compile_engine
start=$(date +%s)
$venv/omzien load_demo -v 0 ${SCALE:+--scale "$SCALE"}
echo "load_demo${SCALE:+ --scale $SCALE}: $(($(date +%s) - start)) s"
$venv/omzien collectstatic --no-input -v 0

# Who logs in, and two API clients' tokens (loadtest/cast.py).
export OMZIEN_LOADTEST_CAST=$work/cast.json
$venv/python loadtest/cast.py > "$OMZIEN_LOADTEST_CAST"

step "gunicorn, $workers workers on 127.0.0.1:$port"
$venv/gunicorn -c python:omzien.conf.gunicorn omzien.conf.wsgi --bind "127.0.0.1:$port" --workers "$workers" \
  --timeout 120 --log-level warning &
server=$!
# Each worker imports the pages on its first request: not part of what Locust measures.
for _ in $(seq 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/inloggen/" && break
  sleep 1
done
for _ in $(seq $((workers * 3))); do curl -fs -o /dev/null "http://127.0.0.1:$port/inloggen/"; done

step "locust, $users users for $duration"
mkdir -p "$out"
$venv/locust -f loadtest/locustfile.py --headless --host "http://127.0.0.1:$port" \
  --users "$users" --spawn-rate 10 --run-time "$duration" --csv "$out/locust" \
  --only-summary --loglevel WARNING --exit-code-on-error 0 || true

step "per page (pages over 100 ms at p95, or with errors, are marked)"
echo "$workers gunicorn workers, $users users for $duration, $(nproc) cores"
$venv/python loadtest/report.py "$out/locust_stats.csv"
