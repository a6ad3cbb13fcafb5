"""Planning a family group conference, recording it, and writing down its agreements."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.web.forms import NLDSFormMixin
from omzien.web.steps import StepForm

from ..models import Agreement, ConferenceStatus, FamilyGroupConference, Participant


class ConferenceForm(NLDSFormMixin, forms.ModelForm):
    invited_ties = forms.ModelMultipleChoiceField(
        label=_("Wie uit het netwerk nodigen we uit?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others = forms.CharField(
        label=_("Andere genodigden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén naam per regel, bijvoorbeeld de ouders zelf."),
    )

    class Meta:
        model = FamilyGroupConference
        fields = ["planned_on", "place", "question"]
        widgets = {"planned_on": forms.DateInput(), "question": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, network_map, ties, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.network_map = network_map
        self.fields["invited_ties"].queryset = ties
        self.fields["invited_ties"].label_from_instance = lambda tie: (
            f"{tie.name} ({tie.get_category_display()})"
        )

    def clean(self):
        data = super().clean()
        if not data.get("invited_ties") and not self.other_names():
            self.add_error("invited_ties", _("Nodig ten minste één persoon uit."))
        return data

    def other_names(self) -> list[str]:
        text = self.cleaned_data.get("others", "")
        return [line.strip()[:120] for line in text.splitlines() if line.strip()]

    @transaction.atomic
    def save_for(self, user) -> FamilyGroupConference:
        conference = self.save(commit=False)
        conference.created_by = user
        conference.save()
        Participant.objects.bulk_create(
            [
                Participant(
                    conference=conference,
                    name=tie.name,
                    relation=tie.get_category_display(),
                    tie=tie,
                )
                for tie in self.cleaned_data["invited_ties"]
            ]
            + [Participant(conference=conference, name=name) for name in self.other_names()]
        )
        return conference


class ConferenceStepForm(StepForm):
    """The conference was held (and who came), or it does not go ahead."""

    held_on = forms.DateField(label=_("Gehouden op"), required=False)
    attended = forms.ModelMultipleChoiceField(
        label=_("Wie waren erbij?"),
        queryset=Participant.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    field_order = ["target", "held_on", "attended", "reason"]

    def __init__(self, conference, *args, **kwargs):
        super().__init__(conference, *args, prefix="step", **kwargs)
        self.fields["attended"].queryset = conference.participants.all()
        self.initial.setdefault("held_on", conference.planned_on)

    def clean(self):
        data = super().clean()
        if data.get("target") == ConferenceStatus.HELD:
            held_on = data.get("held_on")
            if held_on is None:
                self.add_error("held_on", _("Vul in wanneer het familiegroepsplan is gemaakt."))
            elif held_on > timezone.localdate():
                self.add_error("held_on", _("Deze datum kan niet in de toekomst liggen."))
            if not data.get("attended"):
                self.add_error("attended", _("Kruis aan wie erbij waren."))
        return data

    def save(self, by) -> None:
        data, conference = self.cleaned_data, self.obj
        held = data["target"] == ConferenceStatus.HELD
        changes = {"held_on": data["held_on"]} if held else {}

        def step() -> None:
            conference.transition(data["target"], by=by, reason=data["reason"], **changes)
            if held:
                came = {p.pk for p in data["attended"]}
                for participant in conference.participants.all():
                    participant.attended = participant.pk in came
                    participant.save(update_fields=["attended"])

        self.apply(step)


class AgreementForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["what", "who", "due_on"]
        widgets = {"what": forms.Textarea(attrs={"rows": 2}), "due_on": forms.DateInput()}

    def __init__(self, conference, *args, **kwargs):
        super().__init__(*args, prefix="agreement", **kwargs)
        self.instance.conference = conference
        self.fields["who"].queryset = conference.participants.all()
        self.fields["who"].empty_label = _("iedereen samen")
