"""The open concerns on the coordinator's morning page.

The morning page belongs to the matches app, which concerns build on; the page takes this
section by template tag, so that matches need not import concerns.
"""

from django import template

from ..today import open_concerns

register = template.Library()


@register.inclusion_tag("concerns/includes/today_section.html", takes_context=True)
def today_concerns(context, programme):
    return {"concerns": open_concerns(context["request"].user, programme)}
