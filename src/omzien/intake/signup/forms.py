"""The public sign-up forms: a household, a young person, a volunteer (person or support family)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.people.models import VolunteerKind, age_on
from omzien.programmes.models import Programme, Serves
from omzien.vocabulary import YOUTH_NEEDS, HouseholdType
from omzien.web.forms import NLDSFormMixin

from .fields import (
    ConsentFields,
    InformalAddress,
    PersonFields,
    PlaceFields,
    ProgrammeField,
    SlotsField,
    age_outside,
    date_of_birth_field,
    needs_field,
    offer_programmes,
    required,
    story_field,
    text,
)

CLOSED_REQUESTS = (RequestStatus.CLOSED, RequestStatus.REFERRED_ELSEWHERE, RequestStatus.WITHDRAWN)
CLOSED_OFFERS = (OfferStatus.NOT_SUITABLE, OfferStatus.WITHDRAWN)


def open_requests(programme: Programme):
    return Request.objects.filter(programme=programme).exclude(status__in=CLOSED_REQUESTS)


def require_need(form: forms.Form, data: dict) -> None:
    """A request says what would help: a ticked need, or its own words."""
    if "needs" in data and not data["needs"] and not data.get("description"):
        form.add_error("needs", _("Kies waar hulp bij zou helpen, of schrijf het op."))


class RegisteredOnce:
    """A form that notes whether its address already has an open registration in the programme.

    The answer on screen is the same either way, so that nobody can find out whether an address
    is known; the view tells the owner of the address by e-mail instead. A form using this
    defines `open_registrations(data)`.
    """

    already_registered = False

    def note_registration(self, data: dict) -> None:
        if data.get("email") and data.get("programme"):
            self.already_registered = self.open_registrations(data).exists()


class HouseholdForm(RegisteredOnce, NLDSFormMixin, PersonFields, PlaceFields, ConsentFields):
    """A parent asks for support for their household; the children come in `ChildFormSet`."""

    programme = ProgrammeField(label=_("Voor welk programma meldt u zich aan?"))
    household_type = forms.ChoiceField(
        label=_("Hoe ziet uw gezin eruit?"),
        choices=HouseholdType.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Kies hoe uw gezin eruitziet.")),
    )
    partner_first_name = forms.CharField(
        label=_("Voornaam andere ouder"), max_length=100, required=False, widget=text("off")
    )
    partner_last_name = forms.CharField(
        label=_("Achternaam andere ouder"), max_length=100, required=False, widget=text("off")
    )
    needs = needs_field(_("Waar zou hulp bij helpen?"), required=False)
    description = story_field(_("Vertel in uw eigen woorden wat zou helpen"))
    availability = SlotsField()
    needs_shared_language = forms.BooleanField(
        label=_("Het is belangrijk dat de vrijwilliger mijn taal spreekt."), required=False
    )
    accepts_pets = forms.BooleanField(
        label=_("Het is goed als de vrijwilliger huisdieren heeft."), required=False, initial=True
    )
    accepts_smoking = forms.BooleanField(
        label=_("Het is goed als er bij de vrijwilliger thuis wordt gerookt."), required=False
    )

    # The order of the error summary: the order on screen.
    field_order = [
        "programme",
        "first_name",
        "last_name",
        "email",
        "phone",
        "postcode",
        "languages",
        "household_type",
        "partner_first_name",
        "partner_last_name",
        "needs",
        "description",
        "availability",
    ]
    serves = Serves.HOUSEHOLDS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offer_programmes(
            self, Programme.objects.active().filter(programme_type__serves=self.serves)
        )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("partner_first_name") and not data.get("partner_last_name"):
            self.add_error("partner_last_name", _("Vul ook de achternaam van de andere ouder in."))
        require_need(self, data)
        self.note_registration(data)
        return data

    def open_registrations(self, data: dict):
        return open_requests(data["programme"]).filter(
            household__parents__email__iexact=data["email"]
        )


class YouthForm(
    InformalAddress, RegisteredOnce, NLDSFormMixin, PersonFields, PlaceFields, ConsentFields
):
    """A young person asks for support on their own behalf, with help options of their own."""

    programme = ProgrammeField(label=_("Voor welk programma meld je je aan?"))
    date_of_birth = date_of_birth_field()
    needs = needs_field(_("Waar zou hulp bij helpen?"), choices=YOUTH_NEEDS, required=False)
    description = story_field(_("Vertel in je eigen woorden wat zou helpen"))
    availability = SlotsField()
    needs_shared_language = forms.BooleanField(
        label=_("Het is belangrijk dat de vrijwilliger mijn taal spreekt."), required=False
    )

    field_order = [
        "programme",
        "first_name",
        "last_name",
        "date_of_birth",
        "email",
        "phone",
        "postcode",
        "languages",
        "needs",
        "description",
        "availability",
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offer_programmes(
            self, Programme.objects.active().filter(programme_type__serves=Serves.YOUTH)
        )
        self.fields["consent_matching"].error_messages["required"] = _(
            "Zonder deze toestemming kunnen we niemand voor je zoeken."
        )

    def clean(self) -> dict:
        data = super().clean()
        programme, born = data.get("programme"), data.get("date_of_birth")
        if programme and born and age_outside(born, programme.programme_type):
            kind = programme.programme_type
            self.add_error(
                "date_of_birth",
                _("Dit programma is voor jongeren van %(min)s tot en met %(max)s jaar.")
                % {"min": kind.min_age, "max": kind.max_age},
            )
        require_need(self, data)
        self.note_registration(data)
        return data

    def open_registrations(self, data: dict):
        return open_requests(data["programme"]).filter(youth__email__iexact=data["email"])


class VolunteerForm(
    InformalAddress, RegisteredOnce, NLDSFormMixin, PersonFields, PlaceFields, ConsentFields
):
    """A volunteer, or the contact person of a support family, offers support in a programme."""

    programme = ProgrammeField(label=_("Bij welk programma wil je helpen?"))
    kind = forms.ChoiceField(
        label=_("Meld je je aan als persoon of als gezin?"),
        choices=[
            (VolunteerKind.PERSON, _("Als persoon")),
            (VolunteerKind.FAMILY, _("Als steungezin (met je hele gezin)")),
        ],
        initial=VolunteerKind.PERSON,
        widget=forms.RadioSelect,
    )
    family_name = forms.CharField(
        label=_("Naam van je gezin"),
        max_length=100,
        required=False,
        widget=text("off"),
        help_text=_("Alleen voor een steungezin. Bijvoorbeeld: familie De Vries."),
    )
    household_members = forms.CharField(
        label=_("Wie horen bij je gezin?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen voor een steungezin. Voornaam en leeftijd, één per regel."),
    )
    date_of_birth = date_of_birth_field()
    offers = needs_field(
        _("Wat kun je bieden?"),
        error_messages=required(_("Kies minstens één ding dat je kunt bieden.")),
    )
    description = story_field(_("Wat wil je nog vertellen over wat je wilt doen?"))
    availability = SlotsField()
    min_child_age = forms.IntegerField(
        label=_("Vanaf (jaar)"), min_value=0, max_value=17, initial=0
    )
    max_child_age = forms.IntegerField(
        label=_("Tot en met (jaar)"), min_value=0, max_value=17, initial=17
    )
    travel_radius_km = forms.IntegerField(
        label=_("Hoe ver wil je reizen? (kilometer)"), min_value=1, max_value=100, initial=10
    )
    has_pets = forms.BooleanField(label=_("Ik heb huisdieren."), required=False)
    smokes = forms.BooleanField(label=_("Er wordt bij mij thuis gerookt."), required=False)

    field_order = [
        "programme",
        "kind",
        "first_name",
        "last_name",
        "date_of_birth",
        "email",
        "phone",
        "postcode",
        "languages",
        "family_name",
        "household_members",
        "offers",
        "description",
        "availability",
        "min_child_age",
        "max_child_age",
        "travel_radius_km",
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offer_programmes(self, Programme.objects.active())

    def clean(self) -> dict:
        data = super().clean()
        born = data.get("date_of_birth")
        if born and age_on(born, timezone.localdate()) < 18:
            self.add_error("date_of_birth", _("Vrijwilligers zijn 18 jaar of ouder."))
        low, high = data.get("min_child_age"), data.get("max_child_age")
        if low is not None and high is not None and low > high:
            self.add_error("max_child_age", _("De hoogste leeftijd is lager dan de laagste."))
        if data.get("kind") == VolunteerKind.FAMILY:
            if not data.get("family_name"):
                self.add_error("family_name", _("Vul de naam van je gezin in."))
            if not data.get("household_members"):
                self.add_error("household_members", _("Vul in wie bij je gezin horen."))
        self.note_registration(data)
        return data

    def open_registrations(self, data: dict):
        return Offer.objects.filter(
            programme=data["programme"], volunteer__email__iexact=data["email"]
        ).exclude(status__in=CLOSED_OFFERS)
