from django import template

from omzien.matching import wording

register = template.Library()


@register.filter
def readable(explanation):
    """An engine explanation (or its stored form) with labels and sentences in the page's language."""
    return wording.readable(explanation)


@register.filter
def reason(code: str, side: str = "request") -> str:
    return wording.reason(code, side)
