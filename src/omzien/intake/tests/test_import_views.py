"""The import page, its progress and example files, who may use them, and the command."""

import io
from uuid import uuid4

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from omzien import testing
from omzien.accounts.models import Role, User
from omzien.geo.models import PostcodeArea
from omzien.intake.importing import reading
from omzien.intake.importing.layouts import HOUSEHOLDS, VOLUNTEERS
from omzien.intake.importing.progress import Tracker
from omzien.intake.importing.run import run
from omzien.intake.models import Request
from omzien.people.models import Household, Volunteer
from omzien.privacy.models import Consent

from .test_import import csv_file, household

pytestmark = [pytest.mark.django_db]

URL = reverse("importing:import")


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme, other = testing.programme(), testing.programme()
    user = testing.coordinator(programme)
    client.force_login(user)
    return {"programme": programme, "other": other, "user": user, **geo}


def upload(rows, name="gezinnen.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, csv_file(HOUSEHOLDS.headers, rows).getvalue(), "text/csv")


def post(client, programme, rows, *, action="check", consent=False, import_id=None):
    data = {"file": upload(rows), "import_id": str(import_id or uuid4()), "action": action}
    if consent:
        data["consent_on_file"] = "on"
    return client.post(f"{URL}?programme={programme.slug}", data)


def test_the_page_explains_the_layout_consent_and_examples(client, world):
    response = client.get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "overgenomen uit een bestand" in page
    assert "<code>voornaam ouder</code>" in page and "<code>reisafstand km</code>" in page
    assert reverse("importing:example", args=["gezinnen", "xlsx"]) in page
    assert 'hx-trigger="formdata from:#import-form' in page


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
@pytest.mark.parametrize("layout", [HOUSEHOLDS, VOLUNTEERS])
def test_example_files_pass_their_own_check(client, world, layout, extension):
    for pc4 in ("9901", "9902"):
        PostcodeArea.objects.create(pc4=pc4, lat=52.09, lon=5.12)

    response = client.get(reverse("importing:example", args=[layout.slug, extension]))

    assert response.status_code == 200
    assert f"voorbeeld-{layout.slug}.{extension}" in response["Content-Disposition"]
    table = reading.read(io.BytesIO(response.content), f"x.{extension}")
    report = run(table, world["programme"], world["user"], dry_run=True)
    assert table.layout == layout and report.ok and report.counts["create"] == 2


@pytest.mark.parametrize("layout", [HOUSEHOLDS, VOLUNTEERS])
def test_example_files_import_into_the_demo_as_they_are(client, layout):
    call_command("load_demo", verbosity=0)
    user = User.objects.get(username="coordinator")
    programme = user.programmes.filter(programme_type__serves="households").first()
    client.force_login(user)

    response = client.get(reverse("importing:example", args=[layout.slug, "xlsx"]))

    table = reading.read(io.BytesIO(response.content), "x.xlsx")
    report = run(table, programme, user, dry_run=True)
    assert report.ok, report.problems
    assert report.counts["create"] == 2


def test_dry_run_shows_problems_by_row_and_saves_nothing(client, world):
    rows = [household(), household("Bakker", "bakker@example.org", postcode="1234 ZZ")]
    response = post(client, world["programme"], rows)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Rij 3, postcode: Postcode 1234 ZZ bestaat niet" in page
    assert "Er is niets opgeslagen" in page
    assert not Household.objects.exists()


def test_import_needs_the_consent_confirmation(client, world):
    response = post(client, world["programme"], [household()], action="import")

    assert "Bevestig dat uw organisatie deze toestemming heeft" in response.content.decode()
    assert not Household.objects.exists()


def test_import_saves_and_reports_per_row(client, world):
    response = post(client, world["programme"], [household()], action="import", consent=True)

    page = response.content.decode()
    assert "1 toegevoegd aan" in page and "toegevoegd</span>" in page
    assert Request.objects.get().programme == world["programme"]
    assert Consent.objects.get().recorded_by == world["user"]


def test_progress_and_report_are_for_the_one_who_imported(client, world):
    import_id = uuid4()
    post(
        client,
        world["programme"],
        [household(), household("Tweede", "t@example.org")],
        import_id=import_id,
    )
    progress_url = reverse("importing:progress", args=[import_id])

    fragment = client.get(progress_url, headers={"HX-Request": "true"}).content.decode()
    page = client.get(progress_url).content.decode()
    report = client.get(f"{URL}?programme={world['programme'].slug}&verslag={import_id}")

    assert "Klaar." in fragment and "hx-get" not in fragment
    assert "Naar het verslag" in page and 'http-equiv="refresh"' not in page
    assert "Gezin Tweede" in report.content.decode()
    client.force_login(testing.coordinator(world["programme"]))
    stranger_page = client.get(progress_url).content.decode()
    assert "Klaar." not in stranger_page and 'http-equiv="refresh"' in stranger_page
    stranger_report = client.get(f"{URL}?verslag={import_id}").content.decode()
    assert (
        "Gezin Tweede" not in stranger_report and "Dit verslag is er niet meer" in stranger_report
    )


def test_progress_while_running_polls_with_htmx_or_refreshes_without(client, world):
    import_id = uuid4()
    Tracker(import_id, world["user"].pk, world["programme"].slug).update("controleren", 500, 10_000)
    progress_url = reverse("importing:progress", args=[import_id])

    fragment = client.get(progress_url, headers={"HX-Request": "true"}).content.decode()
    page = client.get(progress_url).content.decode()

    assert "Bezig met controleren: 500 van 10000 rijen." in fragment
    assert f'hx-get="{progress_url}"' in fragment and 'value="5"' in fragment
    assert 'http-equiv="refresh"' in page and "hx-get" not in page


def test_a_coordinator_imports_only_into_their_own_programmes(client, world):
    assert client.get(f"{URL}?programme={world['other'].slug}").status_code == 404
    response = post(client, world["other"], [household()], action="import", consent=True)

    assert response.status_code == 404
    assert not Household.objects.exists()


def test_an_organisation_admin_imports_into_their_organisations_programmes(client, world):
    client.force_login(testing.user(Role.ORG_ADMIN, organisation=world["programme"].organisation))
    post(client, world["programme"], [household()], action="import", consent=True)

    assert Household.objects.count() == 1


@pytest.mark.parametrize("role", [Role.ANALYST, Role.VOLUNTEER, Role.REFERRER])
def test_other_roles_are_refused(client, world, role):
    client.force_login(testing.user(role))

    assert client.get(URL).status_code == 403
    assert (
        post(client, world["programme"], [household()], action="import", consent=True).status_code
        == 403
    )
    assert client.get(reverse("importing:example", args=["gezinnen", "csv"])).status_code == 403
    assert not Household.objects.exists()


def test_the_command_checks_and_imports_the_same_way(world, tmp_path):
    path = tmp_path / "vrijwilligers.csv"
    bad = tmp_path / "fout.csv"
    path.write_bytes(csv_file(VOLUNTEERS.headers, VOLUNTEERS.example_rows).getvalue())
    bad.write_bytes(csv_file(HOUSEHOLDS.headers, [household(postcode="1234 ZZ")]).getvalue())
    for pc4 in ("9901", "9902"):
        PostcodeArea.objects.create(pc4=pc4, lat=52.09, lon=5.12)
    slug = world["programme"].slug

    call_command(
        "import_registrations",
        "--programme",
        slug,
        str(path),
        "--dry-run",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert not Volunteer.objects.exists()
    out = io.StringIO()
    call_command(
        "import_registrations", "--programme", slug, str(path), stdout=out, stderr=io.StringIO()
    )
    assert Volunteer.objects.count() == 2 and "2 toegevoegd" in out.getvalue()
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command(
            "import_registrations", "--programme", slug, str(bad), stdout=out, stderr=io.StringIO()
        )
    assert "Rij 2, postcode: Postcode 1234 ZZ" in out.getvalue()
    assert not Household.objects.exists()
