"""Which rows are personal data, and which people (household, youth, volunteer) a row is about.

Found from the models themselves, so that a new app's models take part without registering:
a model is personal data when its manager is scoped (`visible_to`) or when it hangs off a
person by a foreign key; the people a row is about are found by following foreign keys.
"""

from functools import cache

from django.apps import apps
from django.db import models

from omzien.access.scoping import ScopedQuerySet
from omzien.people.models import Household, Volunteer, Youth

SUBJECT_MODELS: dict[str, type[models.Model]] = {
    "household": Household,
    "youth": Youth,
    "volunteer": Volunteer,
}
KIND_OF = {model: kind for kind, model in SUBJECT_MODELS.items()}
MAX_DEPTH = 4  # Contact -> match -> request -> household is the longest chain today


def _forward_relations(model) -> list[models.ForeignKey]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model is not model
    ]


@cache
def paths_to_subjects(model) -> dict[str, list[str]]:
    """For each kind of person, the lookups from `model` to that person ('' for the person itself)."""
    found: dict[str, list[str]] = {kind: [] for kind in SUBJECT_MODELS}
    if model in KIND_OF:
        found[KIND_OF[model]].append("")

    def walk(current, prefix: str, depth: int) -> None:
        for field in _forward_relations(current):
            target = field.related_model
            lookup = f"{prefix}{field.name}"
            if target in KIND_OF:
                found[KIND_OF[target]].append(lookup)
            elif depth < MAX_DEPTH and target is not model:
                walk(target, f"{lookup}__", depth + 1)

    if model not in KIND_OF:
        walk(model, "", 1)
    return {kind: paths for kind, paths in found.items() if paths}


@cache
def is_personal(model) -> bool:
    """Scoped models and models that point at a person."""
    manager = model._default_manager
    scoped = isinstance(manager.get_queryset(), ScopedQuerySet)
    return scoped or bool(paths_to_subjects(model))


def personal_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if is_personal(m)]


def subjects_of(instance, depth: int = MAX_DEPTH) -> dict[str, int]:
    """The people one row is about, by kind: {'household': 3, 'volunteer': 8}.

    Reads foreign-key ids where it can; follows a relation (maybe a query) only through
    other personal-data rows.
    """
    model = type(instance)
    if model in KIND_OF:
        return {KIND_OF[model]: instance.pk}
    found: dict[str, int] = {}
    for field in _forward_relations(model):
        target = field.related_model
        value = getattr(instance, field.attname)
        if value is None:
            continue
        if target in KIND_OF:
            found.setdefault(KIND_OF[target], value)
        elif depth > 1 and is_personal(target) and paths_to_subjects(target):
            for kind, pk in subjects_of(getattr(instance, field.name), depth - 1).items():
                found.setdefault(kind, pk)
    return found
