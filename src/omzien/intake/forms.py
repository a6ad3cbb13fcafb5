from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.web.steps import StepForm

from .models import OfferStatus, RequestStatus

INTAKE_PLANNED = {RequestStatus.INTAKE_PLANNED, OfferStatus.INTAKE_PLANNED}


class TransitionForm(StepForm):
    """Move a request or offer to its next step."""

    intake_on = forms.DateField(
        label=_("Datum van de intake"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Alleen nodig als u een intake plant."),
    )
    field_order = ["target", "intake_on", "reason"]

    def clean(self):
        data = super().clean()
        if data.get("target") in INTAKE_PLANNED:
            intake_on = data.get("intake_on")
            if intake_on is None:
                self.add_error("intake_on", _("Kies de datum van de intake."))
            elif intake_on < timezone.localdate():
                self.add_error("intake_on", _("Een nieuwe intake kan niet in het verleden liggen."))
        return data

    def save(self, by) -> None:
        """Apply the step; a ValidationError (stale, guard) lands on the form."""
        data = self.cleaned_data
        changes = {"intake_on": data["intake_on"]} if data["target"] in INTAKE_PLANNED else {}
        changes |= self.side_effects(data["target"])
        self.apply(
            lambda: self.obj.transition(data["target"], by=by, reason=data["reason"], **changes)
        )

    def side_effects(self, target: str) -> dict:
        today = timezone.localdate()
        if target == RequestStatus.WAITING:
            return {"waiting_since": today}
        if target == OfferStatus.AVAILABLE and not self.obj.available_since:
            return {"available_since": today}
        return {}
