"""Strict input: exact JSON types, no unknown fields; and the documented shape of a problem."""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from omzien.web.validators import MESSAGE as CONTROL_CHARACTER
from omzien.web.validators import has_control_characters


class StrictCharField(serializers.CharField):
    """A JSON string and nothing else: DRF would turn 12 into "12".

    No control characters; `multiline` allows tabs and line breaks, as the web's text areas do.
    """

    default_error_messages = {
        "invalid": _("Vul hier tekst in (een JSON-string)."),
        "control_character": CONTROL_CHARACTER,
    }

    def __init__(self, *, multiline: bool = False, **kwargs) -> None:
        self.multiline = multiline
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape
            self.fail("invalid")
        value = super().to_internal_value(data)
        if has_control_characters(value, multiline=self.multiline):
            self.fail("control_character")
        return value


class StrictBooleanField(serializers.BooleanField):
    """`true` or `false`: DRF would also take "yes", "on" and 1."""

    default_error_messages = {"invalid": _("Vul hier true of false in.")}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, so a typo never silently drops a value."""

    def to_internal_value(self, data):
        unknown = sorted(set(data) - set(self.fields)) if isinstance(data, Mapping) else []
        errors = {
            str(name): [ErrorDetail(str(_("Dit veld bestaat niet.")), code="unknown_field")]
            for name in unknown
        }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if errors and isinstance(exc.detail, dict):
                raise serializers.ValidationError({**exc.detail, **errors}) from None
            raise
        if errors:
            raise serializers.ValidationError(errors)
        return value


class ProblemErrorSerializer(serializers.Serializer):
    pointer = serializers.CharField(
        required=False, help_text="JSON pointer to the wrong value in the body, e.g. `#/postcode`."
    )
    parameter = serializers.CharField(
        required=False, help_text="The query parameter or header that is wrong."
    )
    detail = serializers.CharField(help_text="What is wrong, in the requested language.")
    code = serializers.CharField(help_text="A stable code, e.g. `required` or `unknown_field`.")


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details, served as `application/problem+json`."""

    type = serializers.CharField(help_text="A URI that documents this kind of problem.")
    title = serializers.CharField(
        help_text="A short summary, the same for every problem of its kind."
    )
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(
        help_text="What went wrong this time, in the requested language."
    )
    code = serializers.CharField(help_text="A stable code for programs, e.g. `token_expired`.")
    instance = serializers.CharField(help_text="The path that was called.")
    errors = ProblemErrorSerializer(
        many=True, required=False, help_text="For invalid input: one entry per wrong value."
    )
