"""A young person proposes a mentor, the professional confirms; what is refused, and history."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.support_figures.models import SupportFigure, SupportFigureStatus
from omzien.workflow import TransitionNotAllowed

from . import builders

pytestmark = pytest.mark.django_db
S = SupportFigureStatus


@pytest.fixture
def world():
    geo = testing.geography()
    professional = builders.professional(first_name="Ricardo", last_name="Martina")
    account = builders.youth_account()
    person = builders.young_person(
        geo["municipality"], professionals=[professional], account=account
    )
    return {"professional": professional, "account": account, "person": person, "geo": geo}


def propose(client, **data):
    values = {
        "kind": "chosen_mentor",
        "first_name": "Kees",
        "last_name": "Bakker",
        "relation": "trainer van de voetbalclub",
        "motivation": "Hij luistert.",
    }
    return client.post(reverse("support_figures:propose"), values | data)


def confirm(client, figure, **data):
    values = {
        "confirm-version": figure.version,
        "confirm-target": "active",
        "confirm-started_on": timezone.localdate().isoformat(),
    }
    values |= {f"confirm-{key}": value for key, value in data.items()}
    return client.post(reverse("support_figures:figure_step", args=[figure.pk]), values)


def test_proposal_then_confirmation(client, world):
    client.force_login(world["account"])
    response = propose(client)
    assert response.status_code == 302
    figure = SupportFigure.objects.get()
    assert figure.status == S.PROPOSED and figure.proposed_by == world["account"]
    assert "Kees" in client.get(reverse("support_figures:my_support_figure")).content.decode()

    client.force_login(world["professional"])
    page = client.get(reverse("support_figures:young_person", args=[world["person"].pk]))
    assert "Kees Bakker" in page.content.decode() and "Besluit vastleggen" in page.content.decode()
    # A chosen mentor needs a conversation first.
    response = confirm(client, figure)
    assert response.status_code == 400
    assert "kennismakingsgesprek" in response.context["steps"][0][1].errors["conversation_on"][0]
    response = confirm(client, figure, conversation_on=(timezone.localdate() - timedelta(days=2)))
    assert response.status_code == 302

    figure.refresh_from_db()
    assert figure.status == S.ACTIVE and figure.started_on == timezone.localdate()
    assert [c.target for c in figure.status_changes.all()] == [S.PROPOSED, S.ACTIVE]
    assert figure.status_changes.last().by == world["professional"]
    client.force_login(world["account"])
    html = client.get(reverse("support_figures:my_support_figure")).content.decode()
    assert "is je steunfiguur" in html


def test_a_declined_proposal_says_why_and_stays_in_the_history(client, world):
    client.force_login(world["account"])
    propose(client)
    figure = SupportFigure.objects.get()
    client.force_login(world["professional"])
    response = confirm(client, figure, target="declined")
    assert "reason" in response.context["steps"][0][1].errors
    confirm(client, figure, target="declined", reason="Kees woont in het buitenland.")
    figure.refresh_from_db()
    assert figure.status == S.DECLINED
    client.force_login(world["account"])
    assert "buitenland" in client.get(reverse("support_figures:my_support_figure")).content.decode()


def test_the_professional_cannot_be_the_support_figure(client, world):
    client.force_login(world["account"])
    response = propose(client, first_name="Ricardo", last_name="Martina")
    assert response.status_code == 400
    assert "jeugdprofessional van deze jongere" in response.context["form"].errors["last_name"][0]
    response = propose(client, email=world["professional"].email.upper())
    assert "jeugdprofessional" in response.context["form"].errors["email"][0]
    assert not SupportFigure.objects.exists()


def test_a_certificate_older_than_the_kind_allows_is_refused(client, world):
    client.force_login(world["professional"])
    url = reverse("support_figures:add_figure", args=[world["person"].pk])
    today = timezone.localdate()
    data = {
        "kind": "citizen_guardian",
        "first_name": "Anna",
        "last_name": "de Wit",
        "conversation_on": today.isoformat(),
        "started_on": today.isoformat(),
        "certificate_issued_on": (today - timedelta(days=250)).isoformat(),
    }
    response = client.post(url, data)
    assert response.status_code == 400
    error = response.context["form"].errors["certificate_issued_on"][0]
    assert "niet ouder zijn dan 6 maanden" in error
    # The same VOG is fine for a mentor whose programme allows three years.
    programme = testing.programme(requires_vog=True, vog_validity_months=36)
    data |= {"kind": "programme_mentor", "programme": programme.pk}
    assert client.post(url, data).status_code == 302
    assert SupportFigure.objects.get().status == S.ACTIVE


def test_a_programme_that_asks_for_a_vog_asks_it_of_a_chosen_mentor(client, world):
    programme = testing.programme(requires_vog=True)
    client.force_login(world["account"])
    propose(client)
    figure = SupportFigure.objects.get()
    client.force_login(world["professional"])
    response = confirm(
        client, figure, conversation_on=date.today().isoformat(), programme=programme.pk
    )
    assert "VOG" in response.context["steps"][0][1].errors["certificate_issued_on"][0]


def test_ending_keeps_the_figure_in_the_history_and_cannot_be_undone(client, world):
    figure = builders.figure(world["person"], started_on=date(2025, 3, 1))
    client.force_login(world["professional"])
    url = reverse("support_figures:figure_step", args=[figure.pk])
    client.post(
        url,
        {
            "end-version": 1,
            "end-target": "ended",
            "end-ended_on": timezone.localdate().isoformat(),
            "end-reason": "Verhuisd",
        },
    )
    figure.refresh_from_db()
    assert figure.status == S.ENDED and figure.ended_on == timezone.localdate()
    with pytest.raises(TransitionNotAllowed):
        figure.transition(S.ACTIVE)
    assert SupportFigure.objects.confirmed().count() == 1


def test_a_stale_form_is_refused(client, world):
    figure = builders.figure(
        world["person"], started_on=None, status=S.PROPOSED, kind="family_member"
    )
    client.force_login(world["professional"])
    response = confirm(client, figure, version=figure.version + 1)
    assert response.status_code == 400
    figure.refresh_from_db()
    assert figure.status == S.PROPOSED
