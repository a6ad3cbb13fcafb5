from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from omzien.access.checks import STAFF_WITH_FILES
from omzien.access.roles import Role

# The pages each role starts from; the navigation shows the same list.
START_PAGES = [
    (STAFF_WITH_FILES, "matches:today", _("Vandaag")),
    (STAFF_WITH_FILES, "intake:work_lists", _("Werklijsten")),
    (STAFF_WITH_FILES, "intake:waiting_list", _("Wachtlijst")),
    (STAFF_WITH_FILES, "matching:plan", _("Plan voor de wachtlijst")),
    (STAFF_WITH_FILES, "matches:match_list", _("Koppelingen")),
    (STAFF_WITH_FILES, "importing:import", _("Importeren")),
    ((Role.COORDINATOR,), "concerns:list", _("Zorgsignalen")),
    ((Role.REFERRER,), "referrals:list", _("Mijn verwijzingen")),
    ((Role.ANALYST, Role.ORG_ADMIN, Role.COORDINATOR), "insight:dashboard", _("Cijfers")),
    ((Role.ORG_ADMIN, Role.ANALYST), "outcomes:report", _("Uitkomsten")),
    ((Role.VOLUNTEER, Role.PARENT, Role.YOUTH), "matches:own_page", _("Mijn koppeling")),
    ((Role.CARE_PROFESSIONAL,), "support_figures:young_people", _("Mijn jongeren")),
    ((Role.YOUTH,), "support_figures:my_support_figure", _("Mijn steunfiguur")),
    (STAFF_WITH_FILES, "support_figures:household_maps", _("Netwerkkaarten")),
    ((*STAFF_WITH_FILES, Role.ANALYST), "support_figures:challenges", _("Opgaven")),
    ((*STAFF_WITH_FILES, Role.CARE_PROFESSIONAL), "support_figures:partners", _("Sociale kaart")),
    (
        (*STAFF_WITH_FILES, Role.ANALYST, Role.CARE_PROFESSIONAL),
        "support_figures:coverage",
        _("Steunfiguren"),
    ),
    ((*STAFF_WITH_FILES, Role.SUPERUSER), "privacy:overview", _("Privacy")),
    ((Role.RESEARCHER,), "privacy:research", _("Onderzoeksexport")),
]


def links_for(user) -> list[tuple[str, str]]:
    return [(reverse(name), label) for roles, name, label in START_PAGES if user.has_role(*roles)]


def home(request):
    """The public welcome; someone logged in goes straight to the first page of their role's
    work (a coordinator's Vandaag, a volunteer's Mijn koppeling, an analyst's Cijfers)."""
    links = links_for(request.user) if request.user.is_authenticated else []
    if links:
        return redirect(links[0][0])
    return render(request, "web/home.html", {"links": links})
