"""Stored codes (needs, languages, parts of the week) as the words people read."""

from django import template
from django.utils.translation import gettext

from omzien import vocabulary

register = template.Library()


@register.filter
def need_labels(codes) -> list[str]:
    return vocabulary.labels(vocabulary.Need.choices, codes)


@register.filter
def language_labels(codes) -> list[str]:
    return vocabulary.labels(vocabulary.Language.choices, codes)


@register.filter
def week_parts(codes) -> list[str]:
    return vocabulary.week_parts(codes)


@register.filter
def as_said(text: str) -> str:
    """A stored reason in the reader's language: what the system wrote was a Dutch catalogue
    string when it was stored, so it translates now; what a person typed passes unchanged."""
    return gettext(text) if text else text
