"""The research export: only people who consented, pseudonymised with a new key per export,
no direct identifiers, small groups suppressed."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from omzien import testing
from omzien.access.roles import Role
from omzien.privacy.models import AuditAction, AuditEvent, Consent, Purpose
from omzien.privacy.research import COLUMNS, export_rows, pseudonymiser, suppress_small_groups

pytestmark = pytest.mark.django_db


@pytest.fixture
def researcher():
    return testing.user(Role.RESEARCHER)


def download(client, fmt="csv") -> list[dict]:
    response = client.get(reverse("privacy:research_export", args=[fmt]))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_only_people_who_consented_to_research(world, researcher):
    rows = export_rows(researcher)
    # The matched family and the young person consented; the waiting family and Zulu did not.
    assert sorted(r["kind"] for r in rows) == ["household", "youth"]


def test_the_same_person_gets_a_different_pseudonym_in_two_exports(client, world, researcher):
    client.force_login(researcher)
    first, second = download(client), download(client)
    by_kind = lambda rows: {r["kind"]: r["person"] for r in rows}  # noqa: E731
    assert by_kind(first).keys() == by_kind(second).keys() == {"household", "youth"}
    for kind in ("household", "youth"):
        assert by_kind(first)[kind] != by_kind(second)[kind]
        assert len(by_kind(first)[kind]) == 16
    # Within one export a person keeps one pseudonym; the volunteer who consented is linked.
    household = next(r for r in first if r["kind"] == "household")
    assert household["volunteer"] and household["volunteer"] != household["person"]


def test_pseudonyms_are_keyed_and_stable_within_one_key():
    same = pseudonymiser(b"k" * 32)
    assert same("household", 1) == same("household", 1) != same("youth", 1)
    assert pseudonymiser(b"k" * 32)("household", 1) != pseudonymiser(b"x" * 32)("household", 1)


def test_no_names_contact_data_exact_births_or_full_postcodes(client, world, researcher):
    client.force_login(researcher)
    text = client.get(reverse("privacy:research_export", args=["csv"])).content.decode()
    for secret in (
        "Alfa",
        "Yilmaz",
        "Yara",
        "Sanne",
        "Charlie",
        "example.org",
        "9801 AB",
        "2008-04-12",
    ):
        assert secret not in text
    assert "Fijn uitje" not in text  # free text never leaves
    assert next(iter(csv.reader(io.StringIO(text)))) == [c.name for c in COLUMNS]


def test_small_groups_are_suppressed(world, researcher):
    rows = export_rows(researcher)
    # Two people in total: every PC4 area, municipality and programme type is shared by fewer
    # than five, so each is blanked.
    assert {r["pc4"] for r in rows} == {""} and {r["municipality"] for r in rows} == {""}


def test_suppression_keeps_values_enough_people_share():
    rows = [
        {
            "person": f"p{i}",
            "pc4": "1234" if i < 6 else "9999",
            "municipality": "GM1",
            "programme_type": "t",
            "household_type": "x",
        }
        for i in range(8)
    ]
    published = suppress_small_groups(rows)
    assert [r["pc4"] for r in published].count("1234") == 6
    assert all(r["pc4"] != "9999" for r in published)


def test_export_is_audited_and_comes_as_xlsx(client, world, researcher):
    client.force_login(researcher)
    response = client.get(reverse("privacy:research_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3
    event = AuditEvent.objects.order_by("-pk").first()
    assert (event.user, event.action, event.count) == (researcher, AuditAction.EXPORT, 2)
    assert event.household_id is None  # the trail does not link the export to a person


def test_withdrawn_research_consent_leaves_the_next_export(world, researcher):
    Consent.objects.get(youth=world["youth"].youth, purpose=Purpose.RESEARCH).withdraw()
    assert [r["kind"] for r in export_rows(researcher)] == ["household"]


def test_researcher_scope_is_their_municipality(world, researcher):
    elsewhere = testing.user(Role.RESEARCHER, municipality=testing.geography()["municipality"])
    assert len(export_rows(elsewhere)) == 2
    from omzien.geo.models import Municipality

    other = Municipality.objects.create(code="GM9997", name="Andere", lat=52, lon=5)
    assert export_rows(testing.user(Role.RESEARCHER, municipality=other)) == []


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ORG_ADMIN, Role.ANALYST])
def test_only_researchers_export(client, world, role):
    client.force_login(testing.user(role))
    assert client.get(reverse("privacy:research_export", args=["csv"])).status_code == 403
