"""Closing a match with a reason, and reopening it once within 30 days."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.intake.models import OfferStatus, RequestStatus
from omzien.vocabulary import ClosureReason
from omzien.web.steps import StepForm

from .models import AS_PLANNED, MatchStatus

YES_NO = [("yes", _("ja")), ("no", _("nee"))]


class VolunteerNext(models.TextChoices):
    NEW_MATCH = "new_match", _("wil een nieuwe koppeling: blijft beschikbaar")
    GOODBYE = "goodbye", _("stopt: afscheid")


class ClosureForm(StepForm):
    """The last step of a match: why it ended, and what comes next for the volunteer."""

    closure_reason = forms.ChoiceField(label=_("Reden van afsluiten"))
    closure_note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij ‘anders’."),
    )
    ended_early = forms.TypedChoiceField(
        label=_("Is de koppeling eerder gestopt dan gepland?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    specialist_care = forms.TypedChoiceField(
        label=_("Is tijdens de koppeling specialistische jeugdhulp gestart?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    volunteer_next = forms.ChoiceField(
        label=_("En de vrijwilliger?"), choices=VolunteerNext.choices, widget=forms.RadioSelect
    )
    field_order = [
        "closure_reason",
        "closure_note",
        "ended_early",
        "specialist_care",
        "volunteer_next",
    ]

    def __init__(self, match, *args, **kwargs):
        super().__init__(match, *args, prefix="closure", **kwargs)
        del self.fields["target"], self.fields["reason"]
        allowed = match.request.programme.programme_type.closure_reasons
        self.fields["closure_reason"].choices = [
            (value, label) for value, label in ClosureReason.choices if value in allowed
        ]

    def clean(self):
        data = super().clean()
        if self.obj.status != MatchStatus.CLOSING:
            raise ValidationError(_("Alleen een koppeling die wordt afgesloten kan dicht."))
        reason = data.get("closure_reason")
        if reason == ClosureReason.OTHER and not data.get("closure_note"):
            self.add_error("closure_note", _("Schrijf op wat de reden is."))
        if reason in AS_PLANNED and data.get("ended_early"):
            self.add_error(
                "ended_early", _("Bij deze reden is de koppeling gelopen zoals gepland.")
            )
        if data.get("volunteer_next") == VolunteerNext.GOODBYE and self._other_open_matches():
            self.add_error(
                "volunteer_next",
                _("De vrijwilliger heeft nog een andere koppeling; die loopt eerst af."),
            )
        return data

    def _other_open_matches(self) -> bool:
        return self.obj.offer.matches.open().exclude(pk=self.obj.pk).exists()

    def save(self, by) -> None:
        data, match = self.cleaned_data, self.obj

        def step() -> None:
            match.transition(
                MatchStatus.CLOSED,
                by=by,
                reason=ClosureReason(data["closure_reason"]).label,
                ended_on=timezone.localdate(),
                closure_reason=data["closure_reason"],
                closure_note=data["closure_note"],
                ended_early=data["ended_early"],
                specialist_care=data["specialist_care"],
            )
            match.moments.lapse(timezone.localdate())
            match.request.transition(RequestStatus.CLOSED, by=by, reason=_("Koppeling afgesloten"))
            if data["volunteer_next"] == VolunteerNext.GOODBYE:
                match.offer.transition(
                    OfferStatus.WITHDRAWN, by=by, reason=_("Afscheid na de koppeling")
                )

        self.apply(step)


CLEARED_ON_REOPEN = {
    "ended_on": None,
    "closure_reason": "",
    "closure_note": "",
    "ended_early": None,
    "specialist_care": None,
}


class ReopenForm(StepForm):
    """Reopen a closed match, once, within 30 days: the same family and volunteer go on."""

    def __init__(self, match, *args, **kwargs):
        super().__init__(match, *args, prefix="reopen", **kwargs)
        del self.fields["target"]
        self.fields["reason"].required = True
        self.fields["reason"].label = _("Waarom gaat de koppeling weer verder?")

    def save(self, by) -> None:
        match, reason = self.obj, self.cleaned_data["reason"]
        closed_on = match.ended_on

        def step() -> None:
            match.transition(
                MatchStatus.ACTIVE,
                by=by,
                reason=reason,
                reopened_on=timezone.localdate(),
                # The closure stays in the log; the figures count the match as running again.
                **CLEARED_ON_REOPEN,
            )
            # What lapsed at the closure is due again; what was done stays done.
            match.moments.filter(lapsed_on=closed_on).update(lapsed_on=None)
            match.request.transition(RequestStatus.MATCHED, by=by, reason=reason)

        self.apply(step)
