"""Stored codes (needs, languages, parts of the week) as the words people read."""

from django import template

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
