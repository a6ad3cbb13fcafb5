"""Registering a young person in care (by their professional, or by themself from 16 on)
and their placements."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.accounts.models import Role, User
from omzien.geo.models import Municipality, PostcodeArea
from omzien.people.models import age_on
from omzien.web.forms import NLDSFormMixin
from omzien.web.versioning import VersionedFormMixin

from ..models import Placement, PlacementKind, YoungPersonInCare
from ..models.care import SELF_REGISTRATION_AGE


def not_future(day):
    if day and day > timezone.localdate():
        raise ValidationError(_("Deze datum kan niet in de toekomst liggen."))
    return day


PERSON_FIELDS = [
    "first_name",
    "last_name",
    "date_of_birth",
    "municipality",
    "postcode",
    "kind",
    "placed_by",
    "placed_since",
]


class YoungPersonFields(NLDSFormMixin, forms.ModelForm):
    """What every registration asks: who, which municipality, where now, and the placement."""

    postcode = forms.CharField(
        label=_("Postcode waar de jongere nu woont"), required=False, max_length=7
    )
    kind = forms.ChoiceField(label=_("Soort plaatsing"), choices=PlacementKind.choices)
    placed_by = forms.CharField(
        label=_("Geplaatst door"),
        max_length=200,
        help_text=_("Bijvoorbeeld de gecertificeerde instelling of de jeugdhulpaanbieder."),
    )
    placed_since = forms.DateField(label=_("Uit huis geplaatst sinds"))

    class Meta:
        model = YoungPersonInCare
        fields = ["first_name", "last_name", "date_of_birth", "municipality"]
        labels = {"municipality": _("Gemeente die verantwoordelijk is voor de jeugdhulp")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.defer("geometry")

    def clean_date_of_birth(self):
        return not_future(self.cleaned_data["date_of_birth"])

    def clean_placed_since(self):
        return not_future(self.cleaned_data["placed_since"])

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        self.postcode_area = PostcodeArea.objects.for_postcode(postcode) if postcode else None
        return postcode

    def clean(self):
        data = super().clean()
        born, since = data.get("date_of_birth"), data.get("placed_since")
        if born and since and since < born:
            self.add_error("placed_since", _("De plaatsing kan niet vóór de geboorte liggen."))
        return data

    @transaction.atomic
    def save_for(self, user, *, account=None, professionals=()) -> YoungPersonInCare:
        young_person = self.save(commit=False)
        young_person.postcode_area = self.postcode_area
        young_person.account = account
        young_person.registered_by = user
        young_person.save()
        young_person.professionals.set(professionals)
        data = self.cleaned_data
        Placement.objects.create(
            young_person=young_person,
            kind=data["kind"],
            placed_by=data["placed_by"],
            started_on=data["placed_since"],
        )
        return young_person


def youth_account(email: str) -> User | None:
    return User.objects.filter(role=Role.YOUTH, is_active=True, email__iexact=email).first()


class RegistrationForm(YoungPersonFields):
    """The professional registers a young person, with the young person's consent."""

    consent = forms.BooleanField(
        label=_("De jongere geeft toestemming om dit vast te leggen"), required=True
    )
    youth_email = forms.EmailField(
        label=_("E-mailadres van het account van de jongere"),
        required=False,
        help_text=_("Dan kan de jongere zelf inloggen en een mentor voorstellen."),
    )

    field_order = [*PERSON_FIELDS, "consent", "consent_on", "youth_email"]

    class Meta(YoungPersonFields.Meta):
        fields = [*YoungPersonFields.Meta.fields, "consent_on"]
        labels = {
            **YoungPersonFields.Meta.labels,
            "consent_on": _("Toestemming gegeven op"),
        }

    def clean_consent_on(self):
        return not_future(self.cleaned_data["consent_on"])

    def clean_youth_email(self):
        email = self.cleaned_data["youth_email"]
        if not email:
            self.account = None
            return email
        self.account = youth_account(email)
        if self.account is None:
            raise ValidationError(
                _("Er is geen account van een jongere met dit e-mailadres. Laat het leeg.")
            )
        if YoungPersonInCare.objects.filter(account=self.account).exists():
            raise ValidationError(_("Dit account hoort al bij een andere jongere."))
        return email

    def save_for(self, user, **kwargs) -> YoungPersonInCare:
        return super().save_for(user, account=self.account, professionals=[user])


class SelfRegistrationForm(YoungPersonFields):
    """A young person of 16 or older registers themself."""

    professional_email = forms.EmailField(
        label=_("E-mailadres van je jeugdprofessional"),
        help_text=_("Je gezinsvoogd of jeugdhulpverlener. Die kan je steunfiguur bevestigen."),
    )
    field_order = [*PERSON_FIELDS, "professional_email"]

    def clean_date_of_birth(self):
        born = super().clean_date_of_birth()
        if age_on(born, timezone.localdate()) < SELF_REGISTRATION_AGE:
            raise ValidationError(
                _("Je kunt jezelf aanmelden vanaf %(age)s jaar. Vraag je jeugdprofessional.")
                % {"age": SELF_REGISTRATION_AGE}
            )
        return born

    def clean_professional_email(self):
        email = self.cleaned_data["professional_email"]
        self.professional = User.objects.filter(
            role=Role.CARE_PROFESSIONAL, is_active=True, email__iexact=email
        ).first()
        if self.professional is None:
            raise ValidationError(
                _("We kennen geen jeugdprofessional met dit e-mailadres. Kijk het na.")
            )
        return email

    def save_for(self, user, **kwargs) -> YoungPersonInCare:
        self.instance.consent_on = timezone.localdate()  # they enter it themself
        return super().save_for(user, account=user, professionals=[self.professional])


class PlacementForm(VersionedFormMixin, NLDSFormMixin, forms.ModelForm):
    """A move to another placement: the current one ends the day the new one starts."""

    class Meta:
        model = Placement
        fields = ["kind", "placed_by", "started_on"]

    def __init__(self, young_person, *args, **kwargs):
        self.young_person = young_person
        self.current = young_person.current_placement()
        super().__init__(*args, prefix="placement", **kwargs)

    def locked_row(self) -> YoungPersonInCare:
        return self.young_person

    def clean_started_on(self):
        started = not_future(self.cleaned_data["started_on"])
        if self.current and started <= self.current.started_on:
            raise ValidationError(_("De nieuwe plaatsing begint na het begin van de huidige."))
        return started

    def save_for(self) -> Placement:
        placement = self.save(commit=False)
        placement.young_person = self.young_person
        with self.locked():
            if self.current:
                self.current.ended_on = placement.started_on
                self.current.save(update_fields=["ended_on"])
            placement.save()
        return placement


class EndPlacementForm(VersionedFormMixin, NLDSFormMixin, forms.Form):
    """The young person no longer lives out of home (back home, or on their own)."""

    ended_on = forms.DateField(label=_("Niet meer uit huis geplaatst sinds"))

    def __init__(self, placement, *args, **kwargs):
        self.placement = placement
        super().__init__(*args, prefix="end", **kwargs)

    def locked_row(self) -> YoungPersonInCare:
        return self.placement.young_person

    def clean_ended_on(self):
        ended = not_future(self.cleaned_data["ended_on"])
        if ended < self.placement.started_on:
            raise ValidationError(_("Het einde kan niet vóór het begin van de plaatsing liggen."))
        return ended

    def save(self) -> None:
        self.placement.ended_on = self.cleaned_data["ended_on"]
        with self.locked():
            self.placement.save(update_fields=["ended_on"])
