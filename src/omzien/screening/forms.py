from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.web.forms import NLDSFormMixin

from .models import Certificate, Reference

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def not_in_future(form, field: str) -> None:
    value = form.cleaned_data.get(field)
    if value and value > timezone.localdate():
        form.add_error(field, _("Deze datum kan niet in de toekomst liggen."))


class CertificateForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Certificate
        fields = ["requested_on", "issued_on"]
        widgets = {"requested_on": DATE, "issued_on": DATE}
        help_texts = {"issued_on": _("Vul in zodra de VOG binnen is.")}

    def clean(self):
        data = super().clean()
        not_in_future(self, "requested_on")
        return data


class ReferenceForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Reference
        fields = ["name", "relation", "contacted_on", "outcome"]
        widgets = {"contacted_on": DATE}

    def clean(self):
        data = super().clean()
        not_in_future(self, "contacted_on")
        return data


class AttendanceForm(NLDSFormMixin, forms.Form):
    title = forms.CharField(label=_("Training"), max_length=200, initial=_("Basistraining"))
    held_on = forms.DateField(label=_("Datum"), widget=DATE)

    def clean(self):
        data = super().clean()
        not_in_future(self, "held_on")
        return data
