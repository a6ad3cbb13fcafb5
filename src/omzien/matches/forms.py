from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.intake.models import RequestStatus
from omzien.web.forms import NLDSFormMixin
from omzien.web.steps import StepForm

from .models import Contact, MatchStatus, Moment
from .schedule import plan_closing_evaluation, plan_moments
from .signals import match_closing

# Steps that need a date, and the field it goes in (resuming after a pause keeps the start date).
DATED = {
    (MatchStatus.PROPOSED, MatchStatus.INTRODUCTION_PLANNED): "introduction_on",
    (MatchStatus.AGREED, MatchStatus.ACTIVE): "started_on",
}
# What a match's step means for the household's request.
REQUEST_FOLLOWS = {
    MatchStatus.DECLINED: RequestStatus.WAITING,
    MatchStatus.CLOSED: RequestStatus.CLOSED,
}


class MatchStepForm(StepForm):
    """The next step of a match."""

    on = forms.DateField(
        label=_("Datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Nodig bij het plannen van de kennismaking en bij de start."),
    )
    field_order = ["target", "on", "reason"]

    def clean(self):
        data = super().clean()
        target, on = data.get("target"), data.get("on")
        if (self.obj.status, target) in DATED and on is None:
            self.add_error("on", _("Kies een datum."))
        if target == MatchStatus.ACTIVE and on and on > timezone.localdate():
            self.add_error("on", _("Een koppeling kan niet in de toekomst gestart zijn."))
        if target == MatchStatus.DECLINED and not data.get("reason"):
            self.add_error("reason", _("Schrijf op wie niet verder wil, en waarom."))
        return data

    def save(self, by) -> None:
        data, match = self.cleaned_data, self.obj
        target = data["target"]
        dated = DATED.get((match.status, target))
        changes = {dated: data["on"]} if dated else {}
        if target == MatchStatus.CLOSED:
            changes["ended_on"] = timezone.localdate()

        def step() -> None:
            match.transition(target, by=by, reason=data["reason"], **changes)
            self.plan_follow_up(target, changes)
            if target in REQUEST_FOLLOWS:
                match.request.transition(REQUEST_FOLLOWS[target], by=by, reason=data["reason"])

        self.apply(step)

    def plan_follow_up(self, target: str, changes: dict) -> None:
        """Starting plans the schedule (once: a paused match resumes it); closing plans the last
        evaluation and lets the apps built on matches start their part (closing questionnaires)."""
        if "started_on" in changes:
            plan_moments(self.obj, changes["started_on"])
        elif target == MatchStatus.CLOSING:
            plan_closing_evaluation(self.obj, timezone.localdate())
            match_closing.send(sender=type(self.obj), match=self.obj)


class ContactForm(NLDSFormMixin, forms.ModelForm):
    """Log a contact; it can tick off the planned moment it was."""

    moment = forms.ModelChoiceField(
        label=_("Was dit een gepland moment?"),
        required=False,
        queryset=Moment.objects.none(),
        empty_label=_("nee"),
    )

    class Meta:
        model = Contact
        fields = ["on", "kind", "note", "hours"]
        widgets = {
            "on": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, match, *args, **kwargs):
        super().__init__(*args, prefix="contact", **kwargs)
        self.match = match
        self.fields["moment"].queryset = match.moments.open()

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise ValidationError(_("Een contact kan niet in de toekomst liggen."))
        if self.match.started_on is None or on < self.match.started_on:
            raise ValidationError(_("Een contact kan niet vóór de start van de koppeling liggen."))
        return on

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours < 0 or hours > 24:
            raise ValidationError(_("Vul een aantal uren tussen 0 en 24 in."))
        return hours

    @transaction.atomic
    def save_for(self, by) -> Contact:
        contact = self.save(commit=False)
        contact.match, contact.by = self.match, by
        contact.save()
        if moment := self.cleaned_data.get("moment"):
            Moment.objects.filter(pk=moment.pk, done_on__isnull=True).update(
                done_on=contact.on, done_by=by
            )
        return contact
