import json

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.forms import modelformset_factory
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from omzien.geo.models import PostcodeArea, pc4_of
from omzien.people.models import Child, Household, Parent, Volunteer, Youth
from omzien.web.forms import NLDSFormMixin
from omzien.workflow import StaleObject

from .models import AuditAction, LegalHold, Purpose, RetentionPolicy

KIND_CHOICES = [
    ("gezin", _("gezin")),
    ("jongere", _("jongere")),
    ("vrijwilliger", _("vrijwilliger")),
]
KIND_OF_SLUG = {"gezin": "household", "jongere": "youth", "vrijwilliger": "volunteer"}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_OF_SLUG.items()}


class PersonSearchForm(NLDSFormMixin, forms.Form):
    """Sent by POST, so that a name never ends up in an address or a server log."""

    q = forms.CharField(
        label=_("Naam of nummer"),
        max_length=100,
        error_messages={"required": _("Vul een naam of nummer in.")},
    )


class AuditFilterForm(NLDSFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort persoon"), choices=[("", _("iedereen")), *KIND_CHOICES], required=False
    )
    nummer = forms.IntegerField(label=_("Nummer"), min_value=1, required=False)
    gebruiker = forms.CharField(label=_("Gebruikersnaam"), max_length=150, required=False)
    actie = forms.ChoiceField(
        label=_("Handeling"), choices=[("", _("alle")), *AuditAction.choices], required=False
    )
    van = forms.DateField(label=_("Vanaf"), required=False)
    tot = forms.DateField(label=_("Tot en met"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("nummer") and not data.get("soort"):
            self.add_error("soort", _("Kies bij een nummer ook de soort persoon."))
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return data

    def apply(self, events):
        data = self.cleaned_data
        if data.get("soort") and data.get("nummer"):
            events = events.about(KIND_OF_SLUG[data["soort"]], data["nummer"])
        if data.get("gebruiker"):
            events = events.filter(username=data["gebruiker"])
        if data.get("actie"):
            events = events.filter(action=data["actie"])
        if data.get("van"):
            events = events.filter(at__date__gte=data["van"])
        if data.get("tot"):
            events = events.filter(at__date__lte=data["tot"])
        return events


class ConsentForm(NLDSFormMixin, forms.Form):
    purpose = forms.ChoiceField(label=_("Toestemming voor"), choices=Purpose.choices)


class LegalHoldForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = LegalHold
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "reason": {"required": _("Schrijf op waarom het dossier bewaard moet blijven.")}
        }


class RetentionForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = RetentionPolicy
        fields = ["keep_months"]


class EraseForm(NLDSFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik heb gecontroleerd wie dit vraagt, en de gegevens mogen gewist worden."),
        error_messages={"required": _("Vink aan dat u dit hebt gecontroleerd.")},
    )


class PostcodeMixin:
    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        self.instance.postcode_area = PostcodeArea.objects.for_postcode(value)
        letters = value.replace(" ", "")[4:].upper()
        return f"{pc4_of(value)} {letters}".strip()


PERSON_FIELDS = ["first_name", "last_name", "email", "phone"]


class YouthForm(PostcodeMixin, NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Youth
        fields = [*PERSON_FIELDS, "date_of_birth", "postcode"]


class VolunteerForm(PostcodeMixin, NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Volunteer
        fields = [*PERSON_FIELDS, "date_of_birth", "postcode"]


class HouseholdForm(PostcodeMixin, NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Household
        fields = ["postcode"]


class ParentForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Parent
        fields = PERSON_FIELDS


class ChildForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Child
        fields = ["first_name", "date_of_birth"]


ParentFormSet = modelformset_factory(Parent, form=ParentForm, extra=0)
ChildFormSet = modelformset_factory(Child, form=ChildForm, extra=0)


def fingerprint(forms, *, lock: bool = False) -> str:
    """A keyed hash of the stored values these correction forms show.

    The people models belong to another app and carry no version, so the page keeps this
    instead. With `lock`, the rows stay locked until the transaction ends; the person's own
    row comes first, so two corrections of one person wait for each other.
    """
    shown: dict[type, tuple[list[str], list[int]]] = {}  # per model: its fields and rows
    for form in forms:
        for row in getattr(form, "forms", [form]):  # a formset's rows, or the form itself
            fields, pks = shown.setdefault(type(row.instance), (row._meta.fields, []))
            pks.append(row.instance.pk)
    stored = []
    for model, (fields, pks) in shown.items():  # one query per model, the person's own first
        rows = model._base_manager.filter(pk__in=pks).order_by("pk")
        if lock:
            rows = rows.select_for_update()
        stored.append([model._meta.label, *rows.values_list("pk", *fields)])
    payload = json.dumps(stored, cls=DjangoJSONEncoder)
    return salted_hmac("omzien.privacy.correction", payload).hexdigest()


def refuse_if_changed(forms, seen: str) -> None:
    """Inside a transaction: refuse when anyone changed these rows since the page showed `seen`."""
    if fingerprint(forms, lock=True) != seen:
        raise StaleObject
