"""The audit trail: a row for every look at personal data, refusals too; append-only; the
privacy officer's view of it, by person, with exports."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from omzien import testing
from omzien.access.roles import Role
from omzien.privacy.matrix import MATRIX, PUBLIC
from omzien.privacy.models import AuditAction, AuditEvent
from omzien.privacy.recording import record
from omzien.privacy.trail_text import PAGES

from .conftest import privacy_officer

pytestmark = pytest.mark.django_db


def last_event() -> AuditEvent:
    return AuditEvent.objects.order_by("-pk").first()


def test_opening_a_match_records_who_what_and_about_whom(client, world):
    client.force_login(world["coordinator"])
    match = world["match"]

    assert client.get(reverse("matches:match_detail", args=[match.pk])).status_code == 200

    event = last_event()
    assert (event.user, event.username, event.role) == (
        world["coordinator"],
        world["coordinator"].username,
        Role.COORDINATOR,
    )
    assert (event.action, event.url_name, event.method, event.status_code) == (
        AuditAction.VIEW,
        "matches:match_detail",
        "GET",
        200,
    )
    assert (event.object_type, event.object_id) == ("matches.match", match.pk)
    assert event.household_id == match.request.household_id
    assert event.volunteer_id == match.offer.volunteer_id
    assert event.ip_address == "127.0.0.1"


def test_a_row_names_nobody(client, world):
    client.force_login(world["coordinator"])
    client.get(reverse("matching:request_detail", args=[world["matched"].pk]))
    row = " ".join(str(v) for v in AuditEvent.objects.values_list().get(pk=last_event().pk))
    for secret in ("Alfa", "Sanne", "sanne@example.org", "9801 AB"):
        assert secret not in row


def test_guessed_id_is_refused_logged_and_reveals_nothing(client, world):
    outsider = testing.coordinator(world["other"])
    client.force_login(outsider)

    response = client.get(reverse("matches:match_detail", args=[world["match"].pk]))

    assert response.status_code == 404
    assert "Alfa" not in response.text and "Charlie" not in response.text
    event = last_event()
    assert (event.user, event.action, event.status_code) == (outsider, AuditAction.REFUSED, 404)
    assert event.url_kwargs == {"pk": str(world["match"].pk)}
    assert event.object_type == "" and event.household_id is None  # nothing about the row


def test_analyst_asking_for_a_person_is_refused_and_logged(client, world):
    analyst = testing.user(Role.ANALYST)
    client.force_login(analyst)

    assert (
        client.get(reverse("matching:request_detail", args=[world["matched"].pk])).status_code
        == 403
    )

    assert (last_event().user, last_event().action, last_event().status_code) == (
        analyst,
        AuditAction.REFUSED,
        403,
    )


def test_a_list_page_is_one_row_without_an_object(client, world):
    client.force_login(world["coordinator"])
    before = AuditEvent.objects.count()

    client.get(reverse("intake:waiting_list"))

    assert AuditEvent.objects.count() == before + 1
    assert last_event().url_name == "intake:waiting_list" and last_event().object_id is None


def test_a_view_that_renders_another_view_writes_one_row(client, world):
    client.force_login(world["coordinator"])
    before = AuditEvent.objects.count()

    # An invalid step re-renders the detail view (a second role_required view) inside the first.
    client.post(reverse("matches:match_step", args=[world["match"].pk]), {"status": "nonsense"})

    assert AuditEvent.objects.count() == before + 1
    assert (
        last_event().action == AuditAction.CHANGE and last_event().url_name == "matches:match_step"
    )


def test_a_page_without_personal_data_leaves_no_row(client, world):
    client.force_login(world["coordinator"])
    before = AuditEvent.objects.count()
    client.get(reverse("privacy:register"))
    assert AuditEvent.objects.count() == before


def test_client_address_comes_from_the_proxy_header_when_configured(client, world, settings):
    settings.OMZIEN_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    client.force_login(world["coordinator"])
    client.get(
        reverse("matches:match_detail", args=[world["match"].pk]),
        HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7",
    )
    assert last_event().ip_address == "203.0.113.7"


def test_the_trail_is_append_only(world):
    event = record(world["coordinator"], AuditAction.VIEW, obj=world["match"])
    event.action = AuditAction.ERASE
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).update(action=AuditAction.ERASE)
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.VIEW


def test_admin_shows_the_trail_read_only(admin_client, world):
    record(world["coordinator"], AuditAction.VIEW, obj=world["match"])
    event = last_event()
    assert admin_client.get(reverse("admin:privacy_auditevent_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:privacy_auditevent_add")).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:privacy_auditevent_delete", args=[event.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_officer_finds_who_looked_at_a_family(client, world):
    household = world["matched"].household
    client.force_login(world["coordinator"])
    client.get(reverse("matches:match_detail", args=[world["match"].pk]))
    client.get(reverse("matching:request_detail", args=[world["waiting"].pk]))  # another family
    client.force_login(world["officer"])

    found = client.post(reverse("privacy:audit"), {"q": "Alfa"})
    assert f"nummer={household.pk}" in found.text

    page = client.get(reverse("privacy:audit"), {"soort": "gezin", "nummer": household.pk})
    rows = list(page.context["events"])
    assert rows and all(e.household_id == household.pk for e in rows)
    assert world["coordinator"].username in page.text
    # Looking something up in the trail is itself in the trail, about that family.
    assert last_event().user == world["officer"] and last_event().household_id == household.pk


def test_officer_exports_the_filtered_trail(client, world):
    household = world["matched"].household
    client.force_login(world["coordinator"])
    client.get(reverse("matches:match_detail", args=[world["match"].pk]))
    client.force_login(world["officer"])
    query = {"soort": "gezin", "nummer": household.pk}

    text = client.get(reverse("privacy:audit_export", args=["csv"]), query).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["gezin"] for r in rows} == {str(household.pk)}
    assert any(r["gebruikersnaam"] == world["coordinator"].username for r in rows)

    book = client.get(reverse("privacy:audit_export", args=["xlsx"]), query)
    sheet = load_workbook(io.BytesIO(book.content)).active
    assert sheet.max_row == len(rows) + 1 + 1  # the CSV export itself is about the family too
    assert last_event().action == AuditAction.EXPORT


def test_officer_sees_own_organisation_only_and_superuser_sees_all(client, world):
    client.force_login(world["coordinator"])
    client.get(reverse("matches:match_detail", args=[world["match"].pk]))
    event = last_event()
    other_officer = privacy_officer(world["other"].organisation)
    superuser = testing.user(Role.SUPERUSER)

    assert not AuditEvent.objects.visible_to_officer(other_officer).filter(pk=event.pk).exists()
    assert AuditEvent.objects.visible_to_officer(world["officer"]).filter(pk=event.pk).exists()
    assert AuditEvent.objects.visible_to_officer(superuser).filter(pk=event.pk).exists()
    client.force_login(superuser)
    assert client.get(reverse("privacy:audit")).status_code == 200


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ORG_ADMIN, Role.ANALYST, Role.RESEARCHER])
def test_only_officers_open_the_trail(client, world, role):
    client.force_login(testing.user(role, organisation=world["programme"].organisation))
    assert client.get(reverse("privacy:audit")).status_code == 403


def test_audit_page_issues_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    for _ in range(40):
        record(world["coordinator"], AuditAction.VIEW, obj=world["match"])
    client.force_login(world["officer"])
    # However many rows: a fixed number, the names of the people in them included.
    with django_assert_max_num_queries(14):
        assert client.get(reverse("privacy:audit")).status_code == 200


def test_postgresql_itself_refuses_to_rewrite_the_trail(world):
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the database trigger is PostgreSQL's")
    event = record(world["coordinator"], AuditAction.VIEW, obj=world["match"])
    for sql in ("UPDATE privacy_auditevent SET action = 'erase'", "DELETE FROM privacy_auditevent"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.VIEW


def test_a_volunteer_writing_to_another_match_is_refused_and_logged(client, world):
    account = testing.user(Role.VOLUNTEER)
    spare = world["spare"].volunteer
    spare.account = account
    spare.save(update_fields=["account"])
    client.force_login(account)

    url = reverse("matches:own_contact", args=[world["match"].pk])
    response = client.post(url, {"on": "2026-01-01", "kind": "visit", "hours": "1"})

    assert response.status_code == 404 and "Alfa" not in response.text
    event = last_event()
    assert (event.user, event.action, event.method) == (account, AuditAction.REFUSED, "POST")
    assert not world["match"].contacts.filter(by=account).exists()


def test_the_trail_reads_as_dutch_sentences_with_the_person_concerned(client, world):
    household = world["matched"].household
    client.force_login(world["coordinator"])
    client.get(reverse("matches:match_detail", args=[world["match"].pk]))

    client.force_login(world["officer"])
    officer_page = client.get(reverse("privacy:audit")).text
    client.force_login(testing.user(Role.SUPERUSER))
    superuser_page = client.get(reverse("privacy:audit")).text

    assert "Koppeling bekeken" in officer_page and "matches:match_detail" not in officer_page
    assert f"Gezin Alfa (gezin {household.pk})" in officer_page
    # Functional management sees the whole trail, but nobody in it by name.
    assert f"gezin {household.pk}" in superuser_page and "Alfa" not in superuser_page
    # The export says it in words too, beside the raw columns.
    export = client.get(reverse("privacy:audit_export", args=["csv"])).content.decode()
    assert "Koppeling bekeken" in export


def test_every_page_behind_a_role_has_a_sentence_in_the_trail():
    assert {name for name, roles in MATRIX.items() if roles != PUBLIC} - set(PAGES) == set()


def test_in_english_a_person_is_named_by_an_english_pseudonym(client, world):
    household = world["matched"].household
    client.force_login(world["coordinator"])
    client.get(reverse("matches:match_detail", args=[world["match"].pk]))
    client.force_login(testing.user(Role.SUPERUSER))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = client.get(reverse("privacy:audit")).text

    assert f"family {household.pk}" in page and f"gezin {household.pk}" not in page
