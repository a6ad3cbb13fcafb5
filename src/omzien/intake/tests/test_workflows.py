"""Every allowed and every forbidden transition of the request and offer workflows."""

import itertools

import pytest

from omzien import testing
from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.workflow import StaleObject, TransitionNotAllowed

pytestmark = pytest.mark.django_db

REQUEST_ALLOWED = {
    ("signed_up", "intake_planned"),
    ("signed_up", "referred_elsewhere"),
    ("signed_up", "withdrawn"),
    ("intake_planned", "intake_held"),
    ("intake_planned", "referred_elsewhere"),
    ("intake_planned", "withdrawn"),
    ("intake_held", "waiting"),
    ("intake_held", "referred_elsewhere"),
    ("intake_held", "withdrawn"),
    ("waiting", "matched"),
    ("waiting", "referred_elsewhere"),
    ("waiting", "withdrawn"),
    ("matched", "waiting"),
    ("matched", "closed"),
    ("closed", "matched"),  # the match is reopened
}
OFFER_ALLOWED = {
    ("signed_up", "intake_planned"),
    ("signed_up", "not_suitable"),
    ("signed_up", "withdrawn"),
    ("intake_planned", "intake_held"),
    ("intake_planned", "withdrawn"),
    ("intake_held", "screening"),
    ("intake_held", "not_suitable"),
    ("intake_held", "withdrawn"),
    ("screening", "available"),
    ("screening", "not_suitable"),
    ("screening", "withdrawn"),
    ("available", "screening"),
    ("available", "withdrawn"),
}


@pytest.fixture
def objects():
    geo = testing.geography()
    # No screening requirements: the screening guard has its own tests.
    programme = testing.programme(
        requires_vog=False, references_required=0, training_required=False
    )
    return {
        Request: testing.waiting_request(programme, geo["near"]),
        Offer: testing.available_offer(programme, geo["near"]),
    }


def cases(model, statuses, allowed):
    return [
        pytest.param(model, s, t, (s, t) in allowed, id=f"{model.__name__}:{s}->{t}")
        for s, t in itertools.product(statuses, repeat=2)
    ]


@pytest.mark.parametrize(
    "model,source,target,allowed",
    cases(Request, RequestStatus.values, REQUEST_ALLOWED)
    + cases(Offer, OfferStatus.values, OFFER_ALLOWED),
)
def test_transition(objects, model, source, target, allowed):
    obj = objects[model]
    model.objects.filter(pk=obj.pk).update(status=source)
    obj.refresh_from_db()
    user = testing.coordinator()

    if allowed:
        obj.transition(target, by=user, reason="test")
        obj.refresh_from_db()
        assert obj.status == target
        change = obj.status_changes.get()
        assert (change.source, change.target, change.by, change.reason) == (
            source,
            target,
            user,
            "test",
        )
    else:
        with pytest.raises(TransitionNotAllowed):
            obj.transition(target, by=user)
        obj.refresh_from_db()
        assert obj.status == source and not obj.status_changes.exists()


def test_a_stale_copy_cannot_overwrite_a_newer_change(objects):
    first = objects[Request]
    second = Request.objects.get(pk=first.pk)
    first.transition(RequestStatus.MATCHED)

    with pytest.raises(StaleObject):
        second.transition(RequestStatus.WITHDRAWN)
    first.refresh_from_db()
    assert first.status == RequestStatus.MATCHED and first.status_changes.count() == 1
