from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from omzien.accounts.models import Role
from omzien.privacy.access import STAFF_WITH_FILES

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
    ((Role.VOLUNTEER, Role.PARENT, Role.YOUTH), "matches:own_page", _("Mijn koppeling")),
]


def links_for(user) -> list[tuple[str, str]]:
    return [(reverse(name), label) for roles, name, label in START_PAGES if user.has_role(*roles)]


def home(request):
    links = links_for(request.user) if request.user.is_authenticated else []
    return render(request, "web/home.html", {"links": links})
