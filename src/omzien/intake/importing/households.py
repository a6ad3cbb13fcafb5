"""Household rows: a household with one parent, its children and a request in the programme."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Min
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from omzien.intake.models import Request, RequestStatus
from omzien.people.models import Child, Household, Parent
from omzien.programmes.models import Programme, Serves

from . import values
from .inserting import insert
from .records import matching_consent, save_status_history
from .rows import Context, RowCheck, identities

# Which column each model field comes from, so a model's error lands at its column.
HOUSEHOLD_COLUMNS = {"postcode": "postcode", "languages": "talen"}
PARENT_COLUMNS = {
    "first_name": "voornaam ouder",
    "last_name": "achternaam",
    "email": "e-mail",
    "phone": "telefoon",
}
CHILD_COLUMNS = {"first_name": "kinderen", "date_of_birth": "kinderen"}
REQUEST_COLUMNS = {
    "needs": "hulpvraag",
    "availability": "beschikbaarheid",
    "waiting_since": "wacht sinds",
    "status": "status",
}
KEY_COLUMNS = ("e-mail", "achternaam", "postcode", "kinderen")
STATUSES = values.vocabulary(RequestStatus.choices)
# A match is made in Omzien, between a request and an offer that both exist there.
IMPORTABLE_STATUSES = [
    (code, label) for code, label in RequestStatus.choices if code != RequestStatus.MATCHED
]


@dataclass
class Planned:
    keys: tuple[tuple, ...]  # empty when the row is too broken to tell who it is
    label: str
    summary: str
    household: Household
    parent: Parent
    children: list[Child]
    request: Request


def refusal(programme: Programme) -> str:
    """Why this programme takes no households, or an empty string."""
    if programme.programme_type.serves != Serves.HOUSEHOLDS:
        return _(
            "Dit programma is er voor jongeren; hier kunnen geen gezinnen worden geïmporteerd."
        )
    return ""


def request_status(value: object) -> str:
    status = values.choice(value, STATUSES, default="")
    if status == RequestStatus.MATCHED:
        raise ValidationError(
            _(
                "Een koppeling kan niet worden geïmporteerd. Importeer het gezin als ‘wacht op een match’ en koppel in Omzien."
            )
        )
    return status


def check(row: RowCheck, context: Context) -> Planned:
    def text(column: str) -> str:
        return values.text(row.cells.get(column))

    postcode = row.get("postcode", values.postcode, fallback="")
    household = Household(
        postcode=postcode,
        postcode_area=row.attempt("postcode", context.places.area, postcode) if postcode else None,
        languages=row.get("talen", values.languages, fallback=[]),
        created_at=context.now,
    )
    parent = Parent(
        household=household,
        first_name=text("voornaam ouder"),
        last_name=text("achternaam"),
        email=text("e-mail"),
        phone=text("telefoon"),
    )
    children = [
        Child(household=household, first_name=name, date_of_birth=born)
        for name, born in row.get("kinderen", values.children, fallback=[])
    ]
    request = Request(
        programme=context.programme,
        household=household,
        signed_up_at=context.now,
        needs=row.get("hulpvraag", values.needs, fallback=[]),
        availability=row.get("beschikbaarheid", values.availability, fallback=[]),
        waiting_since=row.get("wacht sinds", values.past_date),
    )
    request.status = row.get("status", request_status, fallback="") or (
        RequestStatus.WAITING if request.waiting_since else RequestStatus.SIGNED_UP
    )
    if (
        request.status == RequestStatus.WAITING
        and not request.waiting_since
        and row.sound("wacht sinds")
    ):
        row.add("wacht sinds", _("Vul in sinds wanneer het gezin op een match wacht."))
    row.validate(household, HOUSEHOLD_COLUMNS)
    row.validate(parent, PARENT_COLUMNS)
    for child in children:
        row.validate(child, CHILD_COLUMNS)
    row.validate(request, REQUEST_COLUMNS)
    first_born = min((child.date_of_birth for child in children), default=None)
    return Planned(
        keys=identities(parent.email, parent.last_name, postcode, first_born)
        if row.sound(*KEY_COLUMNS)
        else (),
        label=label(parent, context),
        summary=summary(request, children, context),
        household=household,
        parent=parent,
        children=children,
        request=request,
    )


def label(parent: Parent, context: Context) -> str:
    if not parent.last_name:
        return context.once("household", lambda: _("Gezin"))
    return context.once("household name", lambda: _("Gezin %(name)s")) % {"name": parent.last_name}


def summary(request: Request, children: list[Child], context: Context) -> str:
    if request.status == RequestStatus.WAITING and request.waiting_since:
        status = context.once("waiting since", lambda: _("wacht sinds %(day)s")) % {
            "day": request.waiting_since.strftime("%d-%m-%Y")
        }
    else:
        status = context.once(
            ("status", request.status), lambda: str(RequestStatus(request.status).label)
        )
    n = len(children)
    template = context.once(
        ("children", n),
        lambda: ngettext(
            "ouder en %(n)s kind, %(status)s", "ouder en %(n)s kinderen, %(status)s", n
        ),
    )
    return template % {"n": n, "status": status}


def existing(programme: Programme) -> set[tuple]:
    """Who is already in the programme, by the same identities a row gets."""
    households = (
        Request.objects.in_programmes([programme.pk])
        .filter(household__isnull=False)
        .values("household")
    )
    first_born = dict(
        Child.objects.filter(household__in=households)
        .values("household")
        .annotate(first=Min("date_of_birth"))
        .values_list("household", "first")
    )
    keys = set()
    for household, email, last_name, postcode in Parent.objects.filter(
        household__in=households
    ).values_list("household", "email", "last_name", "household__postcode"):
        keys.update(identities(email, last_name, postcode, first_born.get(household)))
    return keys


def save(planned: list[Planned], context: Context) -> None:
    """Insert in bulk; each insert sets the keys the next one refers to."""
    insert([p.household for p in planned])
    insert([p.parent for p in planned])
    insert([child for p in planned for child in p.children])
    requests = insert([p.request for p in planned])
    save_status_history(requests, context)
    insert([matching_consent(context, household=p.household) for p in planned])
