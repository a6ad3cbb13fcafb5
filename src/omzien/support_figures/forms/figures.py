"""Proposing, registering, confirming and ending support figures."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.programmes.models import Programme
from omzien.web.forms import NLDSFormMixin
from omzien.web.steps import StepForm

from ..models import SupportFigure, SupportFigureKind, SupportFigureStatus
from ..screening import check_support_figure, professional_errors
from .care import not_future

K, S = SupportFigureKind, SupportFigureStatus
# A young person proposes someone from their own network; guardians and programme mentors
# are arranged by the professional.
PROPOSABLE = [(K.CHOSEN_MENTOR, K.CHOSEN_MENTOR.label), (K.FAMILY_MEMBER, K.FAMILY_MEMBER.label)]
SCREENING_FIELDS = ["programme", "conversation_on", "certificate_issued_on", "started_on"]
DATE_WIDGETS = {name: forms.DateInput() for name in SCREENING_FIELDS[1:]}


def with_values(figure: SupportFigure, data: dict, fields) -> SupportFigure:
    """A copy of `figure` with the form's values, to check before anything is saved."""
    candidate = copy.copy(figure)
    for field in fields:
        if field in data:
            setattr(candidate, field, data[field])
    return candidate


def add_errors(form, error: ValidationError) -> None:
    """Put each refusal at its field when the form has it, otherwise above the form."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class ProposalForm(NLDSFormMixin, forms.ModelForm):
    """A young person proposes a mentor from their own network."""

    kind = forms.ChoiceField(label=_("Wie is het?"), choices=PROPOSABLE, widget=forms.RadioSelect)

    class Meta:
        model = SupportFigure
        fields = ["kind", "first_name", "last_name", "relation", "email", "phone", "motivation"]
        labels = {"motivation": _("Waarom kies je deze persoon?")}
        widgets = {"motivation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, young_person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.young_person = young_person

    def clean(self):
        data = super().clean()
        if not self.errors:
            candidate = with_values(self.instance, data, self._meta.fields)
            for field, message in professional_errors(candidate).items():
                self.add_error(field, message)
        return data

    @transaction.atomic
    def save_for(self, user) -> SupportFigure:
        figure = self.save(commit=False)
        figure.status, figure.proposed_by = S.PROPOSED, user
        figure.save()
        figure.log_model.objects.create(
            support_figure=figure, source="", target=S.PROPOSED, by=user
        )
        return figure


class SupportFigureForm(NLDSFormMixin, forms.ModelForm):
    """The professional registers a support figure who is already confirmed."""

    class Meta:
        model = SupportFigure
        fields = [
            "kind",
            "first_name",
            "last_name",
            "relation",
            "email",
            "phone",
            *SCREENING_FIELDS,
        ]
        widgets = DATE_WIDGETS

    def __init__(self, young_person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.young_person = young_person
        self.fields["programme"].queryset = Programme.objects.active().select_related(
            "programme_type"
        )
        self.fields["started_on"].required = True

    def clean_started_on(self):
        return not_future(self.cleaned_data["started_on"])

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                check_support_figure(with_values(self.instance, data, self._meta.fields))
            except ValidationError as error:
                add_errors(self, error)
        return data

    @transaction.atomic
    def save_for(self, user) -> SupportFigure:
        figure = self.save(commit=False)
        figure.status, figure.proposed_by = S.PROPOSED, user
        figure.save()
        figure.transition(S.ACTIVE, by=user, reason=_("Vastgelegd door de jeugdprofessional."))
        return figure


class ConfirmForm(StepForm):
    """Confirm a proposed support figure with the screening the kind asks for, or decline."""

    programme = forms.ModelChoiceField(
        label=_("Programma"),
        queryset=Programme.objects.none(),
        required=False,
        help_text=_("Alleen als de mentor via een programma komt; dat kan een VOG vragen."),
    )
    conversation_on = forms.DateField(label=_("Kennismakingsgesprek op"), required=False)
    certificate_issued_on = forms.DateField(label=_("Datum van de VOG"), required=False)
    started_on = forms.DateField(label=_("Steunfiguur sinds"), required=False)
    field_order = ["target", *SCREENING_FIELDS, "reason"]

    def __init__(self, figure, *args, **kwargs):
        super().__init__(figure, *args, prefix="confirm", **kwargs)
        self.fields["target"].label = _("Besluit")
        self.fields["programme"].queryset = Programme.objects.active().select_related(
            "programme_type"
        )
        self.initial.setdefault("started_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target == S.DECLINED and not data.get("reason"):
            self.add_error("reason", _("Schrijf op waarom niet, zodat de jongere het begrijpt."))
        if target == S.ACTIVE and not self.errors:
            self._check_confirmation(data)
        return data

    def _check_confirmation(self, data) -> None:
        if data.get("started_on") is None:
            self.add_error("started_on", _("Vul in sinds wanneer."))
            return
        if data["started_on"] > timezone.localdate():
            self.add_error("started_on", _("Deze datum kan niet in de toekomst liggen."))
            return
        try:
            check_support_figure(with_values(self.obj, data, SCREENING_FIELDS))
        except ValidationError as error:
            add_errors(self, error)

    def save(self, by) -> None:
        data = self.cleaned_data
        changes = {f: data.get(f) for f in SCREENING_FIELDS} if data["target"] == S.ACTIVE else {}
        for field, value in changes.items():
            setattr(self.obj, field, value)
        self.apply(
            lambda: self.obj.transition(data["target"], by=by, reason=data["reason"], **changes)
        )


class EndForm(StepForm):
    """A support figure stops; the history keeps them."""

    ended_on = forms.DateField(label=_("Gestopt op"))
    field_order = ["target", "ended_on", "reason"]

    def __init__(self, figure, *args, **kwargs):
        super().__init__(figure, *args, prefix="end", **kwargs)
        self.fields["target"].widget = forms.HiddenInput()
        self.initial["target"] = S.ENDED
        self.initial.setdefault("ended_on", timezone.localdate())

    def clean_ended_on(self):
        ended = not_future(self.cleaned_data["ended_on"])
        if self.obj.started_on and ended < self.obj.started_on:
            raise ValidationError(_("Het einde kan niet vóór het begin liggen."))
        return ended

    def save(self, by) -> None:
        data = self.cleaned_data
        self.apply(
            lambda: self.obj.transition(
                S.ENDED, by=by, reason=data["reason"], ended_on=data["ended_on"]
            )
        )
