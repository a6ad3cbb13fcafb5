"""Production settings: refuse to start without a secret, pass Django's deployment checks, log
JSON, and every variable they read is documented in the README."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "settings.py"
README = Path(settings.PROJECT_DIR) / "README.md"
VARIABLE_RE = re.compile(r"OMZIEN_[A-Z0-9_]*[A-Z0-9]")

PRODUCTION = {
    "OMZIEN_PRODUCTION": "1",
    "OMZIEN_SECRET_KEY": "a-long-random-secret-for-the-test-only-0123456789-abcdefghijklmnop",
    "OMZIEN_ALLOWED_HOSTS": "omzien.example.org",
}


def omzien(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("OMZIEN_", "DJANGO_"))
    } | env
    return subprocess.run(
        [sys.executable, "-m", "omzien.manage", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = omzien("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = omzien("check", **(PRODUCTION | {"OMZIEN_SECRET_KEY": ""}))
    assert result.returncode != 0 and "OMZIEN_SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked():
    result = omzien("shell", "-c", "from django.conf import settings; print(settings.DEBUG)")
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_check_deploy_fails_on_the_public_development_key():
    result = omzien("check", "--deploy", OMZIEN_ALLOWED_HOSTS="omzien.example.org")
    assert result.returncode != 0 and "omzien.E002" in result.stderr


def test_reports_are_stored_where_omzien_report_root_says(tmp_path):
    result = omzien(
        "shell",
        "-c",
        "from omzien.insight.models import ReportStorage; print(ReportStorage().location)",
        OMZIEN_REPORT_ROOT=str(tmp_path),
    )
    assert result.stdout.strip().splitlines()[-1] == str(tmp_path.resolve())


def test_production_logs_json_lines_with_time_level_and_logger():
    logged = "import logging; logging.getLogger('omzien.test').warning('Over %s', 'a@example.org')"
    result = omzien("shell", "-c", logged, **PRODUCTION)
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert {"timestamp", "level", "logger"} <= set(line)
    assert (line["event"], line["level"], line["logger"]) == ("Over ***", "warning", "omzien.test")


def test_every_variable_read_in_settings_is_in_the_readme_and_back():
    read = set(VARIABLE_RE.findall(SETTINGS_FILE.read_text()))
    documented = set(VARIABLE_RE.findall(README.read_text()))
    assert read - documented == set(), "read in settings, not in the README"
    assert documented - read == set(), "in the README, never read in settings"
