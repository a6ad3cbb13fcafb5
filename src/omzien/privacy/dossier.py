"""Everything held about one person, for their right of access: as JSON and as a readable PDF.

Found from the models (every personal-data model with a path to the person), so a new app's
rows are in the copy without being registered. Rows the requesting officer may not see (such
as concerns, which only the programme's coordinators open) are counted, not shown, and the copy
says so.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omzien import vocabulary
from omzien.access.scoping import ScopedQuerySet
from omzien.accounts.models import User
from omzien.matching import wording
from omzien.workflow import StatusChange

from .anonymise import rows_about
from .models import AuditEvent
from .subjects import personal_models

SKIPPED_FIELDS = {"version", "idempotency_key", "password"}
# Fields without a Dutch name of their own: the copy is read by the person, not a developer.
FIELD_LABELS = {
    "created_at": gettext_lazy("gemaakt op"),
    "decided_at": gettext_lazy("besloten op"),
    "key": gettext_lazy("sleutel"),
    "fingerprint": gettext_lazy("controlegetal"),
}
TITLES = {"api.idempotencyrecord": gettext_lazy("aanmeldingen via een ander systeem")}
# Lists of codes, stored as JSON, with the words for them.
CODE_LISTS = {
    "needs": vocabulary.Need.choices,
    "offers": vocabulary.Need.choices,
    "themes": vocabulary.Theme.choices,
    "languages": vocabulary.Language.choices,
    "availability": vocabulary.SLOTS,
}


@dataclass
class Section:
    label: str  # model label, for machines
    title: str  # the model's Dutch name, for people
    rows: list[list[tuple[str, str, object, str]]] = field(default_factory=list)
    withheld: int = 0


def _scoped(model) -> bool:
    return isinstance(model._default_manager.get_queryset(), ScopedQuerySet)


def visible_rows(model, rows, user):
    """Rows of `model` the user may see: through its own scope, or its parents' scopes."""
    if _scoped(model):
        return rows.filter(pk__in=model._default_manager.visible_to(user).values("pk"))
    for f in model._meta.concrete_fields:
        if f.is_relation and f.many_to_one and _scoped(f.related_model):
            visible = f.related_model._default_manager.visible_to(user).values("pk")
            rows = rows.filter(
                models.Q(**{f"{f.name}__isnull": True}) | models.Q(**{f"{f.name}__in": visible})
            )
    return rows


def _value(obj, f) -> tuple[object, str]:
    """The field's value for machines (JSON) and as a person reads it."""
    if f.is_relation:
        related = getattr(obj, f.name)
        return (None, "") if related is None else (related.pk, str(related))
    raw = getattr(obj, f.attname)
    if f.choices:
        display = obj._get_FIELD_display(f)
    elif isinstance(obj, StatusChange) and f.name in {"source", "target"}:
        display = obj.state_label(raw)
    elif isinstance(raw, list) and f.name in CODE_LISTS:
        words = dict(CODE_LISTS[f.name])
        display = ", ".join(str(words.get(code, code)) for code in raw)
    elif isinstance(raw, datetime):
        display = timezone.localtime(raw).strftime("%d-%m-%Y %H:%M")
    elif isinstance(raw, date):
        display = raw.strftime("%d-%m-%Y")
    elif isinstance(raw, bool):
        display = _("ja") if raw else _("nee")
    elif isinstance(raw, list):
        display = ", ".join(str(item) for item in raw)
    elif isinstance(raw, dict):
        display = _readable_json(raw)
    else:
        display = raw
    if isinstance(raw, (date, datetime)):
        raw = raw.isoformat()
    return raw, "" if display is None else str(display)


def _readable_json(data: dict) -> str:
    """Stored JSON as a person reads it: a match's explanation by its sentences, scores
    as 'name: value'; deeper structures only in the copy for another system."""
    if "rules" in data or "parts" in data:
        explained = wording.readable(data)
        return " ".join(item["sentence"] for key in ("rules", "parts") for item in explained[key])
    if all(not isinstance(value, dict | list) for value in data.values()):
        return ", ".join(f"{key or _('totaal')}: {value}" for key, value in data.items())
    return _("staat in de kopie voor een ander systeem (JSON)")


def _label(f) -> str:
    """The field's own Dutch name; without one (Django made it from the field's English name),
    the name of what it points to, or a name from FIELD_LABELS."""
    if f.primary_key:
        return _("nummer")
    if f.verbose_name != f.name.replace("_", " "):
        return str(f.verbose_name)
    if f.is_relation:
        return str(f.related_model._meta.verbose_name)
    return str(FIELD_LABELS.get(f.name, f.verbose_name))


def _title(model) -> str:
    """The model's Dutch plural; a status log is named after what it logs."""
    if issubclass(model, StatusChange):
        return _("statuswijzigingen van %(things)s") % {
            "things": model.owner_model()._meta.verbose_name_plural
        }
    return str(TITLES.get(model._meta.label_lower, model._meta.verbose_name_plural))


def _fields(model) -> list:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in SKIPPED_FIELDS and not (f.is_relation and f.related_model is User)
    ]


def collect(kind: str, pk: int, user) -> list[Section]:
    sections = []
    for model in personal_models():
        everything = rows_about(model, kind, [pk])
        shown = list(visible_rows(model, everything, user).order_by("pk"))
        withheld = everything.count() - len(shown)
        if not shown and not withheld:
            continue
        fields = _fields(model)
        section = Section(model._meta.label_lower, _title(model), withheld=withheld)
        for obj in shown:
            section.rows.append([(f.name, _label(f), *_value(obj, f)) for f in fields])
        sections.append(section)
    return sections


def audit_rows(kind: str, pk: int) -> list[dict]:
    """Who (by role) did what with the data, and when: part of the right of access."""
    return [
        {
            "at": timezone.localtime(e.at).isoformat(),
            "action": e.get_action_display(),
            "role": e.get_role_display(),
        }
        for e in AuditEvent.objects.about(kind, pk).order_by("at", "pk")
    ]


def as_json(kind: str, pk: int, user) -> dict:
    sections = collect(kind, pk, user)
    return {
        "subject": {"kind": kind, "id": pk},
        "generated_at": timezone.now().isoformat(),
        "data": {
            s.label: [{name: raw for name, _label, raw, _display in row} for row in s.rows]
            for s in sections
            if s.rows
        },
        "withheld": {s.label: s.withheld for s in sections if s.withheld},
        "access_log": audit_rows(kind, pk),
    }
