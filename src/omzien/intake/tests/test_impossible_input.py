"""Impossible ages and invisible control characters are refused alike on forms, import and API."""

import pytest
from django import forms
from django.utils import timezone

from omzien import testing
from omzien.api.tests.conftest import REFERRALS, Api, make_client, pointers, referral_body
from omzien.intake.importing import reading
from omzien.intake.importing.layouts import HOUSEHOLDS, VOLUNTEERS
from omzien.intake.importing.run import run
from omzien.people.models import Household, Volunteer
from omzien.web.forms import NLDSFormMixin

from .test_import import csv_file, household, volunteer
from .test_signup import URL as HOUSEHOLD_URL
from .test_signup import children_rows, household_data, years_ago
from .test_signup_people import VOLUNTEER_URL, volunteer_data

pytestmark = pytest.mark.django_db

TOO_OLD = "Controleer de geboortedatum: zo oud is niemand."
CHILD_TOO_OLD = "Controleer de geboortedatum: een kind is 18 jaar of jonger."
INVISIBLE = "Hier staat een onzichtbaar teken in"
RLO = "\u202e"


@pytest.fixture
def programme():
    testing.geography()
    return testing.programme(name="Steun in de buurt", min_age=0, max_age=12)


def errors_of(response, field: str, child: int | None = None) -> str:
    form = response.context["form"] if child is None else response.context["children"][child]
    return " ".join(form.errors.get(field, []))


def imported(programme, layout, rows) -> dict[int, str]:
    """Each refused row's problems as one text."""
    table = reading.read(csv_file(layout.headers, rows), "x.csv")
    report = run(table, programme, testing.coordinator(programme), dry_run=True)
    return {row.row: " ".join(row.notes) for row in report.rows if row.outcome == "error"}


def test_a_volunteer_aged_136_is_refused_on_the_form(client, programme):
    response = client.post(VOLUNTEER_URL, volunteer_data(programme, date_of_birth=years_ago(136)))

    assert response.status_code == 200
    assert TOO_OLD in errors_of(response, "date_of_birth")
    assert not Volunteer.objects.exists()


def test_a_child_born_in_1850_is_refused_on_the_form(client, programme):
    data = household_data(programme) | children_rows(("Noor", "1850-04-12"))

    response = client.post(HOUSEHOLD_URL, data)

    assert CHILD_TOO_OLD in errors_of(response, "date_of_birth", child=0)
    assert not Household.objects.exists()


def test_impossible_ages_are_refused_in_the_import(programme):
    volunteers = imported(programme, VOLUNTEERS, [volunteer(geboortedatum=years_ago(136))])
    households = imported(programme, HOUSEHOLDS, [household(kinderen="Noor 1850-04-12")])

    assert TOO_OLD in volunteers[2]
    assert CHILD_TOO_OLD in households[2]


def test_a_child_born_in_1850_is_refused_by_the_api(client, programme):
    token = make_client()[1]
    body = referral_body(
        programme, children=[{"first_name": "Noor", "date_of_birth": "1850-04-12"}]
    )

    response = Api(client).post(REFERRALS, body, token)

    assert response.status_code == 400
    assert CHILD_TOO_OLD in pointers(response)["#/children/0/date_of_birth"]


def test_a_date_of_birth_110_years_ago_is_still_fine():
    today = timezone.localdate()

    Volunteer.date_of_birth.field.run_validators(today.replace(year=today.year - 110))


@pytest.mark.parametrize("name", [f"Jan{RLO}neskooB", "Jan\x00", "Jan\tsen", "Jan\u200bsen"])
def test_control_characters_in_a_name_are_refused_on_the_form(client, programme, name):
    response = client.post(HOUSEHOLD_URL, household_data(programme, last_name=name))

    assert INVISIBLE in errors_of(response, "last_name")
    assert not Household.objects.exists()


def test_tabs_and_line_breaks_are_fine_in_a_text_area_and_joiners_in_a_name(client, programme):
    data = household_data(programme, description="Eerste regel\r\n\tTweede regel")
    data["last_name"] = "Rahimi\u200cpour"  # Persian names need the zero-width non-joiner

    response = client.post(HOUSEHOLD_URL, data)

    assert response.status_code == 302
    assert Household.objects.get().parents.get().last_name == "Rahimi\u200cpour"


def test_every_form_with_the_mixin_refuses_control_characters():
    class AnyForm(NLDSFormMixin, forms.Form):
        title = forms.CharField()
        note = forms.CharField(widget=forms.Textarea)
        email = forms.EmailField(required=False)

    form = AnyForm({"title": f"Zorg{RLO}", "note": f"a\n{RLO}b", "email": ""})

    assert not form.is_valid()
    assert {name: INVISIBLE in " ".join(errors) for name, errors in form.errors.items()} == {
        "title": True,
        "note": True,
    }


def test_control_characters_are_refused_in_the_import(programme):
    rows = [
        household("Jan\x00sen"),
        household("Bakker", "b@example.org", kinderen=f"No{RLO}or 2016-04-12"),
        household("Smit", "s@example.org", hulpvraag="samen iets leuks doen\nhomework"),
    ]

    refused = imported(programme, HOUSEHOLDS, rows)

    assert INVISIBLE in refused[2] and "achternaam" in refused[2]
    assert INVISIBLE in refused[3] and "kinderen" in refused[3]
    assert 4 not in refused  # a line break separates the items of a list


def test_control_characters_are_refused_by_the_api(client, programme):
    token = make_client()[1]
    body = referral_body(programme, first_name=f"Sanne{RLO}", description="Regel 1\nRegel 2")

    response = Api(client).post(REFERRALS, body, token)

    assert response.status_code == 400
    assert list(pointers(response)) == ["#/first_name"]
    assert INVISIBLE in pointers(response)["#/first_name"]


def test_text_fields_that_clean_to_other_types_are_left_alone():
    class Upload(NLDSFormMixin, forms.Form):
        import_id = forms.UUIDField()

    assert Upload({"import_id": "12345678-1234-5678-1234-567812345678"}).is_valid()
