"""The pages: who may open them, what they show, and the forms behind them."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.outcomes.models import Administration, AdministrationStatus, Goal, Phase

from . import world
from .test_report import MONEY_AFTER, MONEY_BEFORE, pairs

pytestmark = pytest.mark.django_db
REPORT = reverse("outcomes:report")


@pytest.fixture
def geo():
    return testing.geography()


@pytest.fixture
def programme(geo):
    made = world.programme()
    made.municipalities.add(geo["municipality"])
    return made


def login(client, role, **fields):
    account = testing.user(role, **fields)
    client.force_login(account)
    return account


@pytest.mark.parametrize(
    "role", [Role.VOLUNTEER, Role.REFERRER, Role.COORDINATOR, Role.PARENT, Role.RESEARCHER]
)
def test_the_report_is_refused_to_other_roles(client, role):
    login(client, role)
    assert client.get(REPORT).status_code == 403


def test_the_report_sends_anonymous_visitors_to_log_in(client):
    assert client.get(REPORT).status_code == 302


def test_org_admin_sees_the_report_of_own_organisation_in_bounded_queries(
    client, geo, programme, django_assert_max_num_queries
):
    pairs(programme, geo["near"], MONEY_BEFORE, MONEY_AFTER)
    other = world.programme()
    login(client, Role.ORG_ADMIN, organisation=programme.organisation)

    with django_assert_max_num_queries(16):
        response = client.get(REPORT)
    content = response.content.decode()
    assert response.status_code == 200 and 'id="changes"' in content
    assert "Geld" in content and "0,88" in content  # the mean change, in Dutch notation
    assert other.name not in content
    refused = client.get(REPORT, {"programme": other.slug})
    assert refused.context["report"] is None and refused.context["form"].errors


def test_analyst_sees_aggregates_of_their_municipality_only(client, geo, programme):
    pairs(programme, geo["near"], MONEY_BEFORE, MONEY_AFTER, prefix="Achternaam")
    login(client, Role.ANALYST, municipality=geo["municipality"])

    content = client.get(REPORT).content.decode()
    assert 'id="changes"' in content and "Achternaam" not in content and "Teststad" in content

    request = Administration.objects.first().request
    for name, args in (
        ("outcomes:request_questionnaires", [request.pk]),
        ("outcomes:goals", [request.pk]),
        ("outcomes:own_list", []),
    ):
        assert client.get(reverse(name, args=args)).status_code == 403


def test_analyst_of_another_municipality_sees_an_empty_state(client, geo, programme):
    from omzien.geo.models import Municipality

    pairs(programme, geo["near"], MONEY_BEFORE, MONEY_AFTER)
    elsewhere = Municipality.objects.create(code="GM9996", name="Anders", lat=52, lon=6)
    login(client, Role.ANALYST, municipality=elsewhere)
    response = client.get(REPORT)
    assert 'id="empty"' in response.content.decode() and response.context["report"] is None


def test_a_period_without_data_says_so(client, programme):
    login(client, Role.ORG_ADMIN, organisation=programme.organisation)
    response = client.get(REPORT, {"start": "2001-01-01", "end": "2001-12-31"})
    assert response.context["report"].is_empty
    assert "In deze periode is geen koppeling afgesloten" in response.content.decode()


def test_coordinator_enters_a_paper_questionnaire_and_must_confirm_a_replacement(
    client, geo, programme, django_assert_max_num_queries
):
    request = world.after_intake(programme, geo["near"])
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("outcomes:request_questionnaires", args=[request.pk]))
    assert page.status_code == 200 and "Situatie van het gezin" in page.content.decode()

    url = reverse("outcomes:enter_paper", args=[request.pk, world.SITUATION, Phase.INTAKE, 0])
    form = client.get(url)
    html = form.content.decode()
    assert "<legend" in html and 'type="radio"' in html and "Geld: kunnen jullie" in html
    items = list(form.context["form"].questions)
    data = {items[0]: 2, items[1]: 4, "answered_on": timezone.localdate().isoformat()}

    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 400 and "Vink aan om te vervangen" in again.content.decode()
    replaced = client.post(url, data | {items[0]: 3, "replace": "on", "reason": "Typfout"})
    assert replaced.status_code == 302
    rows = Administration.objects.filter(request=request).order_by("pk")
    assert [r.status for r in rows] == [
        AdministrationStatus.SUPERSEDED,
        AdministrationStatus.ANSWERED,
    ]
    assert rows[1].entered_by == coordinator and rows[1].scores["Geld"] == 3


def test_coordinator_pages_refuse_other_programmes_and_other_roles(client, geo, programme):
    request = world.after_intake(programme, geo["near"])
    url = reverse("outcomes:request_questionnaires", args=[request.pk])
    client.force_login(testing.coordinator(world.programme()))
    assert client.get(url).status_code == 404
    for role in (Role.VOLUNTEER, Role.REFERRER, Role.PARENT):
        login(client, role)
        assert client.get(url).status_code == 403


def test_goals_at_intake_then_scored_at_closure(client, geo):
    programme = world.programme()
    world.uses(programme, world.GOALS, interim=True)
    match = world.closed_match(programme, geo["near"], ended_on=timezone.localdate())
    client.force_login(testing.coordinator(programme))
    url = reverse("outcomes:goals", args=[match.request.pk])
    # As a browser sends it: every row's weight keeps its 1 unless changed.
    management = {"doel-TOTAL_FORMS": 5, "doel-INITIAL_FORMS": 0} | {
        f"doel-{i}-weight": 1 for i in range(5)
    }
    one = {"doel-0-description": "Vaker naar buiten", "doel-0-weight": 1, "doel-0-start_level": -1}

    assert "Kies twee tot vijf doelen" in client.post(url, management | one).content.decode()
    two = one | {"doel-1-description": "Rust in huis", "doel-1-weight": 2, "doel-1-start_level": -2}
    assert client.post(url, management | two).status_code == 302
    goals = list(Goal.objects.filter(request=match.request))
    intake = Administration.objects.get(request=match.request, phase=Phase.INTAKE)
    assert len(goals) == 2 and intake.total < 50

    closure = reverse(
        "outcomes:enter_paper", args=[match.request.pk, world.GOALS, Phase.CLOSURE, 0]
    )
    levels = {f"q{goals[0].pk}": 1, f"q{goals[1].pk}": 0, "answered_on": timezone.localdate()}
    assert client.post(closure, levels).status_code == 302
    scored = Administration.objects.get(request=match.request, phase=Phase.CLOSURE)
    assert scored.total == pytest.approx(50 + 10 * 1 / (0.7 * 5 + 0.3 * 9) ** 0.5)
    assert client.get(url).context["locked"]


def test_parent_answers_on_their_own_page_once(client, geo, programme):
    request = world.after_intake(programme, geo["near"])
    parent = login(client, Role.PARENT)
    request.household.parents.update(account=parent)

    listing = client.get(reverse("outcomes:own_list"))
    assert "Tevredenheid en ervaren steun" in listing.content.decode()
    assert "Situatie van het gezin" not in listing.content.decode()  # the coordinator's
    url = reverse("outcomes:own_answer", args=[request.pk, world.SUPPORT, Phase.INTAKE, 0])
    form = client.get(url).context["form"]
    assert len(form.questions) == 5  # satisfaction with the volunteer is not asked yet
    assert client.post(url, {}).status_code == 400
    first = next(iter(form.questions))
    assert client.post(url, {first: 4}).status_code == 302
    saved = Administration.objects.get(request=request)
    assert saved.mode == "own_page" and saved.entered_by == parent
    assert client.post(url, {first: 5}).status_code == 404
    assert 'id="empty"' in client.get(reverse("outcomes:own_list")).content.decode()


def test_nobody_answers_for_another_family(client, geo, programme):
    request = world.after_intake(programme, geo["near"])
    login(client, Role.PARENT)
    url = reverse("outcomes:own_answer", args=[request.pk, world.SUPPORT, Phase.INTAKE, 0])
    assert client.get(url).status_code == 404


def goals_form(page) -> dict:
    """What the browser sends back for the goals page as it was read, weights and all."""
    formset = page.context["formset"]
    data = {f"doel-{name}": value for name, value in formset.management_form.initial.items()}
    for form in formset.forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is not None:
                data[form.add_prefix(name)] = getattr(value, "pk", value)
    return data


def typed(data: dict, *descriptions: str) -> dict:
    changes = {}
    for i, description in enumerate(descriptions):
        changes |= {f"doel-{i}-description": description, f"doel-{i}-start_level": -1}
    return data | changes


def goals_page_for_two(client, geo, programme):
    world.uses(programme, world.GOALS, interim=True)
    match = world.closed_match(programme, geo["near"], ended_on=timezone.localdate())
    url = reverse("outcomes:goals", args=[match.request.pk])
    other = Client()
    client.force_login(testing.coordinator(programme))
    other.force_login(testing.coordinator(programme))
    return match.request, url, other


def test_the_second_to_save_goals_is_told_and_keeps_their_text(client, geo, programme):
    request, url, other = goals_page_for_two(client, geo, programme)
    assert (
        client.post(url, typed(goals_form(client.get(url)), "Vaker buiten", "Rust")).status_code
        == 302
    )

    first, second = goals_form(client.get(url)), goals_form(other.get(url))
    assert client.post(url, typed(first, "Vaker naar het park", "Rust")).status_code == 302
    late = other.post(url, typed(second, "Samen koken", "Rust in huis"))

    page = late.content.decode()
    assert late.status_code == 400 and "Iemand anders heeft de doelen net opgeslagen" in page
    assert "Samen koken" in page and "Rust in huis" in page
    saved = Goal.objects.filter(request=request)
    assert [g.description for g in saved] == ["Vaker naar het park", "Rust"]


def test_goals_added_by_someone_else_meanwhile_are_not_doubled(client, geo, programme):
    request, url, other = goals_page_for_two(client, geo, programme)
    first, second = goals_form(client.get(url)), goals_form(other.get(url))

    assert client.post(url, typed(first, "Vaker buiten", "Rust")).status_code == 302
    late = other.post(url, typed(second, "Samen koken", "Naar school"))

    assert late.status_code == 400 and "Samen koken" in late.content.decode()
    assert Goal.objects.filter(request=request).count() == 2


def test_an_effect_size_that_cannot_be_computed_says_not_enough_data(client, geo, programme):
    pairs(programme, geo["near"], MONEY_BEFORE, MONEY_AFTER)  # housing: the same every time
    login(client, Role.ANALYST, municipality=geo["municipality"])

    content = client.get(REPORT).content.decode()
    assert "niet genoeg gegevens" in content


def test_a_parent_reads_the_questionnaire_in_english_when_the_site_is_in_english(
    client, geo, programme
):
    request = world.after_intake(programme, geo["near"])
    parent = login(client, Role.PARENT)
    request.household.parents.update(account=parent)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    url = reverse("outcomes:own_answer", args=[request.pk, world.SUPPORT, Phase.INTAKE, 0])
    page = client.get(url).content.decode()
    assert "Satisfaction and experienced support" in page
    assert "I have someone to turn to when things are not going well." in page
    assert "Strongly agree" in page
    assert "Helemaal mee eens" not in page and "Ik sta er vaak alleen voor" not in page
