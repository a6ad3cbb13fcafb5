"""Optimal plans for a programme's whole pool, stored as proposals for a person to decide on."""

from __future__ import annotations

import time
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.geo.models import Neighbourhood
from omzien.intake.models import Request
from omzien.vocabulary import HouseholdType

from . import engine
from .models import Decision, PairRule, PairRuleKind, PlanProposal, PlanRun
from .pool import load_pool
from .services import candidate_offers, propose


def pool_of(user, programme):
    requests = Request.objects.visible_to(user).filter(programme=programme).waiting()
    return load_pool(programme, requests, candidate_offers(user, programme))


def pair_rules(programme) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    rules = PairRule.objects.filter(programme=programme).values_list(
        "kind", "request_id", "offer_id"
    )
    locked = {(r, o) for kind, r, o in rules if kind == PairRuleKind.LOCK}
    excluded = {(r, o) for kind, r, o in rules if kind == PairRuleKind.EXCLUDE}
    return locked, excluded


def compute(user, programme) -> tuple[engine.Pool, engine.Plan]:
    pool = pool_of(user, programme)
    locked, excluded = pair_rules(programme)
    return pool, engine.plan(pool, locked=locked, excluded=excluded)


@transaction.atomic
def run(user, programme) -> PlanRun:
    """Compute the optimal plan and store it as undecided proposals; nothing is matched yet."""
    started = time.perf_counter()
    pool, plan = compute(user, programme)
    plan_run = PlanRun.objects.create(
        programme=programme,
        created_by=user,
        total_score=plan.total_score,
        matched=plan.matched,
        unmatched=len(plan.unmatched_request_ids),
        components=plan.components,
        seconds=time.perf_counter() - started,
        fairness=fairness_tables(engine.fairness(pool, plan)),
    )
    PlanProposal.objects.bulk_create(
        PlanProposal(
            run=plan_run,
            request_id=pair.request_id,
            offer_id=pair.offer_id,
            score=pair.score,
            explanation=engine.explain(pool, pair.request_id, pair.offer_id).as_dict(),
        )
        for pair in plan.pairs
    )
    return plan_run


def fairness_tables(report: engine.FairnessReport) -> dict:
    """The fairness report as stored tables, with neighbourhood and household-type names."""
    names = (
        dict(Neighbourhood.objects.values_list("code", "name"))
        | dict(HouseholdType.choices)
        | {"youth": _("jongere")}
    )
    tables = []
    for dimension, title, group_label in (
        ("neighbourhood", _("Per buurt"), _("Buurt")),
        ("household_type", _("Per soort gezin"), _("Soort gezin")),
    ):
        rows = [
            asdict(row) | {"group": str(names.get(row.group, row.group))}
            for row in report.by(dimension)
        ]
        tables.append({"title": str(title), "group_label": str(group_label), "rows": rows})
    return {"tables": tables}


def decide(user, proposal: PlanProposal, decision: str) -> None:
    """Accept (the pair becomes a proposed match: its page asks the date of the introduction)
    or reject (never proposed again)."""
    if proposal.decision != Decision.PENDING:
        raise ValidationError(_("Over dit voorstel is al beslist."))
    with transaction.atomic():
        if decision == Decision.ACCEPTED:
            propose(user, proposal.request, proposal.offer_id)
        else:
            PairRule.objects.get_or_create(
                programme=proposal.run.programme,
                request=proposal.request,
                offer=proposal.offer,
                defaults={"kind": PairRuleKind.EXCLUDE, "created_by": user},
            )
        proposal.decision, proposal.decided_by, proposal.decided_at = decision, user, timezone.now()
        proposal.save(update_fields=["decision", "decided_by", "decided_at"])


def set_rule(user, proposal: PlanProposal, kind: str) -> None:
    """Lock a pair so that re-runs keep it, or exclude it so that they never propose it."""
    PairRule.objects.update_or_create(
        request=proposal.request,
        offer=proposal.offer,
        defaults={"programme": proposal.run.programme, "kind": kind, "created_by": user},
    )
