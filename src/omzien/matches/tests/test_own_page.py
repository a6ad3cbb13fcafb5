"""The volunteer's and parent's own page: their own match, their own contacts, nobody else."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.matches.models import Contact

from .test_today import active_match

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    near = testing.geography()["near"]
    programme = testing.programme(name="Steungezinnen Noord")
    coordinator = testing.coordinator(programme)
    coordinator.email, coordinator.first_name = "marieke@example.org", "Marieke"
    coordinator.save()
    match = active_match(programme, near, days_ago=20, last_name="Bakker")
    match.proposed_by = coordinator
    match.save()
    other = active_match(programme, near, days_ago=20, last_name="Visser")
    volunteer = testing.user(Role.VOLUNTEER)
    match.offer.volunteer.account = volunteer
    match.offer.volunteer.save()
    parent = testing.user(Role.PARENT)
    mother = match.request.household.parents.get()
    mother.account = parent
    mother.save()
    Contact.objects.create(
        match=match, on=timezone.localdate(), kind="call", by=coordinator, note="Zorgen om geld"
    )
    return {"match": match, "other": other, "volunteer": volunteer, "parent": parent}


def page(client, user):
    client.force_login(user)
    return client.get(reverse("matches:own_page"))


def test_the_volunteer_sees_their_own_match_and_nothing_of_others(
    client, world, django_assert_max_num_queries
):
    client.force_login(world["volunteer"])
    with django_assert_max_num_queries(21):  # incl. questionnaires, audit row, session, own ids
        html = client.get(reverse("matches:own_page")).content.decode()
    assert "Steungezinnen Noord" in html and "Marieke" in html
    assert "evaluatie" in html  # the next planned moment
    assert "Bakker" not in html  # the family's last name stays with the coordinator
    assert "Visser" not in html and "Zorgen om geld" not in html


def test_the_volunteer_logs_contact_and_sees_their_hours(client, world):
    client.force_login(world["volunteer"])
    url = reverse("matches:own_contact", args=[world["match"].pk])
    fields = {"contact-on": timezone.localdate().isoformat(), "contact-kind": "visit"}

    client.post(url, {**fields, "contact-hours": "2.5", "contact-note": "Naar de speeltuin"})
    client.post(url, {**fields, "contact-hours": "1"})

    contacts = Contact.objects.filter(by=world["volunteer"])
    assert contacts.count() == 2 and all(c.match == world["match"] for c in contacts)
    assert "Samen 3,50 uur" in page(client, world["volunteer"]).content.decode()


def test_a_contact_before_the_start_is_refused_at_the_field(client, world):
    client.force_login(world["volunteer"])
    before = world["match"].started_on - timedelta(days=1)
    response = client.post(
        reverse("matches:own_contact", args=[world["match"].pk]),
        {"contact-on": before.isoformat(), "contact-kind": "visit", "contact-hours": "1"},
    )
    assert response.status_code == 400 and "niet vóór de start" in response.content.decode()
    assert not Contact.objects.filter(by=world["volunteer"]).exists()


def test_the_parent_sees_the_volunteers_first_name_only_and_cannot_log_hours(client, world):
    html = page(client, world["parent"]).content.decode()
    volunteer = world["match"].offer.volunteer
    assert f"Met {volunteer.first_name}" in html and volunteer.last_name not in html
    assert "Contact vastleggen" not in html
    url = reverse("matches:own_contact", args=[world["match"].pk])
    assert client.post(url, {}).status_code == 403


def test_a_message_reaches_the_coordinator_without_names_in_the_mail(client, world):
    client.force_login(world["parent"])
    client.post(
        reverse("matches:own_message", args=[world["match"].pk]),
        {"note": "We zijn volgende week op vakantie."},
    )
    message = Contact.objects.get(by=world["parent"])
    assert message.kind == "message" and message.note == "We zijn volgende week op vakantie."
    (mail_sent,) = mail.outbox
    assert mail_sent.to == ["marieke@example.org"] and "vakantie" not in mail_sent.body


def test_another_match_is_not_found(client, world):
    client.force_login(world["volunteer"])
    url = reverse("matches:own_message", args=[world["other"].pk])
    assert client.post(url, {"note": "Hallo"}).status_code == 404
    assert not Contact.objects.filter(match=world["other"], by=world["volunteer"]).exists()


def test_an_account_without_a_match_sees_what_happens_next(client, world):
    html = page(client, testing.user(Role.VOLUNTEER)).content.decode()
    assert "Je hebt nu geen koppeling" in html  # volunteers and young people: "je"


def test_parents_are_addressed_with_u_and_volunteers_with_je(client, world):
    assert "U heeft nu geen koppeling" in page(client, testing.user(Role.PARENT)).content.decode()
    volunteer = page(client, world["volunteer"]).content.decode()
    assert "Je coördinator" in volunteer and "Maak je je zorgen" in volunteer
    assert " u " not in volunteer.lower() and "uw " not in volunteer.lower()


def test_staff_do_not_use_the_own_page(client, world):
    assert page(client, world["match"].proposed_by).status_code == 403
