"""Programmes for the social map: what they offer, where, and suppressed waiting figures."""

from rest_framework import serializers

from omzien.geo.models import pc4_only
from omzien.programmes.models import Serves


class OrganisationRefSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField(allow_blank=True)


class MunicipalityRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="CBS code, e.g. `GM0363`.")
    name = serializers.CharField()


class FiguresSerializer(serializers.Serializer):
    """Counts below the suppression threshold are `null` (hidden), never 0; 0 means none."""

    waiting = serializers.IntegerField(
        allow_null=True, help_text="Families or young people waiting for a match now."
    )
    median_days_waiting = serializers.IntegerField(
        allow_null=True, help_text="Median days those waiting have waited so far."
    )
    volunteers_available = serializers.IntegerField(
        allow_null=True, help_text="Screened volunteers who can take one more family now."
    )


class ProgrammeSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Use this as `programme` when you refer.")
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    organisation = OrganisationRefSerializer()
    serves = serializers.ChoiceField(choices=Serves.choices, source="programme_type.serves")
    min_age = serializers.IntegerField(source="programme_type.min_age")
    max_age = serializers.IntegerField(source="programme_type.max_age")
    municipalities = MunicipalityRefSerializer(many=True, source="municipalities.all")
    figures = FiguresSerializer()


class ProgrammeFilter(serializers.Serializer):
    postcode = serializers.CharField(
        required=False,
        validators=[pc4_only],
        help_text="Only programmes that serve this postcode area: its four digits, e.g. "
        "`1234`. Never the letters: a query string ends up in logs. An area no programme "
        "serves, or one we do not know, gives an empty list.",
    )
    serves = serializers.ChoiceField(
        choices=Serves.choices, required=False, help_text="Only programmes for households or youth."
    )
