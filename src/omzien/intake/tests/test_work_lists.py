"""Coordinator work lists and status steps through the web pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.screening.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme = testing.programme(requires_vog=True, references_required=0, training_required=False)
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {"geo": geo, "programme": programme, "coordinator": coordinator}


def request_in(world, status, **fields):
    request = testing.waiting_request(world["programme"], world["geo"]["near"], **fields)
    Request.objects.filter(pk=request.pk).update(status=status)
    return request


def offer_in(world, status, **fields):
    offer = testing.available_offer(world["programme"], world["geo"]["near"], **fields)
    Offer.objects.filter(pk=offer.pk).update(status=status)
    return offer


def work_list(client, slug, **params):
    return client.get(reverse("intake:work_lists"), {"lijst": slug, **params}).content.decode()


def test_each_list_shows_what_it_promises(client, world):
    request_in(world, RequestStatus.SIGNED_UP, last_name="Nieuw")
    request_in(world, RequestStatus.INTAKE_PLANNED, last_name="Gepland")
    offer_in(world, OfferStatus.SCREENING, last_name="Screening")
    expiring = offer_in(world, OfferStatus.AVAILABLE, last_name="Verloopt")
    Certificate.objects.filter(volunteer=expiring.volunteer).update(
        valid_until=timezone.localdate() + timedelta(days=20)
    )
    request_in(world, RequestStatus.WAITING, last_name="Wachtend")

    assert "Gezin Nieuw" in work_list(client, "aanmeldingen")
    intakes = work_list(client, "intakes")
    assert "Gezin Gepland" in intakes and "Gezin Nieuw" not in intakes
    assert "Kees Screening" in work_list(client, "screening")
    assert "Kees Verloopt" in work_list(client, "vog-verloopt")
    assert "Gezin Wachtend" in work_list(client, "wachtend")


def test_renewed_certificate_is_not_listed_as_expiring(client, world):
    offer = offer_in(world, OfferStatus.AVAILABLE, last_name="Vernieuwd")
    Certificate.objects.filter(volunteer=offer.volunteer).update(
        valid_until=timezone.localdate() + timedelta(days=20)
    )
    Certificate.objects.create(volunteer=offer.volunteer, issued_on=timezone.localdate())

    assert "Kees Vernieuwd" not in work_list(client, "vog-verloopt")


def test_lists_filter_by_name_and_paginate(client, world):
    for n in range(30):
        request_in(world, RequestStatus.SIGNED_UP, last_name=f"Familie{n:02d}")

    first_page = work_list(client, "aanmeldingen")
    assert "Gezin Familie00" in first_page and "Gezin Familie29" not in first_page
    assert "Gezin Familie29" in work_list(client, "aanmeldingen", **{"pagina-requests": 2})
    filtered = work_list(client, "aanmeldingen", zoek="Familie07")
    assert "Gezin Familie07" in filtered and "Gezin Familie08" not in filtered


def test_work_lists_issue_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    for n in range(20):
        request_in(world, RequestStatus.SIGNED_UP, last_name=f"F{n}")
        offer_in(world, OfferStatus.SIGNED_UP, last_name=f"V{n}")
    with django_assert_max_num_queries(25):
        assert "Gezin F0" in work_list(client, "aanmeldingen")


def test_planning_an_intake_needs_a_date_and_records_who(client, world):
    request = request_in(world, RequestStatus.SIGNED_UP)
    url = reverse("matching:request_transition", args=[request.pk])

    response = client.post(url, {"target": "intake_planned", "version": request.version})
    assert (
        response.status_code == 400 and "Kies de datum van de intake" in response.content.decode()
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.SIGNED_UP

    day = timezone.localdate() + timedelta(days=3)
    client.post(
        url, {"target": "intake_planned", "intake_on": day.isoformat(), "version": request.version}
    )
    request.refresh_from_db()
    assert (request.status, request.intake_on) == (RequestStatus.INTAKE_PLANNED, day)
    assert request.status_changes.get().by == world["coordinator"]


def test_a_step_on_a_stale_page_is_refused(client, world):
    request = request_in(world, RequestStatus.INTAKE_HELD)
    url = reverse("matching:request_transition", args=[request.pk])
    stale_version = request.version
    client.post(url, {"target": "waiting", "version": stale_version})

    response = client.post(url, {"target": "withdrawn", "version": stale_version})

    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.WAITING and request.waiting_since == timezone.localdate()


def test_volunteer_becomes_available_only_after_screening(client, world):
    offer = offer_in(world, OfferStatus.SCREENING, available_since=None)
    Certificate.objects.filter(volunteer=offer.volunteer).delete()
    step = reverse("screening:offer_transition", args=[offer.pk])

    response = client.post(step, {"target": "available", "version": offer.version})
    assert "Er is nog geen VOG ontvangen" in response.content.decode()

    today = timezone.localdate().isoformat()
    client.post(
        reverse("screening:record", args=[offer.pk, "vog"]),
        {"vog-requested_on": today, "vog-issued_on": today},
    )
    client.post(step, {"target": "available", "version": offer.version})

    offer.refresh_from_db()
    assert offer.status == OfferStatus.AVAILABLE and offer.available_since == timezone.localdate()


def test_certificate_dated_in_the_future_is_refused(client, world):
    offer = offer_in(world, OfferStatus.SCREENING)
    future = (timezone.localdate() + timedelta(days=5)).isoformat()

    response = client.post(
        reverse("screening:record", args=[offer.pk, "vog"]),
        {"vog-requested_on": future, "vog-issued_on": ""},
    )

    assert response.status_code == 400 and "toekomst" in response.content.decode()
    assert offer.volunteer.certificates.count() == 1  # only the one the builder made


def test_another_programmes_volunteer_file_is_not_found(client, world):
    other = testing.available_offer(testing.programme(), world["geo"]["near"])
    assert client.get(reverse("screening:offer_detail", args=[other.pk])).status_code == 404
