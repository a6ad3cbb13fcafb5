"""The support-figure, network-map and neighbourhood pages pass axe-core (WCAG 2.1 A and AA)."""

from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from omzien import testing
from omzien.support_figures.models import (
    Challenge,
    ChallengeFigure,
    FamilyGroupConference,
    NetworkMap,
    Partner,
    Tie,
)

from . import builders
from .test_e2e import log_in, log_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def check(page, live_server, paths, failures):
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        if response.status != 200:
            failures[path] = response.status
            continue
        result = Axe().run(page, options=WCAG)
        if result.violations_count:
            failures[path] = result.generate_report()


def test_pages_pass_axe(page, live_server):
    geo = testing.geography()
    municipality = geo["municipality"]
    professional, youth = builders.professional(), builders.youth_account()
    own = builders.young_person(municipality, professionals=[professional], account=youth)
    builders.figure(own, started_on=None, status="proposed", kind="chosen_mentor")
    for i in range(9):
        person = builders.young_person(municipality, professionals=[professional])
        if i % 2:
            builders.figure(person, started_on=date(2025, 2, 1))
    programme = testing.programme()
    programme.municipalities.add(municipality)
    household = testing.waiting_request(programme, geo["near"]).household
    network_map = NetworkMap.objects.create(
        household=household, started_on=timezone.localdate() - timedelta(days=100)
    )
    for name, category, strength in [
        ("Oma", "family", "strong"),
        ("Buurman", "neighbour", "weak"),
        ("School", "school", "normal"),
        ("Ex", "family", "stressful"),
    ]:
        Tie.objects.create(
            network_map=network_map,
            name=name,
            category=category,
            strength=strength,
            since=network_map.started_on,
        )
    conference = FamilyGroupConference.objects.create(
        network_map=network_map, planned_on=timezone.localdate(), question="Wie helpt?"
    )
    Partner.objects.create(
        name="Bibliotheek",
        kind="library",
        offers="Taalcafé",
        district=geo["neighbourhood"].district,
    )
    challenge = Challenge.objects.create(
        municipality=municipality,
        title="Gelijke kansen",
        neighbourhood=geo["neighbourhood"],
        theme="money",
    )
    ChallengeFigure.objects.create(
        challenge=challenge,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        count=12,
        expected=5.0,
        ratio=2.4,
    )

    failures = {}
    log_in(page, live_server, professional)
    check(
        page,
        live_server,
        [
            "/jongeren-in-zorg/",
            "/jongeren-in-zorg/nieuw/",
            f"/jongeren-in-zorg/{own.pk}/",
            f"/jongeren-in-zorg/{own.pk}/steunfiguur/",
            "/steunfiguren/dekking/",
            "/sociale-kaart/",
        ],
        failures,
    )
    log_out(page)
    log_in(page, live_server, youth)
    check(page, live_server, ["/mijn-steunfiguur/", "/mijn-steunfiguur/voorstellen/"], failures)
    log_out(page)
    log_in(page, live_server, testing.coordinator(programme))
    check(
        page,
        live_server,
        [
            "/netwerkkaarten/",
            f"/netwerkkaarten/{network_map.pk}/",
            f"/netwerkkaarten/{network_map.pk}/vergelijken/",
            f"/netwerkkaarten/{network_map.pk}/familiegroepsplan/",
            f"/familiegroepsplannen/{conference.pk}/",
            "/opgaven/",
            f"/opgaven/{challenge.pk}/",
            "/opgaven/nieuw/",
            "/sociale-kaart/nieuw/",
        ],
        failures,
    )
    assert not failures, failures
