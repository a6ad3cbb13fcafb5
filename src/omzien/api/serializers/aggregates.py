"""The dashboard's figures: tables whose hidden cells are null, never zero."""

from rest_framework import serializers

from ..services.aggregates import LEVELS

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    kind = serializers.CharField(help_text="`count`, `days`, `hours`, `per_thousand`, ...")


class RowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="A month (`2025-03`), an area code or a figure name.")
    label = serializers.CharField()
    values = serializers.DictField(
        child=serializers.FloatField(allow_null=True),
        help_text="One value per column key; null when hidden or unavailable, never 0 then.",
    )
    suppressed = serializers.ListField(
        child=serializers.CharField(), help_text="Columns hidden by small-number suppression."
    )
    unavailable = serializers.ListField(
        child=serializers.CharField(), help_text="Columns without a source figure for this row."
    )


class FigureSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    explanation = serializers.CharField()
    columns = ColumnSerializer(many=True)
    rows = RowSerializer(many=True)
    total = RowSerializer(allow_null=True)
    empty = serializers.BooleanField(help_text="Nothing happened in the period (not: hidden).")


class AggregatesSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    threshold = serializers.IntegerField(help_text="Counts from 1 up to this are hidden.")
    filters = serializers.DictField(
        child=serializers.CharField(), help_text="The choices, in words."
    )
    empty = serializers.BooleanField()
    figures = serializers.DictField(
        child=FigureSerializer(),
        help_text="The dashboard's tables by key, in its order, `key_figures` first.",
    )


class AggregatesFilter(serializers.Serializer):
    start = serializers.RegexField(
        MONTH, required=False, help_text="First month, `YYYY-MM` (default: 23 months ago)."
    )
    end = serializers.RegexField(
        MONTH, required=False, help_text="Last month, `YYYY-MM` (default: this month)."
    )
    municipality = serializers.CharField(
        required=False, max_length=6, help_text="CBS code; an analyst's is fixed."
    )
    district = serializers.CharField(
        required=False, max_length=8, help_text="CBS code of a district of the municipality."
    )
    organisation = serializers.SlugField(required=False)
    programme = serializers.SlugField(required=False)
    level = serializers.ChoiceField(
        choices=list(LEVELS),
        required=False,
        help_text="The areas of the reach table (default: neighbourhoods).",
    )
