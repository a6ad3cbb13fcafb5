"""The match lifecycle: every allowed and forbidden step, and the page that takes them."""

import itertools
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.intake.models import RequestStatus
from omzien.matches.models import Match, MatchStatus
from omzien.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db

ALLOWED = {
    ("proposed", "introduction_planned"),
    ("proposed", "declined"),
    ("introduction_planned", "introduction_held"),
    ("introduction_planned", "declined"),
    ("introduction_held", "agreed"),
    ("introduction_held", "declined"),
    ("agreed", "active"),
    ("agreed", "declined"),
    ("active", "paused"),
    ("active", "closing"),
    ("paused", "active"),
    ("paused", "closing"),
    ("closing", "closed"),
    ("closed", "active"),  # reopening, within 30 days (test_closure.py)
}


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme = testing.programme()
    request = testing.waiting_request(programme, geo["near"], last_name="Bakker")
    request.transition(RequestStatus.MATCHED)
    offer = testing.available_offer(programme, geo["near"])
    match = Match.objects.create(request=request, offer=offer)
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {"match": match, "request": request, "coordinator": coordinator}


@pytest.mark.parametrize(
    "source,target",
    list(itertools.product(MatchStatus.values, repeat=2)),
    ids="{0[0]}->{0[1]}".format,
)
def test_every_step(world, source, target):
    match = world["match"]
    Match.objects.filter(pk=match.pk).update(status=source, ended_on=timezone.localdate())
    match.refresh_from_db()
    if (source, target) in ALLOWED:
        match.transition(target, by=world["coordinator"], reason="test")
        assert Match.objects.get(pk=match.pk).status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            match.transition(target)
        assert Match.objects.get(pk=match.pk).status == source


def step(client, match, **data):
    return client.post(
        reverse("matches:match_step", args=[match.pk]), {"version": match.version, **data}
    )


def test_walk_from_proposal_to_closure(client, world):
    match, today = world["match"], timezone.localdate()
    for data in (
        {"target": "introduction_planned", "on": (today + timedelta(days=3)).isoformat()},
        {"target": "introduction_held", "reason": "Klikte meteen."},
        {"target": "agreed"},
        {"target": "active", "on": today.isoformat()},
        {"target": "closing"},
    ):
        assert step(client, match, **data).status_code == 302, data
        match.refresh_from_db()
    assert close(client, match).status_code == 302
    match.refresh_from_db()
    assert (match.status, match.started_on, match.ended_on) == (MatchStatus.CLOSED, today, today)
    assert match.introduction_on == today + timedelta(days=3)
    assert [c.target for c in match.status_changes.all()][-1] == "closed"
    world["request"].refresh_from_db()
    assert world["request"].status == RequestStatus.CLOSED


def test_declining_sends_the_family_back_to_the_waiting_list_in_its_place(client, world):
    waiting_since = world["request"].waiting_since
    response = step(client, world["match"], target="declined")
    assert response.status_code == 400 and "wie niet verder wil" in response.content.decode()

    step(client, world["match"], target="declined", reason="De vrijwilliger heeft geen tijd meer.")

    world["request"].refresh_from_db()
    assert world["request"].status == RequestStatus.WAITING
    assert world["request"].waiting_since == waiting_since


def test_planning_an_introduction_needs_a_date(client, world):
    response = step(client, world["match"], target="introduction_planned")
    assert response.status_code == 400 and "Kies een datum" in response.content.decode()


def close(client, match, **data):
    return client.post(
        reverse("matches:match_close", args=[match.pk]),
        {
            "closure-version": match.version,
            "closure-closure_reason": "goals_reached",
            "closure-ended_early": "no",
            "closure-specialist_care": "no",
            "closure-volunteer_next": "new_match",
            **data,
        },
    )


def test_two_people_closing_at_once_one_is_told_it_changed(client, world):
    match = world["match"]
    Match.objects.filter(pk=match.pk).update(status=MatchStatus.CLOSING)
    match.refresh_from_db()

    first = close(client, match)
    second = close(
        client, match, **{"closure-closure_reason": "mismatch", "closure-ended_early": "yes"}
    )

    assert first.status_code == 302 and second.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in second.content.decode()
    assert match.status_changes.filter(target="closed").count() == 1


