"""The questionnaires on a person's own page.

The own page belongs to the matches app, which outcomes build on; the page takes this section
by template tag, so that matches need not import outcomes.
"""

from django import template

from ..questionnaires import open_questionnaires

register = template.Library()


@register.inclusion_tag("outcomes/includes/own_questionnaires.html", takes_context=True)
def own_questionnaires(context):
    return {"questionnaires": open_questionnaires(context["request"].user)}
