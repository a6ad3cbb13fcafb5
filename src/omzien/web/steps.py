"""The form behind every "next step" box: a request's, an offer's or a match's workflow."""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from omzien.workflow import StaleObject, check_version

from .forms import NLDSFormMixin


class StepForm(NLDSFormMixin, forms.Form):
    """Choose the next step of `obj`; the version guards against two people changing it at once.

    Subclasses add their own date field and rules, and call `apply` from `save`.
    """

    target = forms.ChoiceField(label=_("Nieuwe stap"))
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, obj, *args, **kwargs):
        super().__init__(*args, initial={"version": obj.version}, **kwargs)
        self.obj = obj
        self.fields["target"].choices = obj.manual_targets()

    def clean(self):
        data = super().clean()
        check_version(self.obj, data.get("version"))
        return data

    def apply(self, step: Callable[[], None]) -> None:
        """Run the step in one transaction; a stale version lands on the form as an error."""
        self.obj.version = self.cleaned_data["version"]
        try:
            with transaction.atomic():
                step()
        except StaleObject as error:
            raise ValidationError(error.messages) from error
