# Omzien: `make demo` serves the demo, `make test` runs every test. Nothing else to install
# by hand: the first run makes the environment from pyproject.toml and uv.lock.

PYTHON ?= python3
UV := .tools/bin/uv
VENV := .venv
OMZIEN := $(VENV)/bin/omzien
PYTEST := $(VENV)/bin/pytest
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: env demo worker nightly test test-sqlite test-postgres bench bench-import loadtest lint format messages

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check 'uv==0.13.9'

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

env: $(VENV)/.synced

messages: env
	$(OMZIEN) compile_translations

# `PORT=8123 make demo` serves elsewhere; the addresses the demo prints and mails follow it.
PORT ?= 8000
demo: export OMZIEN_BASE_URL ?= http://127.0.0.1:$(PORT)
demo: env messages
	$(OMZIEN) migrate --no-input
	$(OMZIEN) compile_engine
	$(OMZIEN) load_demo
	$(OMZIEN) runserver 127.0.0.1:$(PORT)

# The background worker: reminders, nightly checks and reports run through the database queue.
worker: env
	$(OMZIEN) db_worker

# Put the night's work on the queue; in production cron runs `omzien nightly` once a night.
nightly: env
	$(OMZIEN) nightly

# The whole suite on SQLite, then again on a throw-away PostgreSQL cluster when its
# binaries are on this machine (CI installs them, so CI always tests both).
test: env messages lint test-sqlite test-postgres

test-sqlite: env
	$(PYTEST)

test-postgres: env
	@if scripts/with-postgres.sh --check; then \
		scripts/with-postgres.sh $(PYTEST); \
	else \
		echo "PostgreSQL is not installed here: skipped the PostgreSQL run (CI runs it)."; \
	fi

bench: env
	$(VENV)/bin/python -m omzien.matching.engine.bench

# Check and load of a generated file of ROWS households, CSV and XLSX, on a throw-away
# PostgreSQL cluster, rolled back; prints seconds per step (docs/performance.md). Not a test.
ROWS ?= 100000
bench-import: env messages
	ROWS=$(ROWS) VENV=$(VENV) scripts/with-postgres.sh scripts/bench-import.sh

# Locust against gunicorn on a throw-away PostgreSQL cluster; prints p50/p95/p99 and errors per
# page (docs/performance.md). Never part of the tests. `SCALE=tenth make loadtest` passes
# --scale to load_demo; USERS, DURATION, SERVERS and WORKERS change the run.
SCALE ?=
loadtest: env messages
	SCALE=$(SCALE) VENV=$(VENV) scripts/with-postgres.sh scripts/loadtest.sh

lint: env
	$(VENV)/bin/ruff check src
	$(VENV)/bin/ruff format --check src

format: env
	$(VENV)/bin/ruff check --fix src
	$(VENV)/bin/ruff format src
