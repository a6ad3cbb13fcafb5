"""Template helpers for figures: a value as text (or why there is none), and a chart's geometry."""

from django import template
from django.utils.html import format_html

from ..charts import chart
from ..formatting import UNAVAILABLE, UNAVAILABLE_LABEL, display

register = template.Library()


@register.simple_tag
def figure_value(value, kind, unavailable=False):
    """A table cell's text; a hidden value is marked so that it is never read as zero."""
    if unavailable:
        return format_html(
            '<span aria-hidden="true">{}</span><span class="omzien-visually-hidden">{}</span>',
            UNAVAILABLE,
            UNAVAILABLE_LABEL,
        )
    text = display(value, kind)
    if value is None:
        return format_html('<span class="omzien-figure-missing">{}</span>', text)
    return text


register.filter("chart_of", chart)


@register.filter
def cells_of(row, columns):
    return row.cells(columns)
