"""The Meldcode walk: every transition, the order of the steps, their dates, and lost races."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from omzien.concerns.models import (
    Concern,
    ConcernStatus,
    ConcernStep,
    Decision,
    MeldcodeStep,
)
from omzien.workflow import StaleObject, TransitionNotAllowed

pytestmark = pytest.mark.django_db

ALLOWED = {
    ("reported", "signs_mapped"),
    ("signs_mapped", "consulted"),
    ("consulted", "talked"),
    ("talked", "risk_weighed"),
    ("risk_weighed", "decided"),
    ("decided", "closed"),
}
STALE = "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw."


def days_ago(n: int):
    return timezone.localdate() - timedelta(days=n)


def walk(concern, by, steps: int) -> Concern:
    """Record the first `steps` steps, a day apart, ending yesterday."""
    for step in range(1, steps + 1):
        decision = Decision.HELP if step == MeldcodeStep.DECIDE else ""
        concern.record_step(
            step, on=days_ago(8 - step), note=f"stap {step}", by=by, decision=decision
        )
    return concern


@pytest.mark.parametrize(
    "source,target",
    list(itertools.product(ConcernStatus.values, repeat=2)),
    ids="{0[0]}->{0[1]}".format,
)
def test_every_transition(world, concern, source, target):
    for step in MeldcodeStep.values:  # closing needs all five; the table alone decides the rest
        ConcernStep.objects.create(
            concern=concern,
            step=step,
            on=days_ago(5),
            note="x",
            decision=Decision.HELP if step == 5 else "",
            signed_by=world["handler"],
        )
    Concern.objects.filter(pk=concern.pk).update(status=source)
    concern.refresh_from_db()
    if (source, target) in ALLOWED:
        concern.transition(target, by=world["handler"])
        assert Concern.objects.get(pk=concern.pk).status == target
        assert concern.status_changes.get().target == target
    else:
        with pytest.raises(TransitionNotAllowed):
            concern.transition(target, by=world["handler"])
        assert Concern.objects.get(pk=concern.pk).status == source


def test_five_steps_in_order_then_closed(world, concern):
    walk(concern, world["handler"], 5)
    concern.close(by=world["handler"], reason="Hulp loopt.")

    concern.refresh_from_db()
    assert concern.status == ConcernStatus.CLOSED
    assert concern.closed_on == timezone.localdate()
    assert list(concern.steps.values_list("step", flat=True)) == [1, 2, 3, 4, 5]
    assert concern.steps.get(step=5).decision == Decision.HELP
    assert [c.target for c in concern.status_changes.all()][-1] == ConcernStatus.CLOSED


def test_a_skipped_step_is_refused(world, concern):
    with pytest.raises(ValidationError) as refused:
        concern.record_step(3, on=days_ago(1), note="te vroeg", by=world["handler"])

    assert refused.value.code == "out_of_order"
    assert "Eerst: Stap 1" in refused.value.messages[0]
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.REPORTED and not concern.steps.exists()


def test_a_step_out_of_order_through_the_page_is_refused(client, world, concern):
    client.force_login(world["handler"])
    response = client.post(
        reverse("concerns:step", args=[concern.pk]),
        {"step-step": 2, "step-version": concern.version, "step-on": days_ago(1), "step-note": "x"},
    )

    assert response.status_code == 400
    assert "Deze stap is nu niet aan de beurt" in response.content.decode()
    assert not concern.steps.exists()


def test_closing_before_step_five_is_refused(world, concern):
    walk(concern, world["handler"], 4)
    with pytest.raises(TransitionNotAllowed):
        concern.close(by=world["handler"])
    assert Concern.objects.get(pk=concern.pk).status == ConcernStatus.RISK_WEIGHED


def test_closing_with_a_step_missing_is_refused_even_if_the_status_says_decided(world, concern):
    walk(concern, world["handler"], 4)
    Concern.objects.filter(pk=concern.pk).update(status=ConcernStatus.DECIDED)
    concern.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        concern.close(by=world["handler"])
    assert refused.value.code == "steps_missing"


@pytest.mark.parametrize(
    "on,message",
    [
        (lambda: days_ago(11), "Een stap kan niet vóór de melding liggen."),
        (lambda: days_ago(-1), "Een stap kan niet in de toekomst liggen."),
    ],
    ids=["before-report", "future"],
)
def test_a_step_dated_before_the_report_or_in_the_future_is_refused(
    client, world, concern, on, message
):
    client.force_login(world["handler"])
    response = client.post(
        reverse("concerns:step", args=[concern.pk]),
        {"step-step": 1, "step-version": concern.version, "step-on": on(), "step-note": "x"},
    )

    assert response.status_code == 400
    assert response.context["step_form"].errors["on"] == [message]
    assert not concern.steps.exists()


def test_a_step_dated_before_the_previous_step_is_refused(world, concern):
    concern.record_step(1, on=days_ago(2), note="signalen", by=world["handler"])
    with pytest.raises(ValidationError) as refused:
        concern.record_step(2, on=days_ago(3), note="overleg", by=world["handler"])
    assert refused.value.message_dict == {"on": ["Een stap kan niet vóór de vorige stap liggen."]}


def test_step_five_needs_a_decision(client, world, concern):
    walk(concern, world["handler"], 4)
    client.force_login(world["handler"])
    data = {"step-step": 5, "step-version": concern.version, "step-on": days_ago(0)}
    response = client.post(reverse("concerns:step", args=[concern.pk]), data | {"step-note": "x"})
    assert response.context["step_form"].errors["decision"] == ["Kies wat je besluit."]

    decision = Decision.NO_FURTHER_ACTION
    response = client.post(
        reverse("concerns:step", args=[concern.pk]),
        data | {"step-note": "Ouders pakten het zelf op.", "step-decision": decision},
    )
    assert response.status_code == 302
    assert concern.steps.get(step=5).decision == decision


def test_the_database_keeps_a_decision_to_step_five(world, concern):
    with pytest.raises(IntegrityError):
        ConcernStep.objects.create(
            concern=concern, step=1, on=days_ago(1), note="x", decision=Decision.HELP,
            signed_by=world["handler"],
        )  # fmt: skip


def test_the_first_coordinator_who_signs_becomes_the_handler(world, concern):
    Concern.objects.filter(pk=concern.pk).update(handler=None)
    concern.refresh_from_db()
    concern.record_step(1, on=days_ago(1), note="signalen", by=world["colleague"])

    assert Concern.objects.get(pk=concern.pk).handler == world["colleague"]
    assert concern.steps.get().signed_by == world["colleague"]


def test_two_coordinators_signing_the_same_step_at_once_one_wins(world, concern):
    theirs = Concern.objects.get(pk=concern.pk)
    concern.record_step(1, on=days_ago(1), note="eerst", by=world["handler"])

    with pytest.raises(StaleObject):
        theirs.record_step(1, on=days_ago(1), note="tegelijk", by=world["colleague"])
    assert list(ConcernStep.objects.values_list("note", flat=True)) == ["eerst"]


def test_a_stale_form_gets_the_dutch_message(client, world, concern):
    version = concern.version
    concern.record_step(1, on=days_ago(1), note="eerst", by=world["handler"])
    client.force_login(world["colleague"])
    Concern.objects.filter(pk=concern.pk).update(handler=world["colleague"])  # opens directly

    response = client.post(
        reverse("concerns:step", args=[concern.pk]),
        {"step-step": 1, "step-version": version, "step-on": days_ago(1), "step-note": "later"},
    )

    assert response.status_code == 400
    assert STALE in response.content.decode()
    assert concern.steps.count() == 1


def test_a_stale_close_is_refused(client, world, concern):
    walk(concern, world["handler"], 5)
    client.force_login(world["handler"])
    stale = {"close-version": concern.version - 1}

    response = client.post(reverse("concerns:close", args=[concern.pk]), stale)

    assert response.status_code == 400 and STALE in response.content.decode()
    assert Concern.objects.get(pk=concern.pk).status == ConcernStatus.DECIDED
