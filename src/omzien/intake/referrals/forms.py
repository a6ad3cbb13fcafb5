"""A professional refers a household: the household form, spoken about "the family", plus consent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from omzien.access.consent import Purpose
from omzien.intake.signup.fields import required
from omzien.intake.signup.forms import HouseholdForm

# The household form speaks to the parent; here the professional speaks about the family.
LABELS = {
    "first_name": _("Voornaam van de ouder"),
    "last_name": _("Achternaam van de ouder"),
    "email": _("E-mailadres van de ouder"),
    "phone": _("Telefoonnummer van de ouder"),
    "postcode": _("Postcode van het gezin"),
    "languages": _("Welke talen spreekt het gezin?"),
    "household_type": _("Hoe ziet het gezin eruit?"),
    "programme": _("Voor welk programma verwijst u?"),
    "description": _("Wat zou het gezin helpen? In eigen woorden"),
    "availability": _("Wanneer kan het gezin?"),
    "needs_shared_language": _(
        "Het is belangrijk dat de vrijwilliger de taal van het gezin spreekt."
    ),
}
REQUIRED = {
    "first_name": _("Vul de voornaam van de ouder in."),
    "last_name": _("Vul de achternaam van de ouder in."),
    "postcode": _("Vul de postcode van het gezin in."),
    "household_type": _("Kies hoe het gezin eruitziet."),
}


class ReferralForm(HouseholdForm):
    """Refused unless both consents of the household are recorded."""

    referrer_organisation = forms.CharField(
        label=_("Naam van uw organisatie"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages=required(_("Vul de naam van uw organisatie in.")),
    )
    consent_matching = forms.BooleanField(
        label=_(
            "Het gezin geeft toestemming voor deze verwijzing: de coördinator gebruikt de "
            "gegevens om contact op te nemen en een vrijwilliger te zoeken."
        ),
        error_messages=required(
            _("Zonder toestemming van het gezin voor de verwijzing kunt u niet verwijzen.")
        ),
    )
    consent_feedback_to_referrer = forms.BooleanField(
        label=_(
            "Het gezin geeft toestemming dat u hoort in welke stap de aanmelding is "
            "(nooit wat er besproken wordt)."
        ),
        error_messages=required(
            _("Zonder toestemming van het gezin voor de terugkoppeling kunt u niet verwijzen.")
        ),
    )
    # The coordinator asks for these at the intake, from the family itself.
    consent_contact_by_email = None
    consent_research = None

    field_order = ["referrer_organisation", *HouseholdForm.field_order]
    purposes = {
        "consent_matching": Purpose.MATCHING,
        "consent_feedback_to_referrer": Purpose.FEEDBACK_TO_REFERRER,
    }

    def __init__(self, *args, organisation: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["referrer_organisation"].initial = organisation
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Hier sturen we het gezin een bevestiging naartoe.")
        self.fields["phone"].help_text = _("Vul een e-mailadres of een telefoonnummer in.")
        for name, label in LABELS.items():
            self.fields[name].label = label
        for name, message in REQUIRED.items():
            self.fields[name].error_messages["required"] = message

    def clean(self) -> dict:
        data = super().clean()
        reachable = data.get("email") or data.get("phone")
        if not reachable and not self.has_error("email") and not self.has_error("phone"):
            self.add_error("phone", _("Vul een e-mailadres of een telefoonnummer van de ouder in."))
        return data
