"""Importing households and volunteers from CSV and XLSX: dry run, import, idempotence."""

import csv
import gc
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook

from omzien import testing
from omzien.intake.importing import reading
from omzien.intake.importing.layouts import HOUSEHOLDS, VOLUNTEERS
from omzien.intake.importing.run import run
from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus, RequestStatusChange
from omzien.people.models import Child, Household, Parent, Volunteer
from omzien.privacy.models import Consent, ConsentSource, Purpose

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TOMORROW = TODAY + timedelta(days=1)


def csv_file(headers: list[str], rows: list[list[object]], delimiter: str = ",") -> io.BytesIO:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return io.BytesIO(buffer.getvalue().encode("utf-8"))


def xlsx_file(headers: list[str], rows: list[list[object]]) -> io.BytesIO:
    workbook = Workbook()
    workbook.active.append(headers)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def household(last_name="Jansen", email="sanne@example.org", postcode="9801 AB", **changes):
    row = {
        "achternaam": last_name,
        "voornaam ouder": "Sanne",
        "e-mail": email,
        "telefoon": "06 12345678",
        "postcode": postcode,
        "kinderen": "Noor 2016-04-12; Sem 01-09-2019",
        "talen": "nl, ar",
        "hulpvraag": "samen iets leuks doen; homework",
        "beschikbaarheid": "ma-middag, sat_morning",
        "wacht sinds": "",
        "status": "",
    } | changes
    return [row[h] for h in HOUSEHOLDS.headers]


def volunteer(last_name="de Vries", email="kees@example.org", **changes):
    row = {
        "achternaam": last_name,
        "voornaam": "Kees",
        "e-mail": email,
        "telefoon": "",
        "geboortedatum": "1980-05-01",
        "postcode": "9802 CD",
        "reisafstand km": "15",
        "leeftijd van": "4",
        "leeftijd tot": "12",
        "talen": "nl",
        "aanbod": "outings",
        "beschikbaarheid": "wo-middag",
        "huisdieren": "ja",
        "rookt": "nee",
        "status": "",
    } | changes
    return [row[h] for h in VOLUNTEERS.headers]


@pytest.fixture
def world():
    geo = testing.geography()
    programme = testing.programme()
    return {"programme": programme, "user": testing.coordinator(programme), **geo}


def import_file(world, file, name="bestand.csv", dry_run=False):
    table = reading.read(file, name)
    return run(table, world["programme"], world["user"], dry_run=dry_run)


def problems_by_row(report) -> dict[int, str]:
    """Each row's problems as one text, in the order they were found."""
    found: dict[int, str] = {}
    for problem in report.problems:
        found[problem.row] = " ".join(filter(None, [found.get(problem.row), str(problem)]))
    return found


def test_dry_run_reports_each_problem_at_its_row_and_creates_nothing(world):
    rows = [
        household(),
        household("Bakker", "bakker@example.org", beschikbaarheid=""),
        household("Visser", "visser@example.org", kinderen=f"Lot {TOMORROW:%Y-%m-%d}"),
        household("Smit", "dit-is-geen-adres"),
        household("Mulder", "mulder@example.org", postcode="1234 ZZ"),
        household("de Boer", "deboer@example.org", status="gekoppeld"),
        household("Bos", "bos@example.org", status="wacht op een match"),
    ]
    report = import_file(world, csv_file(HOUSEHOLDS.headers, rows), dry_run=True)

    problems = problems_by_row(report)
    assert set(problems) == {3, 4, 5, 6, 7, 8}
    assert problems[3] == "Rij 3, beschikbaarheid: Geen beschikbaarheid ingevuld."
    assert "Rij 4, kinderen:" in problems[4] and "toekomst" in problems[4]
    assert "Rij 5, e-mail:" in problems[5] and "e-mailadres" in problems[5]
    assert "Rij 6, postcode: Postcode 1234 ZZ bestaat niet" in problems[6]
    assert "Rij 7, status: Een koppeling kan niet worden geïmporteerd" in problems[7]
    assert "Rij 8, wacht sinds:" in problems[8]
    assert report.counts == {"create": 1, "skip": 0, "error": 6}
    assert not report.saved
    assert not Household.objects.exists() and not Request.objects.exists()


