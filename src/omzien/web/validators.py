"""Text as people typed it and as others will read it: no invisible control characters.

A right-to-left override turns "Jansen" on screen into something else, and a NUL byte
breaks PostgreSQL; both come in by copy-paste or on purpose. Forms, the import and the
API refuse them with the same message.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL = ("Cc", "Cf")
LINE_BREAKS = frozenset("\t\n\r")
# Zero-width (non-)joiners are part of writing Persian and Indic names; they reorder nothing.
JOINERS = frozenset("\u200c\u200d")
MESSAGE = _(
    "Hier staat een onzichtbaar teken in, zoals een tab of een teken dat de leesrichting "
    "omdraait. Typ de tekst opnieuw, zonder dat teken."
)


def has_control_characters(value: str, *, multiline: bool = False) -> bool:
    if value.isprintable():  # no Cc or Cf character: the usual case, checked in C
        return False
    allowed = JOINERS | LINE_BREAKS if multiline else JOINERS
    return any(unicodedata.category(c) in CONTROL and c not in allowed for c in value)


def single_line_text(value: object) -> None:
    # Some text fields clean to other types (a UUIDField to a UUID): those hold no text.
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(MESSAGE, code="control_character")


def multiline_text(value: object) -> None:
    """Text of several lines: tabs and line breaks are fine there."""
    if isinstance(value, str) and has_control_characters(value, multiline=True):
        raise ValidationError(MESSAGE, code="control_character")
