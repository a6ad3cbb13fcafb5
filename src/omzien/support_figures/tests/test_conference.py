"""A family group conference: planned from the network map, held, with its plan."""

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.support_figures.models import (
    Agreement,
    ConferenceStatus,
    FamilyGroupConference,
    NetworkMap,
    Tie,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network_map(client):
    geo = testing.geography()
    programme = testing.programme()
    household = testing.waiting_request(programme, geo["near"]).household
    network_map = NetworkMap.objects.create(household=household)
    for name, category in (("Oma Fatima", "family"), ("Buurman Piet", "neighbour")):
        Tie.objects.create(network_map=network_map, name=name, category=category)
    client.force_login(testing.coordinator(programme))
    return network_map


def test_plan_hold_and_write_down_who_does_what(client, network_map):
    ties = list(network_map.ties.all())
    url = reverse("support_figures:new_conference", args=[network_map.pk])
    today = timezone.localdate().isoformat()
    assert client.post(url, {"planned_on": today, "question": "Wie helpt"}).status_code == 400
    client.post(
        url,
        {
            "planned_on": today,
            "question": "Hoe komen de kinderen naar school?",
            "invited_ties": [t.pk for t in ties],
            "others": "Sanne (moeder)\n",
        },
    )
    conference = FamilyGroupConference.objects.get()
    assert conference.network_map == network_map
    assert sorted(conference.participants.values_list("name", flat=True)) == [
        "Buurman Piet",
        "Oma Fatima",
        "Sanne (moeder)",
    ]
    detail = reverse("support_figures:conference", args=[conference.pk])
    assert client.get(detail).context["agreement_form"] is None  # the plan follows the meeting

    oma = conference.participants.get(name="Oma Fatima")
    came = conference.participants.exclude(name="Buurman Piet")
    step = reverse("support_figures:conference_step", args=[conference.pk])
    client.post(
        step,
        {
            "step-version": 1,
            "step-target": "held",
            "step-held_on": today,
            "step-attended": [p.pk for p in came],
        },
    )
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.HELD and str(conference.held_on) == today
    assert dict(conference.participants.values_list("name", "attended")) == {
        "Oma Fatima": True,
        "Buurman Piet": False,
        "Sanne (moeder)": True,
    }

    client.post(
        reverse("support_figures:add_agreement", args=[conference.pk]),
        {"agreement-what": "Brengt de kinderen op maandag", "agreement-who": oma.pk},
    )
    assert Agreement.objects.get().who == oma
    html = client.get(detail).content.decode()
    assert "Brengt de kinderen op maandag" in html and "was erbij" in html


def test_holding_needs_a_date_and_who_came(client, network_map):
    conference = FamilyGroupConference.objects.create(
        network_map=network_map, planned_on=timezone.localdate(), question="?"
    )
    step = reverse("support_figures:conference_step", args=[conference.pk])
    response = client.post(step, {"step-version": 1, "step-target": "held", "step-held_on": ""})
    assert response.status_code == 400
    assert set(response.context["step_form"].errors) == {"held_on", "attended"}