def test_volunteer_problems_use_the_models_rules(world):
    sixteen = TODAY.replace(year=TODAY.year - 16)
    rows = [
        volunteer(),
        volunteer("Jong", "jong@example.org", geboortedatum=sixteen.strftime("%d-%m-%Y")),
        volunteer("Later", "later@example.org", geboortedatum=f"{TOMORROW:%Y-%m-%d}"),
        volunteer("Omgekeerd", "om@example.org", **{"leeftijd van": "12", "leeftijd tot": "4"}),
        volunteer("Ver", "ver@example.org", **{"reisafstand km": "500"}),
        volunteer("Klaar", "klaar@example.org", status="beschikbaar"),
        volunteer("Rook", "rook@example.org", rookt="soms", talen="nl, xx"),
    ]
    report = import_file(world, csv_file(VOLUNTEERS.headers, rows, delimiter=";"), dry_run=True)

    problems = problems_by_row(report)
    assert set(problems) == {3, 4, 5, 6, 7, 8}
    assert problems[3] == "Rij 3, geboortedatum: Vrijwilligers zijn 18 jaar of ouder."
    assert "Rij 4, geboortedatum:" in problems[4] and "toekomst" in problems[4]
    assert problems[5] == "Rij 5, leeftijd tot: De hoogste leeftijd is lager dan de laagste."
    assert problems[6].startswith("Rij 6, reisafstand km:")
    assert "in screening" in problems[7]
    assert "Rij 8, rookt: Vul ja of nee in." in problems[8]
    assert "Rij 8, talen: Onbekende taal: ‘xx’. Gebruik codes zoals nl, ar." in problems[8]
    assert not Volunteer.objects.exists()


def test_import_creates_households_with_children_requests_and_consent(world):
    rows = [
        household(**{"wacht sinds": "15-01-2024"}),
        household("El Amrani", "", kinderen="Yasmin 2018-03-12", status="intake gepland"),
    ]
    report = import_file(world, csv_file(HOUSEHOLDS.headers, rows))

    assert report.saved and report.counts == {"create": 2, "skip": 0, "error": 0}
    waiting = Request.objects.get(household__parents__last_name="Jansen")
    assert waiting.programme == world["programme"]
    assert waiting.status == RequestStatus.WAITING and waiting.waiting_since == date(2024, 1, 15)
    assert waiting.availability == ["mon_afternoon", "sat_morning"]
    assert waiting.needs == ["outings", "homework"]
    jansen = waiting.household
    assert jansen.postcode == "9801 AB" and jansen.postcode_area == world["near"]
    assert jansen.languages == ["nl", "ar"]
    assert [(c.first_name, c.date_of_birth) for c in jansen.children.all()] == [
        ("Noor", date(2016, 4, 12)),
        ("Sem", date(2019, 9, 1)),
    ]
    planned = Request.objects.get(household__parents__last_name="El Amrani")
    assert planned.status == RequestStatus.INTAKE_PLANNED
    change = RequestStatusChange.objects.get(request=planned)
    assert (change.target, change.by) == (RequestStatus.INTAKE_PLANNED, world["user"])
    consents = Consent.objects.filter(household__isnull=False)
    assert consents.count() == 2
    assert {(c.purpose, c.source, c.recorded_by) for c in consents} == {
        (Purpose.MATCHING, ConsentSource.IMPORT, world["user"])
    }


def test_import_from_xlsx_reads_date_cells(world):
    rows = [
        volunteer(geboortedatum=date(1975, 3, 2), status="in screening"),
        volunteer("Bakker", "", geboortedatum=date(1990, 1, 1), huisdieren=True),
    ]
    report = import_file(world, xlsx_file(VOLUNTEERS.headers, rows), name="vrijwilligers.xlsx")

    assert report.saved and report.counts["create"] == 2
    offer = Offer.objects.get(volunteer__last_name="de Vries")
    assert offer.status == OfferStatus.SCREENING
    assert (offer.min_child_age, offer.max_child_age) == (4, 12)
    kees = offer.volunteer
    assert kees.date_of_birth == date(1975, 3, 2) and kees.travel_radius_km == 15
    assert kees.has_pets and not kees.smokes and kees.postcode_area == world["far"]
    assert Volunteer.objects.get(last_name="Bakker").has_pets
    assert Consent.objects.filter(volunteer__isnull=False, source=ConsentSource.IMPORT).count() == 2


