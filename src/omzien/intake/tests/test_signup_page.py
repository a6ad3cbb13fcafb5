"""The household sign-up page itself: which programmes it offers, and how it reads without script."""

import pytest

from omzien import testing

from .test_signup import URL, children_rows, household_data, years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    testing.geography()
    return testing.programme(name="Steun in de buurt", min_age=0, max_age=12)


def test_only_active_household_programmes_are_offered(client, programme):
    testing.programme(serves="youth")
    inactive = testing.programme()
    inactive.is_active = False
    inactive.save()

    form = client.get(URL).context["form"]

    assert list(form.fields["programme"].queryset) == [programme]
    assert form["programme"].value() == programme.pk  # the only one: chosen already


def test_no_preselection_when_there_is_a_choice(client, programme):
    testing.programme()
    form = client.get(URL).context["form"]
    assert form["programme"].value() is None


def test_start_page_leads_to_the_three_forms(client):
    html = client.get("/aanmelden/").text
    for url in (URL, "/aanmelden/jongere/", "/aanmelden/vrijwilliger/"):
        assert f'href="{url}"' in html


def test_form_without_programmes_says_so(client):
    response = client.get(URL)
    assert 'id="geen-programma"' in response.text and "<form method" not in response.text


def test_form_is_accessible_without_javascript(client, programme):
    html = client.get(URL).text

    assert html.count('name="kind-') >= 12 + 4  # six rows of children, and the management form
    assert "<details" in html and "<summary>" in html
    assert "<legend" in html and 'scope="row"' in html
    for autocomplete in ("given-name", "family-name", "email", "tel", "postal-code"):
        assert f'autocomplete="{autocomplete}"' in html
    # Every part of the week has its own label.
    assert (
        '<label class="omzien-visually-hidden" for="id_availability_0">maandag ochtend</label>'
        in html
    )


def test_extra_children_unfold_when_filled(client, programme):
    rows = [(f"Kind{i}", years_ago(3 + i)) for i in range(3)]
    data = household_data(programme, email="", **children_rows(*rows))
    html = client.post(URL, data).text
    assert "<details open>" in html
