"""The research export: only people who consented, pseudonymised with a new key per export,
no direct identifiers, k-anonymous on its quasi-identifiers, and saying how."""

import csv
import io
import random
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from omzien import testing
from omzien.accounts.models import Role
from omzien.geo.models import District, Neighbourhood, PostcodeArea
from omzien.intake.models import Request, RequestStatus
from omzien.people.models import Child, Household
from omzien.privacy.models import AuditAction, AuditEvent, Consent, ConsentSource, Purpose
from omzien.privacy.research import COLUMNS, collect_rows, description, export, pseudonymiser
from omzien.vocabulary import HouseholdType

pytestmark = pytest.mark.django_db

QUASI_IDENTIFIERS = [c.name for c in COLUMNS if c.quasi_identifier]


@pytest.fixture
def researcher():
    return testing.user(Role.RESEARCHER)


@pytest.fixture
def crowd(world):
    """Six more families who consented and look like the matched family: a group of seven."""
    for n in range(6):
        request = testing.waiting_request(
            world["programme"], world["geo"]["near"], last_name=f"K{n}"
        )
        Consent.objects.create(
            household=request.household, purpose=Purpose.RESEARCH, source=ConsentSource.ONLINE_FORM
        )


def download(client, fmt="csv") -> list[dict]:
    response = client.get(reverse("privacy:research_export", args=[fmt]))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def smallest_group(rows) -> int:
    groups = defaultdict(set)
    for row in rows:
        groups[tuple(row[c] for c in QUASI_IDENTIFIERS)].add(row["person"])
    return min(len(people) for people in groups.values())


def test_only_people_who_consented_to_research(world, researcher):
    rows = collect_rows(researcher)
    # The matched family and the young person consented; the waiting family and Zulu did not.
    assert sorted(r["kind"] for r in rows) == ["household", "youth"]


def test_the_same_person_gets_a_different_pseudonym_in_two_exports(
    client, world, crowd, researcher
):
    client.force_login(researcher)
    first, second = ({r["person"] for r in download(client)} for _ in range(2))
    assert len(first) == len(second) == 7
    assert first.isdisjoint(second)
    assert {len(p) for p in first} == {16}


def test_pseudonyms_are_keyed_and_stable_within_one_key():
    same = pseudonymiser(b"k" * 32)
    assert same("household", 1) == same("household", 1) != same("youth", 1)
    assert pseudonymiser(b"k" * 32)("household", 1) != pseudonymiser(b"x" * 32)("household", 1)


def test_no_names_contact_data_births_volunteers_or_match_dates(client, world, crowd, researcher):
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
        "2008",
    ):
        assert secret not in text
    assert "Fijn uitje" not in text  # free text never leaves
    header = next(iter(csv.reader(io.StringIO(text))))
    assert header == [c.name for c in COLUMNS]
    # The volunteer column was empty in every row, and the match's months single people out.
    assert not {"volunteer", "match_started", "match_ended", "birth_years"} & set(header)


def test_a_person_standing_alone_is_withheld(client, world, crowd, researcher):
    client.force_login(researcher)
    rows = download(client)
    # The young person is the only one of their kind: no generalisation hides that.
    assert {r["kind"] for r in rows} == {"household"} and len(rows) == 7
    assert smallest_group(rows) >= 5