@pytest.mark.parametrize(
    ("layout", "make", "name"),
    [
        (HOUSEHOLDS, household, "gezinnen.csv"),
        (VOLUNTEERS, volunteer, "vrijwilligers.xlsx"),
    ],
)
def test_importing_twice_creates_no_duplicates(world, layout, make, name):
    rows = [
        make(),
        make(last_name="Zonder", email=""),
        make(last_name="Derde", email="derde@example.org"),
    ]
    writer = xlsx_file if name.endswith("xlsx") else csv_file
    first = import_file(world, writer(layout.headers, rows), name)
    counts = (
        Household.objects.count(),
        Parent.objects.count(),
        Child.objects.count(),
        Volunteer.objects.count(),
        Request.objects.count(),
        Offer.objects.count(),
        Consent.objects.count(),
    )

    second = import_file(world, writer(layout.headers, rows), name)

    assert first.counts == {"create": 3, "skip": 0, "error": 0}
    assert second.saved and second.counts == {"create": 0, "skip": 3, "error": 0}
    assert {tuple(r.notes) for r in second.rows} == {("Al aanwezig, overgeslagen.",)}
    assert counts == (
        Household.objects.count(),
        Parent.objects.count(),
        Child.objects.count(),
        Volunteer.objects.count(),
        Request.objects.count(),
        Offer.objects.count(),
        Consent.objects.count(),
    )


def test_the_same_person_twice_in_one_file_is_created_once(world):
    rows = [household(), household(telefoon="06 99999999"), household("Jansen", "")]
    report = import_file(world, csv_file(HOUSEHOLDS.headers, rows))

    assert [r.outcome for r in report.rows] == ["create", "skip", "skip"]
    assert report.rows[1].notes == ["Staat al in rij 2 van dit bestand, overgeslagen."]
    assert Household.objects.count() == 1


def test_one_bad_row_in_ten_thousand_creates_nothing(world):
    rows = [household(f"Gezin{i}", f"ouder{i}@example.org") for i in range(10_000)]
    rows[7_000] = household("Fout", "fout@example.org", postcode="1234 ZZ")
    report = import_file(world, csv_file(HOUSEHOLDS.headers, rows))

    assert not report.saved
    assert [str(p) for p in report.problems] == [
        "Rij 7002, postcode: Postcode 1234 ZZ bestaat niet of ligt buiten ons werkgebied."
    ]
    assert report.counts == {"create": 9_999, "skip": 0, "error": 1}
    assert not Household.objects.exists() and not Consent.objects.exists()


def test_a_file_without_the_documented_columns_is_refused(world):
    with pytest.raises(reading.FileProblem, match="niet herkend"):
        reading.read(csv_file(["naam", "adres"], [["a", "b"]]), "x.csv")
    with pytest.raises(reading.FileProblem, match="ontbreken voor gezinnen: postcode"):
        headers = [h for h in HOUSEHOLDS.headers if h != "postcode"]
        reading.read(csv_file(headers, []), "x.csv")
    with pytest.raises(reading.FileProblem, match="CSV- of XLSX"):
        reading.read(io.BytesIO(b""), "x.xls")
    with pytest.raises(reading.FileProblem, match="meer dan 2 rijen"):
        reading.read(csv_file(HOUSEHOLDS.headers, [household()] * 3), "x.csv", max_rows=2)
    with pytest.raises(reading.FileProblem, match="geen leesbaar XLSX"):
        reading.read(io.BytesIO(b"not a zip"), "x.xlsx")


def test_a_youth_programme_takes_no_households(world):
    world["programme"].programme_type.serves = "youth"
    report = import_file(world, csv_file(HOUSEHOLDS.headers, [household()]))

    assert not report.ok and "jongeren" in report.refusal
    assert not Household.objects.exists()


def test_the_cycle_collector_runs_again_after_an_import_even_a_refused_one(world):
    """The import pauses it for speed; the web worker must not stay without it."""
    import_file(world, csv_file(HOUSEHOLDS.headers, [household()]))
    assert gc.isenabled()

    report = import_file(world, csv_file(HOUSEHOLDS.headers, [household(postcode="1234 ZZ")]))
    assert not report.saved and gc.isenabled()

    with pytest.raises(reading.FileProblem):
        reading.read(csv_file(["naam"], [["a"]]), "x.csv")
    assert gc.isenabled()
