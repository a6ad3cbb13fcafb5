from django import template

from omzien.privacy.forms import KIND_OF_SLUG
from omzien.privacy.models.subject import pseudonym

register = template.Library()


@register.simple_tag
def pseudonym_of(slug: str, pk) -> str:
    """`{% pseudonym_of slug person.pk %}`: 'gezin 219' from the page's slug, in the page's language."""
    return pseudonym(KIND_OF_SLUG[slug], pk)
