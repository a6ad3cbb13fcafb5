"""One demo account per role, all with one shared (public) password."""

from django.contrib.auth.hashers import make_password

from omzien.accounts.models import Role, User
from omzien.geo.models import Municipality
from omzien.programmes.models import Organisation, Programme

from .programmes import HOME_VISITING, MENTORING, ORGANISATIONS, SUPPORT_FAMILY
from .second_factor import create_devices

DEMO_PASSWORD = "omzien-demo-2026"

# username, role, first name, last name; the order is the order of the printed table.
ACCOUNTS = [
    ("coordinator", Role.COORDINATOR, "Marieke", "Verbeek"),
    ("coordinator2", Role.COORDINATOR, "Youssef", "Amrani"),
    ("beheerder", Role.ORG_ADMIN, "Henk", "Dijkstra"),
    ("verwijzer", Role.REFERRER, "Anouk", "Brouwer"),
    ("jeugdprofessional", Role.CARE_PROFESSIONAL, "Ricardo", "Martina"),
    ("vrijwilliger", Role.VOLUNTEER, "", ""),
    ("ouder", Role.PARENT, "", ""),
    ("jongere", Role.YOUTH, "", ""),
    ("analist", Role.ANALYST, "Ingrid", "Mulder"),
    ("onderzoeker", Role.RESEARCHER, "Pieter", "Hoekstra"),
    ("functioneelbeheer", Role.SUPERUSER, "Sandra", "Vos"),
]
USERNAMES = [username for username, *_rest in ACCOUNTS]
# Which programmes each coordinator works in: two of one organisation, and one of the other.
COORDINATOR_PROGRAMMES = {
    "coordinator": (SUPPORT_FAMILY, HOME_VISITING),
    "coordinator2": (MENTORING,),
}
REFERRER_ORGANISATION = "Buurtteam Voorbeeldstad"


def create_accounts(
    organisations: dict[str, Organisation],
    programmes: dict[str, Programme],
    municipality: Municipality,
) -> dict[str, User]:
    # One hash for the shared password: PBKDF2 for each of eleven accounts would take seconds.
    password = make_password(DEMO_PASSWORD)
    scope = {
        "beheerder": {"organisation": organisations[ORGANISATIONS[0][1]]},
        "analist": {"municipality": municipality},
        "functioneelbeheer": {"is_staff": True, "is_superuser": True},
    }
    users = {}
    for username, role, first_name, last_name in ACCOUNTS:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@voorbeeldstad.example.org",
            role=role,
            first_name=first_name,
            last_name=last_name,
            **scope.get(username, {}),
        )
        user.password = password
        user.save(update_fields=["password"])
        user.programmes.set([programmes[key] for key in COORDINATOR_PROGRAMMES.get(username, ())])
        users[username] = user
    create_devices(users.values())
    return users


def link_to_person(user: User, person) -> None:
    """Make a volunteer, parent or youth account the log-in of a demo person."""
    user.first_name, user.last_name, user.email = person.first_name, person.last_name, person.email
    user.save(update_fields=["first_name", "last_name", "email"])
    person.account = user
    person.save(update_fields=["account"])


def scope_of(user: User) -> str:
    """What this account sees, in a few Dutch words for the log-in table."""
    if user.role == Role.COORDINATOR:
        return ", ".join(p.name for p in user.programmes.order_by("name"))
    if user.role == Role.ORG_ADMIN and user.organisation:
        return user.organisation.name
    if user.role == Role.ANALYST and user.municipality:
        return f"cijfers van {user.municipality.name} ({user.municipality.code})"
    if user.role in (Role.VOLUNTEER, Role.PARENT, Role.YOUTH) and user.email:
        return f"eigen gegevens ({user.first_name} {user.last_name})"
    return {
        Role.REFERRER: f"eigen verwijzingen ({REFERRER_ORGANISATION})",
        Role.CARE_PROFESSIONAL: "eigen jongeren",
        Role.RESEARCHER: "gepseudonimiseerde exports",
        Role.SUPERUSER: "configuratie, Django-beheer",
    }.get(user.role, "")


def login_table() -> list[tuple[str, str, str, str]]:
    """(username, password, role, scope) of every demo account that exists."""
    users = {u.username: u for u in User.objects.filter(username__in=USERNAMES)}
    return [
        (u.username, DEMO_PASSWORD, u.get_role_display(), scope_of(u))
        for u in (users[name] for name in USERNAMES if name in users)
    ]
