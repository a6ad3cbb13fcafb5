"""Finding a person (household, youth, volunteer) within what the user may see."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .forms import KIND_OF_SLUG, SLUG_OF_KIND
from .models import Anonymisation
from .subjects import SUBJECT_MODELS

LIMIT = 25
NAME_FIELDS = {
    "household": ("parents__first_name", "parents__last_name"),
    "youth": ("first_name", "last_name"),
    "volunteer": ("first_name", "last_name", "family_name"),
}


def person_or_404(user, kind_slug: str, pk):
    """The person if the user may see them; a guessed or foreign number is a plain 404."""
    kind = KIND_OF_SLUG[kind_slug]
    queryset = SUBJECT_MODELS[kind].objects.visible_to(user)
    if kind == "household":
        queryset = queryset.prefetch_related("parents")
    return kind, get_object_or_404(queryset, pk=pk)


def living_person_or_404(user, kind_slug: str, pk):
    """The person for an action (consent, correction, erasure); an erased person has none left."""
    kind, person = person_or_404(user, kind_slug, pk)
    if Anonymisation.objects.filter(**{kind: person}).exists():
        raise Http404
    return kind, person


def search(user, text: str) -> list[tuple[str, object]]:
    """People whose number is `text`, or whose name contains every word of it: (url slug, person)."""
    found = []
    for kind, model in SUBJECT_MODELS.items():
        people = model.objects.visible_to(user)
        if text.isdigit():
            people = people.filter(pk=int(text))
        else:
            for word in text.split():
                people = people.filter(
                    Q.create([(f"{f}__icontains", word) for f in NAME_FIELDS[kind]], connector=Q.OR)
                )
        if kind == "household":
            people = people.prefetch_related("parents")
        found += [(SLUG_OF_KIND[kind], p) for p in people.distinct().order_by("pk")[:LIMIT]]
    return found
