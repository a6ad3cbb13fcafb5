"""A demo-like world for the privacy tests: two organisations, a family in a running match,
one waiting, a young person, volunteers, and the rows that hang off them."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.intake.models import Referral, Request, RequestStatus
from omzien.matches.models import Contact, ContactKind, Match, MatchStatus, Moment, MomentKind
from omzien.matching.models import PlanProposal, PlanRun
from omzien.people.models import Youth
from omzien.privacy.models import Consent, ConsentSource, Purpose
from omzien.screening.models import Reference

CONSENTS = (Purpose.MATCHING, Purpose.RESEARCH)


def consent(person_field: str, person, *purposes) -> None:
    for purpose in purposes:
        Consent.objects.create(
            **{person_field: person}, purpose=purpose, source=ConsentSource.ONLINE_FORM
        )


def privacy_officer(organisation):
    officer = testing.user(Role.ORG_ADMIN, organisation=organisation)
    officer.user_permissions.add(Permission.objects.get(codename="act_as_privacy_officer"))
    return type(officer).objects.get(pk=officer.pk)  # fresh: no cached permissions


def youth_request(programme, area, last_name="Yilmaz"):
    youth = Youth.objects.create(
        first_name="Yara",
        last_name=last_name,
        email="yara@example.org",
        date_of_birth=date(2008, 4, 12),
        postcode=f"{area.pc4} EF",
        postcode_area=area,
    )
    return Request.objects.create(
        programme=programme,
        youth=youth,
        status=RequestStatus.WAITING,
        waiting_since=timezone.localdate() - timedelta(days=20),
        availability=testing.ALL_SLOTS,
        needs=["outings"],
    )


@pytest.fixture
def world():
    geo = testing.geography()
    programme = testing.programme("Steungezinnen")
    other = testing.programme("Elders")
    matched = testing.waiting_request(programme, geo["near"], last_name="Alfa")
    waiting = testing.waiting_request(programme, geo["near"], last_name="Bravo")
    offer = testing.available_offer(programme, geo["near"], last_name="Charlie")
    spare = testing.available_offer(programme, geo["far"], last_name="Delta")
    youth = youth_request(programme, geo["near"])
    matched.transition(RequestStatus.MATCHED)
    today = timezone.localdate()
    match = Match.objects.create(
        request=matched, offer=offer, status=MatchStatus.ACTIVE, started_on=today - timedelta(60)
    )
    coordinator = testing.coordinator(programme)
    Contact.objects.create(
        match=match,
        on=today - timedelta(10),
        kind=ContactKind.VISIT,
        by=coordinator,
        note="Fijn uitje",
    )
    Moment.objects.create(match=match, kind=MomentKind.CHECK_IN, due_on=today + timedelta(5))
    Reference.objects.create(volunteer=offer.volunteer, name="Ria Referent", relation="buurvrouw")
    Referral.objects.create(
        request=waiting, referrer=testing.user(Role.REFERRER), referrer_organisation="Buurtteam"
    )
    run = PlanRun.objects.create(
        programme=programme, total_score=1, matched=1, unmatched=0, components=1, seconds=0.1
    )
    PlanProposal.objects.create(run=run, request=waiting, offer=spare, score=80)
    consent("household", matched.household, *CONSENTS)
    consent("household", waiting.household, Purpose.MATCHING)
    consent("youth", youth.youth, *CONSENTS)
    consent("volunteer", offer.volunteer, *CONSENTS)
    foreign = testing.waiting_request(other, geo["near"], last_name="Zulu")
    return {
        "geo": geo,
        "programme": programme,
        "other": other,
        "matched": matched,
        "waiting": waiting,
        "youth": youth,
        "offer": offer,
        "spare": spare,
        "match": match,
        "foreign": foreign,
        "coordinator": coordinator,
        "officer": privacy_officer(programme.organisation),
    }
