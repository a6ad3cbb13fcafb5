#!/usr/bin/env bash
# The import benchmark against PostgreSQL (DATABASE_URL, see scripts/with-postgres.sh), run by
# `make bench-import`: migrate, load the demo (its postcodes and programmes), then time the
# check and the load of a generated file as CSV and as XLSX. ROWS sets the file's size.
set -euo pipefail
: "${DATABASE_URL:?run this through scripts/with-postgres.sh, or set DATABASE_URL}"

venv=${VENV:-.venv}/bin
$venv/omzien migrate --no-input -v 0
$venv/omzien load_demo -v 0
echo "$(nproc) cores"
$venv/omzien bench_import --rows "${ROWS:-100000}"
