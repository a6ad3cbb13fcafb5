"""The social map (partners per district), challenges of an area, and onward referrals."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from omzien.geo.models import District, Neighbourhood, PostcodeArea, pc4_only
from omzien.web.forms import NLDSFormMixin
from omzien.web.versioning import VersionedFormMixin

from ..challenges import programme_ids_of
from ..models import Audience, Challenge, OnwardReferral, Partner, PartnerKind


class PartnerForm(VersionedFormMixin, NLDSFormMixin, forms.ModelForm):
    audience = forms.MultipleChoiceField(
        label=_("Voor wie"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = ["name", "kind", "district", "offers", "audience", "address", "website"]
        fields += ["email", "phone", "is_active"]
        widgets = {"offers": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, municipalities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = (
            District.objects.filter(municipality__in=municipalities)
            .select_related("municipality")
            .defer("geometry", "municipality__geometry")
        )

    def save_for(self, user) -> Partner:
        with self.locked():
            partner = self.save(commit=False)
            partner.created_by_id = partner.created_by_id or user.pk
            partner.save()
        return partner


class PartnerSearchForm(NLDSFormMixin, forms.Form):
    postcode = forms.CharField(
        label=_("Postcode (vier cijfers)"),
        required=False,
        validators=[pc4_only],  # its message, not a generic one about length
        widget=forms.TextInput(
            attrs={"maxlength": 4, "inputmode": "numeric", "autocomplete": "off"}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("alle")), *PartnerKind.choices]
    )
    text = forms.CharField(label=_("Zoek op woord"), required=False, max_length=100)

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        self.area = None
        if postcode:
            self.area = PostcodeArea.objects.select_related("neighbourhood__district").for_postcode(
                postcode
            )
            if self.area.neighbourhood is None:
                raise ValidationError(_("Bij deze postcode kennen we geen wijk."))
        return postcode

    def results(self, partners):
        """Partners in the postcode's district, filtered by kind and word."""
        data = self.cleaned_data
        if self.area is not None:
            partners = partners.filter(district=self.area.neighbourhood.district)
        if data.get("kind"):
            partners = partners.filter(kind=data["kind"])
        return partners.search(data.get("text", ""))


class ChallengeForm(VersionedFormMixin, NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Challenge
        fields = ["title", "neighbourhood", "theme", "description", "partners"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.CheckboxSelectMultiple,
        }
        labels = {"neighbourhood": _("Buurt (leeg: de hele gemeente)")}

    def __init__(self, municipality, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            district__municipality=municipality
        ).defer("geometry")
        self.fields["partners"].queryset = Partner.objects.active().filter(
            district__municipality=municipality
        )

    def save_for(self, user) -> Challenge:
        """Save; a new challenge counts the requests of its maker's programmes."""
        new = self.row is None
        with self.locked():
            challenge = self.save(commit=False)
            challenge.created_by_id = challenge.created_by_id or user.pk
            challenge.save()
            self.save_m2m()
            if new:
                challenge.programmes.set(programme_ids_of(user))
        return challenge


class OnwardReferralForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = OnwardReferral
        fields = ["partner", "referred_on", "note"]
        widgets = {"referred_on": forms.DateInput()}

    def __init__(self, request_obj, partners, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.request = request_obj
        self.fields["partner"].queryset = partners
