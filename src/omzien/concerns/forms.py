from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.people.models import Child
from omzien.web.forms import NLDSFormMixin
from omzien.workflow import check_version

from .models import Concern, Decision, MeldcodeStep

# What to write down at each step, in a few plain words.
STEP_HELP = {
    MeldcodeStep.SIGNS: _("Wat heb je gezien of gehoord? Schrijf feiten op, geen meningen."),
    MeldcodeStep.CONSULT: _(
        "Met wie heb je overlegd (een collega, de aandachtsfunctionaris of Veilig Thuis)? "
        "Wat kwam eruit?"
    ),
    MeldcodeStep.CONVERSATION: _("Met wie heb je gesproken? Wat zei die persoon?"),
    MeldcodeStep.WEIGH: _("Is er een vermoeden van onveiligheid? Hoe ernstig is het?"),
    MeldcodeStep.DECIDE: _(
        "Waarom dit besluit? Kies je voor geen verdere actie, leg dan uit waarom dat veilig is."
    ),
}


class ReportForm(NLDSFormMixin, forms.ModelForm):
    """A volunteer's or parent's report about their own match: what they saw, and about whom."""

    class Meta:
        model = Concern
        fields = ["child", "signs"]
        widgets = {"signs": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"signs": _("Schrijf op wat je zag of hoorde, en wanneer.")}

    def __init__(self, match, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.match = match
        if household := match.request.household_id:
            children = self.fields["child"]
            children.queryset = Child.objects.filter(household=household)
            children.empty_label = _("niet één kind in het bijzonder")
        else:  # a young person's own match: they are the one it is about
            del self.fields["child"]

    def save_for(self, by, **fields) -> Concern:
        concern = self.save(commit=False)
        concern.match, concern.reported_by = self.match, by
        for name, value in fields.items():
            setattr(concern, name, value)
        concern.save()
        return concern


class ConcernForm(ReportForm):
    """A coordinator records a concern on a match; they become its handler."""

    class Meta(ReportForm.Meta):
        fields = ["child", "reported_on", "signs"]
        widgets = ReportForm.Meta.widgets | {"reported_on": forms.DateInput()}
        help_texts = ReportForm.Meta.help_texts | {
            "reported_on": _("De dag waarop het signaal binnenkwam.")
        }

    def clean_reported_on(self):
        reported_on = self.cleaned_data["reported_on"]
        if reported_on > timezone.localdate():
            raise ValidationError(_("Een melding kan niet in de toekomst liggen."))
        return reported_on


class StepForm(NLDSFormMixin, forms.Form):
    """The next Meldcode step of a concern, dated and signed by whoever submits it."""

    step = forms.TypedChoiceField(
        choices=MeldcodeStep.choices, coerce=int, widget=forms.HiddenInput
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
    on = forms.DateField(label=_("Datum"), widget=forms.DateInput())
    decision = forms.ChoiceField(
        label=_("Besluit"), choices=Decision.choices, required=False, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Toelichting"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, concern, *args, **kwargs):
        step = concern.next_step
        initial = {"step": step, "version": concern.version, "on": timezone.localdate()}
        super().__init__(*args, initial=initial, prefix="step", **kwargs)
        self.concern = concern
        if step:
            self.fields["note"].help_text = STEP_HELP[step]
        if step != MeldcodeStep.DECIDE:
            del self.fields["decision"]

    def clean(self):
        data = super().clean()
        check_version(self.concern, data.get("version"))
        return data

    def save(self, by):
        """Sign the step; the model's rules and a lost race raise ValidationError for the form."""
        data = self.cleaned_data
        self.concern.version = data["version"]
        return self.concern.record_step(
            data["step"], on=data["on"], note=data["note"], by=by, decision=data.get("decision", "")
        )


class CloseForm(NLDSFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Afsluitende opmerking"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, concern, *args, **kwargs):
        super().__init__(*args, initial={"version": concern.version}, prefix="close", **kwargs)
        self.concern = concern

    def clean(self):
        data = super().clean()
        check_version(self.concern, data.get("version"))
        return data

    def save(self, by) -> None:
        self.concern.version = self.cleaned_data["version"]
        self.concern.close(by=by, reason=self.cleaned_data["reason"])


class ReasonForm(NLDSFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Waarom open je dit zorgsignaal?"),
        min_length=10,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Je bent niet de behandelaar. Je reden wordt bewaard en is te zien bij het zorgsignaal."
        ),
    )
