"""Drawing the network map together: adding a tie, changing how strong it is, ending it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.people.models import Volunteer
from omzien.web.forms import NLDSFormMixin
from omzien.web.versioning import VersionedFormMixin
from omzien.workflow import StaleObject

from ..models import Partner, Tie, TieStrength
from .care import not_future

OUT_OF_SCOPE = _(
    "Deze vrijwilliger hoort niet bij uw programma's. U kunt alleen mensen koppelen die u zelf "
    "mag zien; schrijf anders alleen de naam op."
)


def partners_near(network_map):
    """The social map of the municipality the household or young person lives in."""
    subject = network_map.subject
    area = subject.postcode_area
    municipality_id = area.municipality_id if area else None
    if municipality_id is None and network_map.young_person_id:
        municipality_id = network_map.young_person.municipality_id
    return Partner.objects.active().filter(district__municipality_id=municipality_id)


class TieForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Tie
        fields = ["name", "category", "strength", "note", "volunteer", "partner", "since"]
        widgets = {"since": forms.DateInput()}

    def __init__(self, network_map, user, *args, **kwargs):
        super().__init__(*args, prefix="tie", **kwargs)
        self.instance.network_map, self.user = network_map, user
        volunteer = self.fields["volunteer"]
        volunteer.queryset = Volunteer.objects.visible_to(user).order_by("last_name", "first_name")
        volunteer.error_messages["invalid_choice"] = OUT_OF_SCOPE
        volunteer.help_text = _("Alleen als deze persoon vrijwilliger is in uw programma.")
        self.fields["partner"].queryset = partners_near(network_map)
        self.fields["partner"].help_text = _(
            "Een school, club of ander adres uit de sociale kaart."
        )
        self.fields["since"].required = False
        self.fields["since"].help_text = _("Leeg: vandaag.")

    def clean_since(self):
        return not_future(self.cleaned_data["since"]) or timezone.localdate()

    def save_for(self) -> Tie:
        tie = self.save(commit=False)
        tie.created_by = self.user
        tie.save()
        return tie


class TieChangeForm(VersionedFormMixin, NLDSFormMixin, forms.Form):
    """A tie grew stronger or weaker, or ended. The earlier state stays in the history."""

    strength = forms.ChoiceField(
        label=_("Band"), choices=[("", _("stopt")), *TieStrength.choices], required=False
    )
    on = forms.DateField(label=_("Sinds"))

    def __init__(self, tie: Tie, user, *args, **kwargs):
        self.tie, self.user = tie, user
        super().__init__(*args, prefix=f"tie{tie.pk}", **kwargs)
        self.initial.setdefault("strength", tie.strength)
        self.initial.setdefault("on", timezone.localdate())
        self.fields["strength"].help_text = _("Kies ‘stopt’ als de band er niet meer is.")

    def locked_row(self) -> Tie:
        return self.tie

    def clean_on(self):
        on = not_future(self.cleaned_data["on"])
        if on < self.tie.since:
            raise ValidationError(_("Deze datum ligt vóór het begin van de band."))
        return on

    def clean(self):
        if self.tie.until is not None:  # ended meanwhile: only an old page still offers it
            raise StaleObject
        return super().clean()

    def save(self) -> Tie | None:
        strength, on, tie = self.cleaned_data["strength"], self.cleaned_data["on"], self.tie
        with self.locked():
            if on == tie.since:  # the same day: correct the row rather than make history
                if not strength:
                    tie.delete()
                    return None
                tie.strength = strength
                tie.save(update_fields=["strength"])
                return tie
            tie.until = on
            tie.save(update_fields=["until"])
            if not strength:
                return None
            tie.pk, tie.origin_id, tie.version = None, tie.thread, 1
            tie.strength, tie.since, tie.until, tie.created_by = strength, on, None, self.user
            tie.save()
        return tie
