"""Production settings: refuse to start without a secret, and pass Django's deployment checks."""

import os
import subprocess
import sys

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
