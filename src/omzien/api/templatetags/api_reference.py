from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def codespans(text) -> str:
    """The OpenAPI descriptions' `backticks` as <code>, everything else escaped."""
    parts = str(text).split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: show it as it is
        return escape(text)
    return mark_safe(  # every part is escaped above
        "".join(f"<code>{escape(p)}</code>" if i % 2 else escape(p) for i, p in enumerate(parts))
    )
