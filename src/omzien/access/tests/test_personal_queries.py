"""Views, API code and template tags read personal data through the scoping layer only.

A `<PersonalModel>.objects` there must go on into `visible_to` (or `editable_by`, which narrows
it), unless the place is on the allow-list below with the reason it is safe.
"""

import ast
from pathlib import Path

from omzien.access.personal import PERSONAL_MODELS, SCOPED_ENTRY_POINTS

PACKAGE = Path(__file__).resolve().parents[2]  # src/omzien

# The person's own rows, reached from a person already found through `visible_to`.
OF_A_SCOPED_PERSON = "rows of a person found through visible_to (people.person_or_404)"
# Exists() annotations correlated with rows the caller has already scoped.
CORRELATED = "an Exists() annotation on rows already scoped (OuterRef)"

# "path::function::Model": why this use of `.objects` needs no scoping.
ALLOWED = {
    "api/audit.py::_audit::Referral": "the audit row names the referral the client just touched",
    "api/services/referrals.py::replayed::IdempotencyRecord": "the API client's own key",
    "api/services/referrals.py::create_referral::IdempotencyRecord": "the API client's own key",
    "api/services/referrals.py::create_referral::Referral": "the referral made a line before",
    "api/services/social_map.py::figures_of::Request": "counts only, suppressed before leaving",
    "api/services/social_map.py::figures_of::Offer": "counts only, suppressed before leaving",
    "privacy/views/people.py::person::LegalHold": OF_A_SCOPED_PERSON,
    "privacy/views/people.py::person::SubjectRequest": OF_A_SCOPED_PERSON,
    "privacy/views/people.py::person::Anonymisation": OF_A_SCOPED_PERSON,
    "privacy/views/people.py::hold_place::LegalHold": OF_A_SCOPED_PERSON,
    "privacy/views/people.py::hold_lift::LegalHold": OF_A_SCOPED_PERSON,
    "privacy/views/rights.py::_handled::SubjectRequest": "a write about a person found scoped",
    "screening/views.py::record::Attendance": "a write for an offer found scoped (_visible_offer)",
    "support_figures/views/care.py::with_status::Placement": CORRELATED,
    "support_figures/views/care.py::with_status::SupportFigure": CORRELATED,
    "support_figures/views/network.py::household_maps::NetworkMap": CORRELATED,
    "support_figures/views/network.py::_open_or_start::NetworkMap": (
        "the map of a household or young person the caller found through visible_to"
    ),
    "support_figures/views/network.py::change_tie::Tie": "only ties of maps from editable_by",
}

MODEL_NAMES = {label.split(".")[1] for label in PERSONAL_MODELS}


def checked_files():
    """views.py and views/, everything of the API, and template tags."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts:
            continue
        in_views = path.name == "views.py" or "views" in parts[:-1]
        if in_views or "templatetags" in parts or parts[0] == "api":
            yield path


def unscoped_uses(tree: ast.AST, relative: str) -> set[str]:
    """Each `<PersonalModel>.objects` not followed by a scoped entry point, as an allow-list key."""
    parent = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = set()
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and isinstance(node.value, ast.Name)
            and node.value.id in MODEL_NAMES
        ):
            continue
        after = parent.get(node)
        if isinstance(after, ast.Attribute) and after.attr in SCOPED_ENTRY_POINTS:
            continue
        found.add(f"{relative}::{enclosing_function(node, parent)}::{node.value.id}")
    return found


def enclosing_function(node, parent) -> str:
    while node in parent:
        node = parent[node]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node.name
    return "<module>"


def all_unscoped_uses() -> set[str]:
    return {
        use
        for path in checked_files()
        for use in unscoped_uses(
            ast.parse(path.read_text(), str(path)), str(path.relative_to(PACKAGE))
        )
    }


def test_views_api_and_template_tags_read_personal_data_through_the_scoping_layer():
    unscoped = all_unscoped_uses() - ALLOWED.keys()
    assert not unscoped, "Use Model.objects.visible_to(user), or allow with a reason:\n" + (
        "\n".join(sorted(unscoped))
    )


def test_the_allow_list_names_only_places_that_still_exist():
    assert not ALLOWED.keys() - all_unscoped_uses()


def test_every_allowed_place_says_why():
    assert all(reason.strip() for reason in ALLOWED.values())


def test_the_check_sees_an_unscoped_query_and_lets_a_scoped_one_pass():
    tree = ast.parse(
        "def page(request):\n"
        "    Household.objects.filter(pk=1)\n"
        "    Household.objects.visible_to(request.user)\n"
        "    Programme.objects.all()\n"
    )
    assert unscoped_uses(tree, "web/views.py") == {"web/views.py::page::Household"}


def test_the_list_holds_every_model_the_privacy_app_finds_personal():
    from omzien.privacy.subjects import personal_models

    assert {m._meta.label for m in personal_models()} <= PERSONAL_MODELS
