"""A referral in (the family, its children and its consent) and its step out (nothing else)."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from omzien.intake.models import ReferralStatus
from omzien.vocabulary import SLOTS, HouseholdType, Language, Need

from .common import StrictBooleanField, StrictCharField, StrictSerializer


class StrictEmailField(StrictCharField, serializers.EmailField):
    """Documented as an e-mail address; the referral form checks it."""


def choices(choices, help_text: str, limit: int, required: bool = False) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices),
        required=required,
        min_length=1 if required else None,
        max_length=limit,
        help_text=help_text,
    )


def optional_text(max_length: int, help_text: str = "", multiline: bool = False) -> StrictCharField:
    return StrictCharField(
        max_length=max_length,
        required=False,
        allow_blank=True,
        help_text=help_text,
        multiline=multiline,
    )


class ChildInput(StrictSerializer):
    """A child of the family; at least one, at most six."""

    first_name = StrictCharField(max_length=100)
    date_of_birth = serializers.DateField(help_text="`YYYY-MM-DD`.")


class ConsentInput(StrictSerializer):
    """The family's consent as the referrer recorded it; without both, no referral."""

    matching = StrictBooleanField(
        help_text="The family consents to this referral: the coordinator uses its details to "
        "get in touch and find a volunteer. Must be `true`."
    )
    feedback_to_referrer = StrictBooleanField(
        help_text="The family consents that you learn which step the referral is in (never "
        "what is discussed). Must be `true`."
    )


class ReferralInput(StrictSerializer):
    """A family referred by a professional: the same fields as the referral form."""

    programme = StrictCharField(
        max_length=50,
        help_text="The `slug` of a programme for households, from `GET /programmes/`.",
    )
    first_name = StrictCharField(max_length=100, help_text="The parent's first name.")
    last_name = StrictCharField(max_length=100, help_text="The parent's last name.")
    email = StrictEmailField(
        max_length=254,
        required=False,
        allow_blank=True,
        help_text="The parent's e-mail address; an e-mail address or a phone number is needed.",
    )
    phone = optional_text(20, "The parent's phone number, e.g. `06 12345678`.")
    postcode = StrictCharField(
        max_length=7, help_text="The family's postcode, e.g. `1234 AB`; it must be served."
    )
    languages = choices(Language.choices, "Languages the family speaks.", len(Language))
    household_type = serializers.ChoiceField(choices=HouseholdType.choices)
    partner_first_name = optional_text(100, "The other parent's first name, if any.")
    partner_last_name = optional_text(100, "Needed with `partner_first_name`.")
    needs = choices(Need.choices, "What would help; or say it in `description`.", len(Need))
    description = optional_text(
        2000, "What would help the family, in the referrer's words.", multiline=True
    )
    availability = choices(
        SLOTS, "When the family can: at least one part of the week.", len(SLOTS), required=True
    )
    needs_shared_language = StrictBooleanField(default=False)
    accepts_pets = StrictBooleanField(default=True)
    accepts_smoking = StrictBooleanField(default=False)
    children = ChildInput(many=True, min_length=1, max_length=6)
    consent = ConsentInput()


class ProgrammeRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ReferralSerializer(serializers.Serializer):
    """What the referrer's page shows: the step, never the file."""

    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    referrer_organisation = serializers.CharField()
    programme = ProgrammeRefSerializer(source="request.programme")
    status = serializers.SerializerMethodField(
        help_text="The step; `null` once the family withdrew its consent to feedback."
    )
    status_label = serializers.SerializerMethodField(help_text="The step in words.")
    feedback_allowed = serializers.BooleanField(
        help_text="Whether the family still consents to feedback to the referrer."
    )

    @extend_schema_field(serializers.ChoiceField(choices=ReferralStatus.choices, allow_null=True))
    def get_status(self, referral) -> str | None:
        return referral.status if referral.feedback_allowed else None

    @extend_schema_field(serializers.CharField())
    def get_status_label(self, referral) -> str:
        if not referral.feedback_allowed:
            return _("Het gezin wil geen terugkoppeling meer")
        return capfirst(str(referral.get_status_display()))


class ReferralFilter(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=ReferralStatus.choices,
        required=False,
        help_text="Only referrals in this step (never those whose step is hidden).",
    )
    created_after = serializers.DateField(
        required=False, help_text="Only referrals made on or after this day (`YYYY-MM-DD`)."
    )
