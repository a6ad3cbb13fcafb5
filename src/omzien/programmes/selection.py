"""Which of their programmes a staff member is looking at (`?programme=<slug>`)."""

from django.http import Http404

from omzien.access.scoping import programme_ids

from .models import Programme


def programmes_of(user):
    return Programme.objects.filter(pk__in=programme_ids(user)).select_related("programme_type")


def selected_programme(request) -> tuple[list[Programme], Programme | None]:
    """The user's programmes, and the one chosen in the query string (default: the first)."""
    programmes = list(programmes_of(request.user))
    slug = request.GET.get("programme")
    if not slug:
        return programmes, programmes[0] if programmes else None
    for programme in programmes:
        if programme.slug == slug:
            return programmes, programme
    raise Http404
