"""Fields that the sign-up and referral forms share: who, where, when, and consent."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.consent import Purpose
from omzien.geo.models import PostcodeArea, pc4_of
from omzien.people.validators import age_on, birth_date
from omzien.programmes.models import Programme, ProgrammeType
from omzien.vocabulary import DAYS, PARTS, SLOTS, Language, Need

PHONE_RE = re.compile(r"^\+?[0-9 ()-]{8,20}$")


def text(autocomplete: str, **attrs) -> forms.TextInput:
    return forms.TextInput(attrs={"autocomplete": autocomplete, **attrs})


def required(message: str) -> dict:
    return {"required": message}


def date_of_birth_field(autocomplete: str = "bday", validator=birth_date) -> forms.DateField:
    return forms.DateField(
        label=_("Geboortedatum"),
        widget=forms.DateInput(
            attrs={"type": "date", "autocomplete": autocomplete}, format="%Y-%m-%d"
        ),
        validators=[validator],
        error_messages={
            "required": _("Vul de geboortedatum in."),
            "invalid": _("Vul een datum in zoals 31-12-2015."),
        },
    )


def age_outside(born: date, programme_type: ProgrammeType) -> bool:
    age = age_on(born, timezone.localdate())
    return not programme_type.min_age <= age <= programme_type.max_age


def check_phone(value: str) -> None:
    if value and not PHONE_RE.match(value):
        raise ValidationError(_("Vul een telefoonnummer in zoals 06 12345678."), code="phone")


class PersonFields(forms.Form):
    """Name and how to reach someone."""

    informal = False  # the shared fields say "u"; InformalAddress makes a form say "je"

    first_name = forms.CharField(
        label=_("Voornaam"),
        max_length=100,
        widget=text("given-name"),
        error_messages=required(_("Vul uw voornaam in.")),
    )
    last_name = forms.CharField(
        label=_("Achternaam"),
        max_length=100,
        widget=text("family-name"),
        error_messages=required(_("Vul uw achternaam in.")),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Dit is geen e-mailadres. Vul het in zoals naam@voorbeeld.nl."),
        },
        help_text=_("Hier sturen we een bevestiging naartoe."),
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        validators=[check_phone],
        help_text=_("Niet verplicht."),
    )


class PlaceFields(forms.Form):
    """Where someone lives (for the distance to a volunteer) and which languages they speak."""

    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        widget=text("postal-code", size=7),
        error_messages=required(_("Vul uw postcode in.")),
        help_text=_("Bijvoorbeeld 1234 AB."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Welke talen spreekt u?"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        self.postcode_area = PostcodeArea.objects.for_postcode(value)
        letters = value.replace(" ", "")[4:].upper()
        return f"{pc4_of(value)} {letters}".strip()


class SlotsBoundField(forms.BoundField):
    """The 21 parts of the week as rows of days with a checkbox per part of the day."""

    @property
    def rows(self) -> list[tuple[str, str, list[forms.boundfield.BoundWidget]]]:
        widgets = list(self.subwidgets)
        return [
            (code, label, widgets[i * len(PARTS) : (i + 1) * len(PARTS)])
            for i, (code, label) in enumerate(DAYS)
        ]

    @property
    def parts(self) -> list[tuple[str, str]]:
        return PARTS


class SlotsField(forms.MultipleChoiceField):
    bound_field_class = SlotsBoundField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Wanneer kunt u?"))
        super().__init__(
            choices=SLOTS,
            widget=forms.CheckboxSelectMultiple,
            error_messages=required(_("Kies minstens één dagdeel.")),
            **kwargs,
        )


class ProgrammeField(forms.ModelChoiceField):
    def __init__(self, **kwargs) -> None:
        super().__init__(
            queryset=Programme.objects.none(),
            widget=forms.RadioSelect,
            empty_label=None,
            error_messages={
                "required": _("Kies een programma."),
                "invalid_choice": _("Dit programma kunt u niet (meer) kiezen. Kies een ander."),
            },
            **kwargs,
        )

    def label_from_instance(self, obj: Programme) -> str:
        return f"{obj.name} ({obj.organisation.name})"


def offer_programmes(form: forms.Form, programmes) -> None:
    """Let the form choose among these programmes; preselect the only one if there is one."""
    field = form.fields["programme"]
    field.queryset = programmes.select_related("organisation", "programme_type")
    choices = list(field.queryset)
    form.programme_count = len(choices)
    if len(choices) == 1:
        field.initial = choices[0].pk


class ConsentFields(forms.Form):
    """Consent per purpose, each its own checkbox: matching is needed, the others are free."""

    consent_matching = forms.BooleanField(
        label=_(
            "Ik geef toestemming om mijn gegevens te gebruiken voor het zoeken van een goede koppeling."
        ),
        error_messages=required(
            _("Zonder deze toestemming kunnen we geen koppeling voor u zoeken.")
        ),
    )
    consent_contact_by_email = forms.BooleanField(
        label=_("Ik vind het goed dat de coördinator mij ook per e-mail benadert."),
        required=False,
    )
    consent_research = forms.BooleanField(
        label=_(
            "Mijn gegevens mogen zonder mijn naam gebruikt worden voor onderzoek naar wat de steun oplevert."
        ),
        required=False,
    )

    purposes = {
        "consent_matching": Purpose.MATCHING,
        "consent_contact_by_email": Purpose.CONTACT_BY_EMAIL,
        "consent_research": Purpose.RESEARCH,
    }

    def consented_purposes(self) -> list[str]:
        return [purpose for name, purpose in self.purposes.items() if self.cleaned_data.get(name)]


def story_field(label) -> forms.CharField:
    """Room for someone's own words, never required."""
    return forms.CharField(
        label=label,
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Niet verplicht."),
    )


def needs_field(label, choices=Need.choices, **kwargs) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, **kwargs
    )


# One form of address per audience: "u" for parents and professionals, "je" for volunteers and
# young people. These are the shared fields' words in the "je" form.
INFORMAL_LABELS = {
    "languages": _("Welke talen spreek je?"),
    "availability": _("Wanneer kun je?"),
}
INFORMAL_ERRORS = {
    "first_name": {"required": _("Vul je voornaam in.")},
    "last_name": {"required": _("Vul je achternaam in.")},
    "email": {"required": _("Vul je e-mailadres in.")},
    "postcode": {"required": _("Vul je postcode in.")},
    "programme": {"invalid_choice": _("Dit programma kun je niet (meer) kiezen. Kies een ander.")},
    "consent_matching": {
        "required": _("Zonder deze toestemming kunnen we geen koppeling voor je zoeken.")
    },
}


class InformalAddress:
    """A sign-up form that says "je": the shared fields' labels and messages follow."""

    informal = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, label in INFORMAL_LABELS.items():
            self.fields[name].label = label
        for name, messages in INFORMAL_ERRORS.items():
            self.fields[name].error_messages.update(messages)
