"""The production layout (compose.yaml, Dockerfile, deploy/nginx.conf) holds together, several
app servers share what they must, and a backup restores to the same rows."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from uuid import uuid4

import pytest
import yaml
from django.conf import settings

from .test_settings import SETTINGS_FILE, VARIABLE_RE, omzien

PROJECT = Path(settings.PROJECT_DIR)
COMPOSE = PROJECT / "compose.yaml"
REQUIRED = {"OMZIEN_SECRET_KEY": "s" * 60, "OMZIEN_HOST": "omzien.example.org"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def workers(command: list[str]) -> int:
    return int(command[command.index("--workers") + 1])


def test_several_app_servers_with_several_workers_behind_the_proxy(compose):
    app = compose["services"]["app"]
    assert app["deploy"]["replicas"] >= 2
    assert app["command"][0] == "gunicorn" and workers(app["command"]) >= 2
    assert "app" in compose["services"]["proxy"]["depends_on"]
    assert "server app:8000;" in (PROJECT / "deploy" / "nginx.conf").read_text()


def test_the_worker_runs_the_task_queue_and_everyone_waits_for_the_migrations(compose):
    services = compose["services"]
    assert services["worker"]["command"] == ["omzien", "db_worker"]
    assert "omzien migrate" in " ".join(services["migrate"]["command"])
    for name in ("app", "worker"):
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )


def test_all_app_servers_use_one_database_and_share_the_cache_through_it(compose):
    environment = compose["services"]["app"]["environment"]
    assert environment["DATABASE_URL"].endswith("@db:5432/omzien")
    assert environment["OMZIEN_CACHE_TABLE"]
    assert "omzien createcachetable" in " ".join(compose["services"]["migrate"]["command"])
    for name in ("migrate", "worker"):
        assert compose["services"][name]["environment"] == environment
    # The worker writes the yearly accounts that any app server hands out.
    assert compose["services"]["worker"]["volumes"] == compose["services"]["app"]["volumes"]


def test_production_settings_and_secrets_only_from_the_environment(compose):
    environment = compose["services"]["app"]["environment"]
    assert environment["OMZIEN_PRODUCTION"] == "1"
    assert environment["OMZIEN_SECRET_KEY"].startswith("${OMZIEN_SECRET_KEY:?")
    assert ":?" in compose["services"]["db"]["environment"]["POSTGRES_PASSWORD"]
    read = set(VARIABLE_RE.findall(SETTINGS_FILE.read_text()))
    assert {name for name in environment if name.startswith("OMZIEN_")} <= read


def test_static_files_are_served_by_the_proxy_compressed_and_cached():
    config = (PROJECT / "deploy" / "nginx.conf").read_text()
    static = re.search(r"location /static/ \{(.*?)\}", config, re.S).group(1)
    assert "alias /srv/static/;" in static and "gzip_static on;" in static
    dockerfile = (PROJECT / "Dockerfile").read_text()
    assert "COPY --from=app /opt/static /srv/static" in dockerfile


@pytest.mark.skipif(
    subprocess.run(["docker", "compose", "version"], capture_output=True).returncode != 0
    if shutil.which("docker")
    else True,
    reason="docker compose is not installed here",
)
def test_docker_compose_accepts_the_file():
    result = subprocess.run(
        ["docker", "compose", "-f", str(COMPOSE), "config", "--quiet"],
        env=os.environ | REQUIRED | {"POSTGRES_PASSWORD": "x"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_import_progress_written_on_one_server_is_read_on_another(tmp_path):
    """Two processes with their own cache folders (two hosts) and one database."""
    shared = {"OMZIEN_VAR_DIR": str(tmp_path), "OMZIEN_CACHE_TABLE": "omzien_cache"}
    assert omzien("createcachetable", **shared).returncode == 0
    write = "from django.core.cache import cache; cache.set('progress', 42)"
    read = "from django.core.cache import cache; print(cache.get('progress'))"
    omzien("shell", "-c", write, OMZIEN_CACHE_DIR=str(tmp_path / "a"), **shared)
    result = omzien("shell", "-c", read, OMZIEN_CACHE_DIR=str(tmp_path / "b"), **shared)
    assert result.stdout.strip().splitlines()[-1] == "42"


@pytest.mark.skipif(
    subprocess.run([PROJECT / "scripts" / "with-postgres.sh", "--check"]).returncode != 0
    or not shutil.which("pg_dump"),
    reason="PostgreSQL is not installed here",
)
def test_a_backup_restores_to_the_same_rows():
    result = subprocess.run(
        ["scripts/with-postgres.sh", "scripts/test-backup-restore.sh"],
        cwd=PROJECT,
        env=os.environ | {"OMZIEN": str(Path(sys.executable).parent / "omzien")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the same before and after" in result.stdout


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="several app servers share PostgreSQL; SQLite serves one host",
)
def test_import_progress_is_read_on_another_server_while_the_import_still_runs(tmp_path):
    shared = {"OMZIEN_VAR_DIR": str(tmp_path), "OMZIEN_CACHE_TABLE": "omzien_cache"}
    assert omzien("createcachetable", **shared).returncode == 0
    progress = uuid4().hex  # not what an earlier run left in the table
    importing = (
        "import time; from django.core.cache import cache; from django.db import transaction\n"
        "with transaction.atomic():\n"
        f"    cache.set('import', '{progress}'); print('written', flush=True); time.sleep(20)"
    )
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("OMZIEN_", "DJANGO_"))
    } | shared
    writer = subprocess.Popen(
        [sys.executable, "-m", "omzien.manage", "shell", "-c", importing],
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert "written" in (line.strip() for line in writer.stdout)  # the transaction is open
        read = "from django.core.cache import cache; print(cache.get('import'))"
        result = omzien("shell", "-c", read, **shared)
        assert result.stdout.strip().splitlines()[-1] == progress
    finally:
        writer.kill()
        writer.wait()
