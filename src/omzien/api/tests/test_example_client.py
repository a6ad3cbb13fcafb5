"""The example client in docs/ refers a family and polls its step against a running server."""

import subprocess
import sys

import pytest
from django.conf import settings

from omzien.intake.models import Referral

from .conftest import make_client

SCRIPT = settings.PROJECT_DIR / "docs" / "examples" / "referral_client.py"


@pytest.mark.django_db(transaction=True)
def test_the_example_client_refers_and_polls(live_server, programme):
    _client, token = make_client()

    run = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            f"--base-url={live_server.url}",
            f"--token={token}",
            "--postcode=9801 AB",
            "--polls=1",
            "--interval=0",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    referral = Referral.objects.get()
    assert f"Referral {referral.pk} made" in run.stdout
    assert "Step: Ontvangen" in run.stdout