def test_a_match_of_another_programme_is_not_found(client, world):
    client.force_login(testing.coordinator(testing.programme()))
    assert client.get(reverse("matches:match_detail", args=[world["match"].pk])).status_code == 404


def start(client, match, on):
    Match.objects.filter(pk=match.pk).update(status=MatchStatus.AGREED)
    match.refresh_from_db()
    assert step(client, match, target="active", on=on.isoformat()).status_code == 302
    match.refresh_from_db()


def test_starting_plans_the_programme_types_schedule(client, world):
    match, started = world["match"], timezone.localdate() - timedelta(days=50)
    start(client, match, started)

    planned = [(m.kind, (m.due_on - started).days) for m in match.moments.all()]
    assert planned == [
        (i["kind"], i["after_days"]) for i in match.request.programme.programme_type.schedule
    ]


def test_overdue_around_the_due_date_and_never_while_paused(client, world):
    from omzien.matches.models import Moment

    match = world["match"]
    start(client, match, timezone.localdate() - timedelta(days=14))
    check_in = match.moments.get(kind="check_in")  # due 14 days after the start: today
    today = check_in.due_on

    assert not Moment.objects.overdue(today).exists()
    assert list(Moment.objects.overdue(today + timedelta(days=1))) == [check_in]
    step(client, match, target="paused", reason="Vakantie")
    assert not Moment.objects.overdue(today + timedelta(days=1)).exists()
    match.refresh_from_db()
    step(client, match, target="active")  # resuming keeps the start date and the schedule
    match.refresh_from_db()
    assert match.started_on == today - timedelta(days=14) and match.moments.count() == len(
        match.request.programme.programme_type.schedule
    )


def test_closing_plans_a_closing_evaluation(client, world):
    match = world["match"]
    start(client, match, timezone.localdate())
    step(client, match, target="closing")
    assert match.moments.filter(kind="closing_evaluation", due_on=timezone.localdate()).exists()


def test_match_page_shows_overdue_moments(client, world):
    start(client, world["match"], timezone.localdate() - timedelta(days=20))
    html = client.get(reverse("matches:match_detail", args=[world["match"].pk])).content.decode()
    assert "contactmoment" in html and "te laat" in html


def log_contact(client, match, **data):
    fields = {
        "contact-on": timezone.localdate().isoformat(),
        "contact-kind": "call",
        "contact-hours": "1",
    }
    fields |= {f"contact-{k}": v for k, v in data.items()}
    return client.post(reverse("matches:match_contact", args=[match.pk]), fields)


def test_a_logged_check_in_ticks_off_the_planned_moment(client, world):
    match = world["match"]
    start(client, match, timezone.localdate() - timedelta(days=15))
    check_in = match.moments.get(kind="check_in")

    assert log_contact(client, match, moment=check_in.pk, note="Gaat goed.").status_code == 302

    check_in.refresh_from_db()
    assert check_in.done_on == timezone.localdate() and check_in.done_by == world["coordinator"]
    assert match.contacts.get().note == "Gaat goed."


@pytest.mark.parametrize(
    "days,message",
    [(1, "niet in de toekomst"), (-30, "niet vóór de start")],
    ids=["future", "before start"],
)
def test_a_contact_dated_in_the_future_or_before_the_start_is_refused(client, world, days, message):
    match = world["match"]
    start(client, match, timezone.localdate() - timedelta(days=10))

    response = log_contact(
        client, match, on=(timezone.localdate() + timedelta(days=days)).isoformat()
    )

    assert response.status_code == 400 and message in response.content.decode()
    assert not match.contacts.exists()


def test_match_page_title_is_plain_text(client, world):
    import re

    html = client.get(reverse("matches:match_detail", args=[world["match"].pk])).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "Gezin Bakker" in title
