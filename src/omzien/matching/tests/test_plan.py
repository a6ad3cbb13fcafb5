"""A plan for the whole pool: proposals a coordinator accepts, rejects, locks or excludes."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from omzien import testing
from omzien.intake.models import RequestStatus
from omzien.matches.models import Match, MatchStatus
from omzien.matching.models import Decision, PairRule, PlanProposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme = testing.programme("Steungezinnen")
    requests = [
        testing.waiting_request(programme, geo["near"], last_name=f"Gezin{n}", days_waited=10 * n)
        for n in range(3)
    ]
    offers = [
        testing.available_offer(programme, geo["near"], last_name=f"Vrijwilliger{n}")
        for n in range(2)
    ]
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {
        "programme": programme,
        "requests": requests,
        "offers": offers,
        "coordinator": coordinator,
    }


def run_plan(client, world):
    slug = world["programme"].slug
    return client.post(f"{reverse('matching:plan_run')}?programme={slug}", follow=True)


def decide(client, proposal, action):
    return client.post(reverse("matching:plan_decide", args=[proposal.pk, action]), follow=True)


def test_plan_proposes_without_matching_anyone(client, world):
    response = run_plan(client, world)

    assert PlanProposal.objects.count() == 2  # two volunteers, three households
    assert not Match.objects.exists()
    html = response.content.decode()
    assert "Plan berekend: 2 koppelingen voorgesteld, 1 gezin blijft wachten." in html
    assert "Wie blijft er wachten?" in html


def test_longest_waiting_households_get_priority(client, world):
    run_plan(client, world)
    planned = {p.request for p in PlanProposal.objects.all()}
    assert planned == {world["requests"][1], world["requests"][2]}  # waited 10 and 20 days, not 0


def test_accepting_two_and_rejecting_one(client, world):
    run_plan(client, world)
    first, second = PlanProposal.objects.order_by("pk")
    decide(client, first, "accepted")
    decide(client, second, "rejected")

    match = Match.objects.get()
    assert (match.request, match.offer) == (first.request, first.offer)
    assert match.status == MatchStatus.PROPOSED  # the introduction gets its date on the match page
    first.request.refresh_from_db()
    assert first.request.status == RequestStatus.MATCHED
    assert PairRule.objects.get().kind == "exclude"

    run_plan(client, world)
    latest = PlanProposal.objects.filter(run__pk=PlanProposal.objects.latest("run__pk").run_id)
    assert (second.request_id, second.offer_id) not in {(p.request_id, p.offer_id) for p in latest}


def test_a_decision_is_taken_once(client, world):
    run_plan(client, world)
    proposal = PlanProposal.objects.first()
    decide(client, proposal, "rejected")
    response = decide(client, proposal, "accepted")

    assert "Over dit voorstel is al beslist" in response.content.decode()
    assert not Match.objects.exists()
    proposal.refresh_from_db()
    assert proposal.decision == Decision.REJECTED


def test_a_locked_pair_is_kept_in_the_next_plan(client, world):
    newest = world["requests"][0]  # waited least: the plan would leave it out
    PairRule.objects.create(
        programme=world["programme"], request=newest, offer=world["offers"][0], kind="lock"
    )

    run_plan(client, world)

    assert PlanProposal.objects.filter(request=newest, offer=world["offers"][0]).exists()


def test_another_coordinator_cannot_decide(client, world):
    run_plan(client, world)
    client.force_login(testing.coordinator(testing.programme()))

    response = client.post(
        reverse("matching:plan_decide", args=[PlanProposal.objects.first().pk, "accepted"])
    )

    assert response.status_code == 404 and not Match.objects.exists()


def test_plan_page_issues_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    geo = testing.geography()
    for n in range(20):
        testing.waiting_request(world["programme"], geo["near"], last_name=f"Extra{n}")
        testing.available_offer(world["programme"], geo["near"], last_name=f"Extra{n}")
    run_plan(client, world)
    with django_assert_max_num_queries(15):
        client.get(f"{reverse('matching:plan')}?programme={world['programme'].slug}")


def test_match_command_dry_run_prints_the_plan_and_stores_nothing(world, capsys):
    call_command("match", programme=world["programme"].slug, dry_run=True)

    out = capsys.readouterr().out
    assert "2 koppelingen voorgesteld, 1 gezin blijft wachten." in out
    assert "Proefrun: er is niets opgeslagen." in out
    assert "Gezin Gezin2 met Kees Vrijwilliger" in out and "van 100 punten. " in out
    assert "Wonen in dezelfde buurt" in out  # a reason the coordinator can read
    assert not PlanProposal.objects.exists()


def test_match_command_dry_run_can_leave_names_out(world, capsys):
    call_command("match", programme=world["programme"].slug, dry_run=True, anonymous=True)

    out = capsys.readouterr().out
    assert f"hulpvraag {world['requests'][2].pk} met aanbod" in out
    assert "Gezin" not in out and "Kees" not in out


def test_compile_engine_runs_the_engine_once_end_to_end(capsys):
    call_command("compile_engine")  # plan with a lock, explanation and suggestions

    assert "Matching engine compiled in" in capsys.readouterr().out


def test_plan_never_gives_a_volunteer_more_households_than_their_capacity(client, world):
    geo = testing.geography()
    for n in range(8):
        testing.waiting_request(
            world["programme"], geo["near" if n % 2 else "far"], last_name=f"Extra{n}"
        )
    roomy = testing.available_offer(world["programme"], geo["far"], last_name="Ruim", capacity=2)

    run_plan(client, world)

    per_offer = {}
    for proposal in PlanProposal.objects.all():
        per_offer[proposal.offer_id] = per_offer.get(proposal.offer_id, 0) + 1
    assert per_offer == {world["offers"][0].pk: 1, world["offers"][1].pk: 1, roomy.pk: 2}
