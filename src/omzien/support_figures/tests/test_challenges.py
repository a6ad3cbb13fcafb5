"""A challenge started with one click from a flagged theme carries the figures that flagged it."""

from datetime import timedelta

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.geo.models import Neighbourhood, PostcodeArea
from omzien.support_figures.forms.neighbourhood import ChallengeForm
from omzien.support_figures.models import Challenge, Partner
from omzien.workflow import StaleObject

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    geo = testing.geography()
    hood = geo["neighbourhood"]
    other = Neighbourhood.objects.create(
        code="BU99980102", name="Singelbuurt", district=hood.district
    )
    other_area = PostcodeArea.objects.create(
        pc4="9803", lat=52.01, lon=5.01, municipality=geo["municipality"], neighbourhood=other
    )
    programme = testing.programme()
    programme.municipalities.add(geo["municipality"])
    # Money comes up in 15 of 20 requests in Binnenstad, and in 6 of 40 in Singelbuurt;
    # housing in a quarter of the requests of both.
    for i in range(20):
        testing.waiting_request(programme, geo["near"], themes=["money"] if i < 15 else ["housing"])
    for i in range(40):
        themes = ["money"] if i < 6 else ["housing"] if i < 16 else []
        testing.waiting_request(programme, other_area, themes=themes)
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {"geo": geo, "hood": hood, "programme": programme, "coordinator": coordinator}


def start(client, world, **data):
    today = timezone.localdate()
    values = {
        "municipality": world["geo"]["municipality"].code,
        "neighbourhood": world["hood"].code,
        "theme": "money",
        "start": (today - timedelta(days=364)).isoformat(),
        "end": today.isoformat(),
    } | data
    return client.post(reverse("support_figures:challenge_from_theme"), values)


def test_one_click_on_a_flagged_theme_starts_a_challenge_with_its_figures(client, world):
    page = client.get(reverse("support_figures:challenges"))
    flagged = page.context["flagged"]
    assert [(row.neighbourhood, row.theme) for row in flagged] == [(world["hood"], "money")]
    assert "Start een opgave" in page.content.decode()

    response = start(client, world, count="999")  # figures from the form are never used
    challenge = Challenge.objects.get()
    assert response.url == reverse("support_figures:challenge", args=[challenge.pk])
    assert (challenge.neighbourhood, challenge.theme) == (world["hood"], "money")
    assert challenge.title == "geld en schulden in Binnenstad"
    assert list(challenge.programmes.all()) == [world["programme"]]
    figure = challenge.figures.get()
    # The figures the themes page flagged, from published counts only: 15 is a multiple of
    # the threshold and stays; the expected count follows the published totals of the window.
    (row,) = flagged
    assert (figure.count, figure.expected, figure.ratio) == (row.count, row.expected, row.ratio)
    assert figure.count == 15

    # Following it over time adds the latest window of the same length, never a second start.
    client.post(reverse("support_figures:follow_challenge", args=[challenge.pk]))
    assert challenge.figures.count() == 1  # today's window is the same one: updated, not added
    start(client, world)
    assert Challenge.objects.count() == 1
    html = client.get(reverse("support_figures:challenge", args=[challenge.pk])).content.decode()
    assert 'id="challenge-figures"' in html and f">{floatformat(figure.ratio, 1)}<" in html


def test_a_theme_that_is_not_flagged_starts_nothing(client, world):
    response = start(client, world, theme="housing")
    assert response.status_code == 302 and not Challenge.objects.exists()
    message = [str(m) for m in response.wsgi_request._messages]
    assert any("valt in deze periode niet" in m for m in message)
    start(client, world, municipality="GM0001")
    assert not Challenge.objects.exists()


def test_a_challenge_of_another_municipality_stays_closed(client, world):
    from omzien.geo.models import Municipality

    elsewhere = Municipality.objects.create(code="GM9990", name="Ergens")
    challenge = Challenge.objects.create(municipality=elsewhere, title="Veilig thuis")
    assert client.get(reverse("support_figures:challenge", args=[challenge.pk])).status_code == 404


def test_a_challenge_made_by_hand_with_partners(client, world):
    partner = Partner.objects.create(
        name="Bibliotheek Centrum",
        kind="library",
        district=world["hood"].district,
        offers="Taalcafé",
    )
    url = reverse("support_figures:new_challenge")
    response = client.post(
        url + "?gemeente=GM9998",
        {"title": "Gelijke kansen", "partners": [partner.pk], "description": "Samen"},
    )
    challenge = Challenge.objects.get()
    assert response.url == reverse("support_figures:challenge", args=[challenge.pk])
    assert list(challenge.partners.all()) == [partner]
    client.post(reverse("support_figures:close_challenge", args=[challenge.pk]))
    challenge.refresh_from_db()
    assert challenge.closed_on == timezone.localdate()


def own_challenge(world) -> Challenge:
    return Challenge.objects.create(
        municipality=world["geo"]["municipality"], title="Samen sporten", description="Begin"
    )


def edit(client, challenge, version, **changes):
    """Save the edit form of `challenge` as it was shown, with the version it had then."""
    values = {"title": challenge.title, "description": challenge.description, "version": version}
    url = reverse("support_figures:edit_challenge", args=[challenge.pk])
    return client.post(url, values | changes)


def test_editing_a_challenge(client, world):
    challenge = own_challenge(world)
    url = reverse("support_figures:edit_challenge", args=[challenge.pk])
    version = client.get(url).context["form"]["version"].value()

    assert edit(client, challenge, version, title="Samen sporten in de wijk").status_code == 302
    challenge.refresh_from_db()
    assert (challenge.title, challenge.version) == ("Samen sporten in de wijk", version + 1)


def test_two_edits_of_a_challenge_at_once_the_second_is_refused(client, world):
    challenge = own_challenge(world)
    other = builders.browser_of(testing.coordinator(world["programme"]))
    url = reverse("support_figures:edit_challenge", args=[challenge.pk])
    version = client.get(url).context["form"]["version"].value()
    assert other.get(url).context["form"]["version"].value() == version

    assert edit(client, challenge, version, title="Samen sporten in de wijk").status_code == 302
    response = edit(other, challenge, version, description="Anders")

    assert response.status_code == 400 and builders.STALE in response.text
    assert response.context["form"]["description"].value() == "Anders"
    challenge.refresh_from_db()
    assert (challenge.title, challenge.description) == ("Samen sporten in de wijk", "Begin")


def test_an_edit_that_passed_its_checks_before_a_close_landed_does_not_reopen(client, world):
    challenge = own_challenge(world)
    form = ChallengeForm(
        challenge.municipality,
        {"title": "Nieuwe titel", "version": challenge.version},
        instance=Challenge.objects.get(pk=challenge.pk),
    )
    assert form.is_valid()  # read while the challenge was still open
    client.post(reverse("support_figures:close_challenge", args=[challenge.pk]))

    with pytest.raises(StaleObject):
        form.save_for(world["coordinator"])

    challenge.refresh_from_db()
    assert (challenge.title, challenge.closed_on) == ("Samen sporten", timezone.localdate())


def test_only_area_roles_open_challenges(client, world):
    client.force_login(testing.user(Role.CARE_PROFESSIONAL))
    assert client.get(reverse("support_figures:challenges")).status_code == 403
