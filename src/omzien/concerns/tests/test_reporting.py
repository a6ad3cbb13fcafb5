"""Reporting: a volunteer or parent about their own match, a coordinator from a match; the
e-mail that says only that there is something; the list and the morning page."""

from datetime import timedelta

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.concerns.models import Concern, ConcernStatus
from omzien.concerns.today import open_concerns

pytestmark = pytest.mark.django_db

SIGNS = "Het kind had honger en zei dat er thuis geen eten was."


def report(client, match, **data):
    return client.post(reverse("concerns:report_own", args=[match.pk]), {"signs": SIGNS, **data})


def test_a_volunteer_reports_about_their_own_match(client, world):
    client.force_login(world["volunteer"])
    assert client.get(reverse("concerns:report_own", args=[world["match"].pk])).status_code == 200

    response = report(client, world["match"])

    concern = Concern.objects.get()
    assert response.url == reverse("concerns:report_received", args=[concern.pk])
    assert (concern.match, concern.reported_by, concern.handler) == (
        world["match"],
        world["volunteer"],
        None,
    )
    assert concern.reported_on == timezone.localdate() and concern.status == ConcernStatus.REPORTED
    received = client.get(response.url).content.decode()
    assert "We hebben je melding ontvangen op" in received and SIGNS not in received


def test_the_coordinators_get_an_e_mail_without_names(client, world):
    client.force_login(world["volunteer"])
    report(client, world["match"])

    concern = Concern.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == ["marieke@example.org", "youssef@example.org"]
    message = mail.outbox[0]
    assert f"/zorgsignalen/{concern.pk}/" in message.body
    household = world["match"].request.household
    names = [
        household.parents.get().last_name,
        household.parents.get().first_name,
        household.children.get().first_name,
        world["match"].offer.volunteer.last_name,
        world["match"].offer.volunteer.first_name,
        world["programme"].name,
        SIGNS,
    ]
    for name in names:
        assert name not in message.body and name not in message.subject


def test_a_parent_reports_about_their_own_match_and_names_the_child(client, world):
    child = world["match"].request.household.children.get()
    client.force_login(world["parent"])

    report(client, world["match"], child=child.pk)

    assert Concern.objects.get().child == child


def test_nobody_reports_on_a_match_that_is_not_their_own(client, world):
    client.force_login(world["other_volunteer"])
    for match in (world["match"], world["other_match"]):
        url = reverse("concerns:report_own", args=[match.pk])
        assert client.get(url).status_code == 404
        assert report(client, match).status_code == 404
    client.force_login(world["handler"])
    assert report(client, world["match"]).status_code == 403
    assert not Concern.objects.exists() and not mail.outbox


def test_a_reporter_sees_only_their_own_reports_and_never_the_steps(client, world, concern):
    client.force_login(world["volunteer"])
    report(client, world["match"])
    own = Concern.objects.get(reported_by=world["volunteer"])
    concern.record_step(1, on=timezone.localdate(), note="geheim", by=world["handler"])

    assert list(Concern.objects.reported_by_user(world["volunteer"])) == [
        {"pk": own.pk, "reported_on": own.reported_on}
    ]
    page = client.get(reverse("concerns:report_own", args=[world["match"].pk])).content.decode()
    assert "Ontvangen op" in page and "geheim" not in page
    assert client.get(reverse("concerns:report_received", args=[concern.pk])).status_code == 404
    client.force_login(world["other_volunteer"])
    assert client.get(reverse("concerns:report_received", args=[own.pk])).status_code == 404


def test_a_coordinator_records_a_concern_from_a_match_and_handles_it(client, world):
    client.force_login(world["handler"])
    url = reverse("concerns:create", args=[world["match"].pk])
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    refused = client.post(url, {"signs": SIGNS, "reported_on": future})
    assert refused.status_code == 400
    assert refused.context["form"].errors["reported_on"] == [
        "Een melding kan niet in de toekomst liggen."
    ]

    response = client.post(url, {"signs": SIGNS, "reported_on": timezone.localdate().isoformat()})

    concern = Concern.objects.get()
    assert response.url == reverse("concerns:detail", args=[concern.pk])
    assert concern.handler == concern.reported_by == world["handler"]
    assert not mail.outbox  # the coordinator handles it; nobody needs waking


def test_the_list_page_has_bounded_queries(client, world, django_assert_max_num_queries):
    for match in (world["match"], world["second_match"]) * 4:
        Concern.objects.create(match=match, reported_by=world["handler"], signs="x")
    closed = Concern.objects.first()
    Concern.objects.filter(pk=closed.pk).update(status=ConcernStatus.CLOSED)
    client.force_login(world["colleague"])

    # The page's own queries, the second factor, the session kept alive, the audit row.
    with django_assert_max_num_queries(13):
        response = client.get(reverse("concerns:list"))

    assert len(response.context["open"]) == 7 and len(response.context["closed"]) == 1


def test_the_morning_page_shows_open_concerns_through_the_concerns_tag(client, world, concern):
    client.force_login(world["handler"])

    html = client.get(reverse("matches:today")).content.decode()

    assert 'id="concerns"' in html
    assert reverse("concerns:detail", args=[concern.pk]) in html


def test_open_concerns_for_the_morning_page(world, concern):
    other = Concern.objects.create(
        match=world["other_match"], reported_by=world["outsider"], signs="x"
    )
    done = Concern.objects.create(
        match=world["second_match"], reported_by=world["handler"], signs="x",
        status=ConcernStatus.CLOSED,
    )  # fmt: skip

    mine = open_concerns(world["handler"], world["programme"])
    assert list(mine) == [concern] and mine[0].direct
    theirs = open_concerns(world["colleague"], world["programme"])
    assert not theirs[0].direct
    html = render_to_string("concerns/includes/today_section.html", {"concerns": theirs})
    assert f"Zorgsignaal {concern.pk}" in html and "Bakker" not in html
    assert other not in open_concerns(world["outsider"], world["programme"])
    assert done not in mine
    admin = testing.user(Role.ORG_ADMIN, organisation=world["programme"].organisation)
    assert not open_concerns(admin, world["programme"]).exists()
    empty = render_to_string("concerns/includes/today_section.html", {"concerns": []})
    assert "Geen open zorgsignalen." in empty


def test_a_match_that_ended_takes_no_reports_and_shows_no_children(client, world):
    from omzien.matches.models import Match, MatchStatus

    Match.objects.filter(pk=world["match"].pk).update(status=MatchStatus.DECLINED)
    client.force_login(world["volunteer"])
    assert client.get(reverse("concerns:report_own", args=[world["match"].pk])).status_code == 404
    assert report(client, world["match"]).status_code == 404
    assert not Concern.objects.exists()
