"""The yearly account: one click makes a PDF and an XLSX in the background, their figures are
the dashboard's, and only the municipality's own analysts (or the organisation) get them."""

from datetime import date, timedelta
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from omzien import testing
from omzien.accounts.models import Role
from omzien.insight.account.xlsx import sheet_name
from omzien.insight.dashboard import dashboard_figures
from omzien.insight.formatting import SUPPRESSED, UNAVAILABLE
from omzien.insight.forms import filters_for
from omzien.insight.models import AccountStatus, YearlyAccount

from . import builders

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def world(settings, tmp_path):
    settings.OMZIEN_REPORT_ROOT = tmp_path
    town = builders.town()
    programme = builders.programme(town)
    for i in range(12):
        builders.match(
            programme, town.areas[i % 3], signed_up=date(2024, 10, 1), started=date(2025, 1 + i % 6, 3),
            ended=date(2025, 9, 30) if i < 4 else None, hours=[(date(2025, 7, 1), "4.5")],
        )  # fmt: skip
    for _ in range(7):
        builders.family(
            programme, town.areas[0], signed_up=date(2025, 3, 1), waiting_since=date(2025, 4, 1)
        )
    return {"town": town, "programme": programme}


def make(client, user, year: int = 2025):
    client.force_login(user)
    response = client.post(
        reverse("insight:yearly_request"), {"municipality": "GM9990", "year": str(year)}
    )
    assert response.status_code == 302
    return YearlyAccount.objects.latest("pk")


def published(value, unavailable: bool):
    if unavailable:
        return UNAVAILABLE
    return str(SUPPRESSED) if value is None else value


def test_one_click_makes_a_pdf_and_a_spreadsheet_with_the_dashboards_figures(
    client, world, settings
):
    settings.TASKS = IMMEDIATE
    analyst = testing.user(Role.ANALYST, municipality=world["town"].municipality)
    account = make(client, analyst)

    assert account.status == AccountStatus.DONE and account.progress == 100
    pdf = client.get(reverse("insight:yearly_download", args=[account.pk, "pdf"]))
    text = "".join(
        page.extract_text() for page in PdfReader(BytesIO(b"".join(pdf.streaming_content))).pages
    )
    assert "Jaarverantwoording 2025" in text and "Toetsstad" in text
    for section in ("Bereik", "Koppelingen", "Uren", "Resultaten", "Afsluitingen", "Wachtlijst"):
        assert section in text

    download = client.get(reverse("insight:yearly_download", args=[account.pk, "xlsx"]))
    book = load_workbook(BytesIO(b"".join(download.streaming_content)))
    _form, filters = filters_for(analyst, {"start": "2025-01", "end": "2025-12"})
    figures = dashboard_figures(filters)["figures"]
    taken = {"toelichting"}
    compared = 0
    for key in ("key_figures", "reach", "active_matches", "new_and_closed", "time_to_match",
                "volunteers_and_hours", "waiting_list"):  # fmt: skip
        figure = figures[key]
        sheet = book[sheet_name(figure["title"], taken)]
        rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True)}
        for row in [*figure["rows"], *([figure["total"]] if figure["total"] else [])]:
            expected = [
                published(row["values"].get(c["key"]), c["key"] in row["unavailable"])
                for c in figure["columns"]
            ]
            assert list(rows[row["label"]]) == expected, (key, row["label"])
            compared += 1
    assert compared > 60
    assert book[sheet_name("Nieuwe en afgesloten koppelingen per maand", set())]["B17"].value in (
        10,
        15,
    )


def test_staff_are_told_when_no_worker_picks_the_account_up(client, world):
    account = make(client, testing.user(Role.ANALYST, municipality=world["town"].municipality))
    progress = reverse("insight:yearly_progress", args=[account.pk])
    assert "De achtergrondtaak draait niet" not in client.get(progress).content.decode()

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        fragment = client.get(progress).content.decode()

    assert "De achtergrondtaak draait niet" in fragment and "make worker" in fragment


def test_the_page_shows_progress_until_the_worker_is_done(client, world):
    account = make(client, testing.user(Role.ANALYST, municipality=world["town"].municipality))
    assert account.status == AccountStatus.QUEUED  # the database queue waits for its worker
    page = client.get(reverse("insight:yearly")).content.decode()
    assert "In de wachtrij" in page
    assert f'hx-get="{reverse("insight:yearly_progress", args=[account.pk])}"' in page

    account.report(45, "resultaten")
    YearlyAccount.objects.filter(pk=account.pk).update(status=AccountStatus.RUNNING)
    fragment = client.get(reverse("insight:yearly_progress", args=[account.pk])).content.decode()
    assert 'value="45"' in fragment and "hx-get" in fragment
    assert (
        client.get(reverse("insight:yearly_download", args=[account.pk, "pdf"])).status_code == 404
    )


def test_others_cannot_see_or_download_an_account(client, world, settings):
    settings.TASKS = IMMEDIATE
    account = make(client, testing.user(Role.ANALYST, municipality=world["town"].municipality))
    elsewhere = builders.town("GM9991", "Anderstad")
    client.force_login(testing.user(Role.ANALYST, municipality=elsewhere.municipality))
    assert (
        client.get(reverse("insight:yearly_download", args=[account.pk, "pdf"])).status_code == 404
    )
    assert client.get(reverse("insight:yearly_progress", args=[account.pk])).status_code == 404
    assert account not in client.get(reverse("insight:yearly")).context["accounts"]
    # Another organisation's admin sees neither this account nor can make one here.
    client.force_login(testing.user(Role.ORG_ADMIN, organisation=testing.programme().organisation))
    assert not client.get(reverse("insight:yearly")).context["accounts"]
    response = client.post(
        reverse("insight:yearly_request"), {"municipality": "GM9990", "year": "2025"}
    )
    assert response.status_code == 400


def test_an_organisation_admin_accounts_for_their_own_programmes(client, world, settings):
    settings.TASKS = IMMEDIATE
    admin = testing.user(Role.ORG_ADMIN, organisation=world["programme"].organisation)
    account = make(client, admin)
    assert account.organisation == world["programme"].organisation
    assert account.status == AccountStatus.DONE
    assert list(client.get(reverse("insight:yearly")).context["accounts"]) == [account]
