"""Omzien's matching engine: plain Python, NumPy/SciPy and Numba, no Django.

Give it a `Pool` of requests and offers; it finds the admissible pairs (`candidates`),
explains one pair in codes and numbers (`explain`), suggests the best fits for one household or one
volunteer (`suggest_for_request`, `suggest_for_offer`), computes the optimal plan for a
whole pool (`plan`) and reports who that plan leaves waiting (`fairness`).
It proposes; a coordinator decides.
"""

from .arrays import OfferArrays, RequestArrays, Vocabulary
from .candidates import Candidates, candidates
from .explain import Explanation, PartExplanation, RuleExplanation, explain
from .fairness import FairnessReport, FairnessRow, fairness
from .items import PARTS, ConflictReason, OfferItem, RequestItem, Rules, Weights
from .planning import Plan, PlannedPair, plan
from .pool import Pool
from .rules import RULE_ORDER
from .solver import Assignment, min_cost_assignment, solve_assignment
from .suggest import Suggestion, Suggestions, suggest_for_offer, suggest_for_request

__all__ = [
    "PARTS",
    "RULE_ORDER",
    "Assignment",
    "Candidates",
    "ConflictReason",
    "Explanation",
    "FairnessReport",
    "FairnessRow",
    "OfferArrays",
    "OfferItem",
    "PartExplanation",
    "Plan",
    "PlannedPair",
    "Pool",
    "RequestArrays",
    "RequestItem",
    "RuleExplanation",
    "Rules",
    "Suggestion",
    "Suggestions",
    "Vocabulary",
    "Weights",
    "candidates",
    "explain",
    "fairness",
    "min_cost_assignment",
    "plan",
    "solve_assignment",
    "suggest_for_offer",
    "suggest_for_request",
]
