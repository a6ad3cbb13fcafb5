"""The dashboard's figures for a municipality's monitor: the insight app's own function, its
own filters and its own suppression, so the API's numbers are the dashboard's numbers."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from omzien.insight.dashboard import dashboard_figures
from omzien.insight.forms import FilterForm
from omzien.insight.scope import scope_of

from ..problems import InvalidInput

# The API speaks English in its parameters; the dashboard's query string speaks Dutch.
LEVELS = {"neighbourhood": "buurt", "district": "wijk", "municipality": "gemeente"}
FORM_FIELDS = ("start", "end", "organisation", "programme", "municipality", "district")


def figures_for(user, params: dict) -> dict:
    """What the dashboard shows `user` for these choices, as data; refused without a scope."""
    scope = scope_of(user)
    if not scope.programmes:
        raise PermissionDenied(
            _("Dit account heeft geen programma's waarvan het cijfers mag zien."), code="no_scope"
        )
    fixed = scope.municipality
    if fixed is not None and params.get("municipality", fixed.code) != fixed.code:
        # The dashboard simply shows the own municipality; a program must hear it asked for more.
        raise InvalidInput(
            [
                {
                    "parameter": "municipality",
                    "detail": _("Dit account ziet alleen de cijfers van %(name)s (%(code)s).")
                    % {"name": fixed.name, "code": fixed.code},
                    "code": "municipality_not_allowed",
                }
            ]
        )
    form = FilterForm(scope, {name: params[name] for name in FORM_FIELDS if name in params})
    if not form.is_valid():
        raise InvalidInput(
            [
                {"parameter": name, "detail": " ".join(error.messages), "code": error.code}
                for name, errors in form.errors.as_data().items()
                for error in errors
            ]
        )
    return dashboard_figures(form.filters(), LEVELS.get(params.get("level", "")))
