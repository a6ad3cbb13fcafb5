"""JSON only, strictly: no NaN or Infinity, and a Dutch or English message that says where it broke."""

import codecs
import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


def _refuse_constant(name: str):
    raise ValueError(name)


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return json.load(codecs.getreader(encoding)(stream), parse_constant=_refuse_constant)
        except json.JSONDecodeError as exc:
            raise ParseError(
                _("Dit is geen geldige JSON (regel %(line)s, kolom %(column)s).")
                % {"line": exc.lineno, "column": exc.colno},
                code="malformed_json",
            ) from None
        except (ValueError, UnicodeDecodeError, RecursionError):
            # NaN/Infinity, bytes in another encoding, or nesting deeper than anyone needs.
            raise ParseError(_("Dit is geen geldige JSON."), code="malformed_json") from None
