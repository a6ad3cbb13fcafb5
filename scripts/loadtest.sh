#!/usr/bin/env bash
# The load test against PostgreSQL (DATABASE_URL, see scripts/with-postgres.sh), run by
# `make loadtest`: migrate, load the demo or the national dataset, serve it with several app
# servers (gunicorn, several workers each, collected static files, shared cache table) as a
# production layout would, run Locust headless against all of them and print p50/p95/p99 and
# errors per page.
# Settings from the environment: SCALE (passed to load_demo as --scale when set), LOAD=no (use
# the data already in DATABASE_URL, for example a national set loaded earlier), USERS, DURATION,
# SERVERS (app servers, 2), WORKERS (per server, 2), LOADTEST_PORT (the first server's port),
# LOADTEST_OUT (where Locust's CSV files stay).
set -euo pipefail
: "${DATABASE_URL:?run this through scripts/with-postgres.sh, or set DATABASE_URL}"

venv=${VENV:-.venv}/bin
users=${USERS:-50}
duration=${DURATION:-60s}
servers=${SERVERS:-2}
workers=${WORKERS:-2}
port=${LOADTEST_PORT:-8107}
out=${LOADTEST_OUT:-var/loadtest}

work=$(mktemp -d /tmp/omzien-loadtest.XXXXXX)
export OMZIEN_STATIC_ROOT=$work/static OMZIEN_VAR_DIR=$work
export OMZIEN_CACHE_TABLE=omzien_cache  # shared by the app servers, as in docs/deployment.md
export OMZIEN_DB_CONN_MAX_AGE=60  # as in production: a worker keeps its connection
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap stop EXIT

step() { echo "== $* ($(date -u +%H:%M:%S))"; }

step "database"
$venv/omzien migrate --no-input -v 0
$venv/omzien createcachetable
$venv/omzien compile_engine
if [ "${LOAD:-yes}" != no ]; then
  start=$(date +%s)
  $venv/omzien load_demo -v 0 ${SCALE:+--scale "$SCALE"}
  echo "load_demo${SCALE:+ --scale $SCALE}: $(($(date +%s) - start)) s"
fi
$venv/omzien collectstatic --no-input -v 0

# Who logs in, and two API clients' tokens (loadtest/cast.py).
export OMZIEN_LOADTEST_CAST=$work/cast.json
$venv/python loadtest/cast.py > "$OMZIEN_LOADTEST_CAST"

hosts=()
for n in $(seq 0 $((servers - 1))); do
  hosts+=("http://127.0.0.1:$((port + n))")
done
step "$servers app servers (gunicorn, $workers workers each): ${hosts[*]}"
for host in "${hosts[@]}"; do
  $venv/gunicorn -c python:omzien.conf.gunicorn omzien.conf.wsgi --bind "${host#http://}" \
    --workers "$workers" --timeout 120 --log-level warning &
  pids+=($!)
done
# Each worker imports the pages on its first request: not part of what Locust measures.
for host in "${hosts[@]}"; do
  for _ in $(seq 120); do
    curl -fs -o /dev/null "$host/inloggen/" && break
    sleep 1
  done
  for _ in $(seq $((workers * 3))); do curl -fs -o /dev/null "$host/inloggen/"; done
done

step "locust, $users users for $duration"
mkdir -p "$out"
OMZIEN_LOADTEST_HOSTS="${hosts[*]}" $venv/locust -f loadtest/locustfile.py --headless \
  --host "${hosts[0]}" --users "$users" --spawn-rate 10 --run-time "$duration" \
  --csv "$out/locust" --only-summary --loglevel WARNING --exit-code-on-error 0 || true

step "per page (pages over 100 ms at p95, or with errors, are marked)"
echo "$servers app servers x $workers gunicorn workers, $users users for $duration, $(nproc) cores"
$venv/python loadtest/report.py "$out/locust_stats.csv"