def test_export_is_audited_and_comes_as_xlsx(client, world, crowd, researcher):
    client.force_login(researcher)
    response = client.get(reverse("privacy:research_export", args=["xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.worksheets[0].max_row == 8
    about = [row[0] for row in book["Toelichting"].iter_rows(values_only=True)]
    expected = "Weggelaten: 1 rij (die hoorde daarna nog bij een groep van minder dan 5 mensen)."
    assert expected in about
    event = AuditEvent.objects.order_by("-pk").first()
    assert (event.user, event.action, event.count) == (researcher, AuditAction.EXPORT, 7)
    assert event.household_id is None  # the trail does not link the export to a person


def test_withdrawn_research_consent_leaves_the_next_export(world, researcher):
    Consent.objects.get(youth=world["youth"].youth, purpose=Purpose.RESEARCH).withdraw()
    assert [r["kind"] for r in collect_rows(researcher)] == ["household"]


def test_researcher_scope_is_their_municipality(world, researcher):
    elsewhere = testing.user(Role.RESEARCHER, municipality=testing.geography()["municipality"])
    assert len(collect_rows(elsewhere)) == 2
    from omzien.geo.models import Municipality

    other = Municipality.objects.create(code="GM9997", name="Andere", lat=52, lon=5)
    assert collect_rows(testing.user(Role.RESEARCHER, municipality=other)) == []


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ORG_ADMIN, Role.ANALYST])
def test_only_researchers_export(client, world, role):
    client.force_login(testing.user(role))
    assert client.get(reverse("privacy:research_export", args=["csv"])).status_code == 403


def test_the_demo_export_is_k_anonymous_and_keeps_rows(client):
    call_command("load_demo", verbosity=0)
    client.force_login(testing.user(Role.RESEARCHER))
    rows = download(client)
    assert len(rows) >= 50
    assert smallest_group(rows) >= 5


def pool(households: int, seed: int = 14) -> None:
    """Families who consented to research, spread over 40 PC4 areas in four districts, with
    one to three children and signed up over two years; built in bulk."""
    draw = random.Random(seed)
    geo = testing.geography()
    programmes = [testing.programme(), testing.programme()]
    districts = District.objects.bulk_create(
        District(code=f"WK99980{d + 2}", name=f"Wijk {d}", municipality=geo["municipality"])
        for d in range(4)
    )
    hoods = Neighbourhood.objects.bulk_create(
        Neighbourhood(code=f"BU{d.code[2:]}01", name=d.name, district=d) for d in districts
    )
    areas = PostcodeArea.objects.bulk_create(
        PostcodeArea(
            pc4=str(9810 + a), lat=52, lon=5, municipality=geo["municipality"], neighbourhood=hood
        )
        for a, hood in enumerate(hoods * 10)
    )
    families = Household.objects.bulk_create(
        Household(
            postcode=f"{area.pc4} AB",
            postcode_area=area,
            household_type=draw.choice(HouseholdType.values),
        )
        for area in (draw.choice(areas) for _ in range(households))
    )
    Child.objects.bulk_create(
        Child(
            household=family,
            first_name="Kind",
            date_of_birth=date(draw.randrange(2008, 2025), 6, 1),
        )
        for family in families
        for _ in range(draw.randrange(1, 4))
    )
    start = datetime(2024, 1, 1, tzinfo=timezone.get_current_timezone())
    Request.objects.bulk_create(
        Request(
            programme=draw.choice(programmes),
            household=family,
            status=RequestStatus.WAITING,
            signed_up_at=start + timedelta(days=draw.randrange(730)),
            availability=testing.ALL_SLOTS,
            needs=["outings"],
        )
        for family in families
    )
    Consent.objects.bulk_create(
        Consent(household=family, purpose=Purpose.RESEARCH, source=ConsentSource.ONLINE_FORM)
        for family in families
    )


def test_a_pool_of_households_comes_out_k_anonymous(researcher):
    pool(400)
    raw = collect_rows(researcher)
    assert smallest_group([r | {"area": r["area"].pc4} for r in raw]) == 1
    outcome = export(researcher)
    assert smallest_group(outcome.rows) >= 5
    assert len(outcome.rows) >= 0.95 * 400


def test_the_description_states_the_generalisation_and_the_rows_withheld(client, researcher):
    pool(400)
    outcome = export(researcher)
    lines = description(outcome)
    assert any(line.startswith("gebied (postcode, wijk of gemeente): ") for line in lines)
    assert any(line.startswith(f"Weggelaten: {outcome.withheld} ") for line in lines)
    client.force_login(researcher)
    page = client.get(reverse("privacy:research")).content.decode()
    for line in lines:
        assert line in page
