"""The filter bar of every figure page: period, programme, organisation, municipality, district."""

from collections.abc import Mapping
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.geo.models import District
from omzien.web.forms import NLDSFormMixin

from .periods import Month, first_of, last_of, shift
from .scope import Filters, Scope, scope_of

CHOOSABLE_MONTHS = 72  # six years back
DEFAULT_MONTHS = 24


def month_choices(today) -> list[tuple[str, str]]:
    current = first_of(today)
    return [
        (m.key, m.label)
        for m in (Month(shift(current, -i), shift(current, -i)) for i in range(CHOOSABLE_MONTHS))
    ]


def month_of(key: str) -> date:
    year, month = key.split("-")
    return date(int(year), int(month), 1)


class FilterForm(NLDSFormMixin, forms.Form):
    start = forms.ChoiceField(label=_("Van"))
    end = forms.ChoiceField(label=_("Tot en met"))
    organisation = forms.ChoiceField(label=_("Organisatie"), required=False)
    programme = forms.ChoiceField(label=_("Programma"), required=False)
    municipality = forms.ChoiceField(label=_("Gemeente"), required=False)
    district = forms.ChoiceField(label=_("Wijk"), required=False)

    def __init__(self, scope: Scope, data: Mapping | None = None):
        self.scope, self.today = scope, timezone.localdate()
        defaults = self.defaults()
        given = {k: v for k, v in (data or {}).items() if k in defaults and v is not None}
        if scope.municipality is not None:
            given.pop("municipality", None)  # an analyst's municipality is not a choice
        super().__init__({**defaults, **given})
        months = month_choices(self.today)
        self.fields["start"].choices = self.fields["end"].choices = months
        everything = [("", _("alle"))]
        self.fields["organisation"].choices = everything + [
            (o.slug, o.name) for o in scope.organisations
        ]
        self.fields["programme"].choices = everything + [(p.slug, p.name) for p in scope.programmes]
        self.municipalities = {m.code: m for m in scope.municipalities()}
        self.fields["municipality"].choices = everything + [
            (code, m.name) for code, m in self.municipalities.items()
        ]
        if scope.municipality is not None:
            self.fields["municipality"].widget = forms.HiddenInput()
        self.districts = self._districts()
        self.fields["district"].choices = everything + [
            (code, d.name) for code, d in self.districts.items()
        ]
        self.apply_nlds()

    def defaults(self) -> dict[str, str]:
        current = first_of(self.today)
        return {
            "start": shift(current, 1 - DEFAULT_MONTHS).strftime("%Y-%m"),
            "end": current.strftime("%Y-%m"),
            "organisation": "",
            "programme": "",
            "municipality": self.scope.municipality.code if self.scope.municipality else "",
            "district": "",
        }

    def _districts(self) -> dict[str, District]:
        municipality = self.scope.municipality or self.municipalities.get(
            self.data.get("municipality", "")
        )
        if municipality is None:
            return {}
        queryset = District.objects.filter(municipality=municipality).defer("geometry")
        return {d.code: d for d in queryset.order_by("name")}

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Kies een maand die niet voor de eerste maand ligt."))
        programme, organisation = data.get("programme"), data.get("organisation")
        if programme and organisation:
            chosen = next(p for p in self.scope.programmes if p.slug == programme)
            if chosen.organisation.slug != organisation:
                self.add_error("programme", _("Dit programma hoort niet bij deze organisatie."))
        return data

    def filters(self) -> Filters:
        """The filters as chosen; call after is_valid()."""
        data = self.cleaned_data
        programmes = [
            p
            for p in self.scope.programmes
            if (not data["programme"] or p.slug == data["programme"])
            and (not data["organisation"] or p.organisation.slug == data["organisation"])
        ]
        municipality = self.scope.municipality or self.municipalities.get(data["municipality"])
        district = self.districts.get(data["district"])
        start = month_of(data["start"])
        end = min(last_of(month_of(data["end"])), self.today)
        return Filters(
            start=start,
            end=end,
            programmes=frozenset(p.pk for p in programmes),
            municipality=municipality,
            district=district,
            labels=self.labels(data, municipality, district),
        )

    def labels(self, data, municipality, district) -> dict[str, str]:
        choices = {name: dict(self.fields[name].choices) for name in self.fields}
        return {
            _("Periode"): f"{choices['start'][data['start']]} – {choices['end'][data['end']]}",
            _("Organisatie"): choices["organisation"][data["organisation"]],
            _("Programma"): choices["programme"][data["programme"]],
            _("Gemeente"): municipality.name if municipality else _("alle"),
            _("Wijk"): district.name if district else _("alle"),
        }


def filters_for(user, params: Mapping) -> tuple[FilterForm, Filters | None]:
    """The filters `user` chose in `params`, within what they may see.

    `params` holds any of start and end (months, YYYY-MM), organisation and programme (slugs),
    municipality and district (CBS codes). Returns the form (with Dutch errors) and the
    filters, or None when the choice is invalid or the user may see no programme at all.
    """
    scope = scope_of(user)
    form = FilterForm(scope, params)
    return form, form.filters() if scope.programmes and form.is_valid() else None
