"""The children of a household: one to six rows, working without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from omzien.people.validators import child_birth_date
from omzien.programmes.models import ProgrammeType
from omzien.web.forms import NLDSFormMixin

from .fields import age_outside, date_of_birth_field, text

MAX_CHILDREN = 6
VISIBLE_CHILDREN = 2  # the rest wait behind "Meer kinderen invullen" (<details>, no script)


class ChildForm(NLDSFormMixin, forms.Form):
    """A row: both fields or neither (the fields are optional, so no row says "verplicht")."""

    first_name = forms.CharField(
        label=_("Voornaam"), max_length=100, required=False, widget=text("off")
    )
    date_of_birth = date_of_birth_field(autocomplete="off", validator=child_birth_date)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].required = False

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_of_birth") and not data.get("first_name"):
            self.add_error("first_name", _("Vul de voornaam van het kind in."))
        if data.get("first_name") and "date_of_birth" in data and not data["date_of_birth"]:
            self.add_error("date_of_birth", _("Vul de geboortedatum van het kind in."))
        return data


class BaseChildFormSet(forms.BaseFormSet):
    """One to six children; every row may stay empty, but not all of them."""

    def clean(self) -> None:
        if any(self.errors) or not self.forms:  # no forms: the management form was tampered with
            return
        if not any(form.cleaned_data.get("first_name") for form in self.forms):
            self.forms[0].add_error("first_name", _("Vul de gegevens van minstens één kind in."))
            self.forms[0].apply_nlds()  # an error added after the form's own validation

    def check_ages(self, programme_type: ProgrammeType) -> bool:
        """Every child's age fits the programme; errors land at the child's date of birth."""
        ok = True
        for form in self.forms:
            born = form.cleaned_data.get("date_of_birth") if form.is_valid() else None
            if born and age_outside(born, programme_type):
                form.add_error(
                    "date_of_birth",
                    _("Dit programma is voor kinderen van %(min)s tot en met %(max)s jaar.")
                    % {"min": programme_type.min_age, "max": programme_type.max_age},
                )
                form.apply_nlds()
                ok = False
        return ok

    @property
    def first_rows(self) -> list[tuple[int, ChildForm]]:
        return list(enumerate(self.forms[:VISIBLE_CHILDREN], start=1))

    @property
    def more_rows(self) -> list[tuple[int, ChildForm]]:
        return list(enumerate(self.forms[VISIBLE_CHILDREN:], start=VISIBLE_CHILDREN + 1))

    @property
    def more_open(self) -> bool:
        """Unfold the extra rows when something was typed there, so nothing is hidden."""
        return any(form.has_changed() or form.errors for form in self.forms[VISIBLE_CHILDREN:])

    def children(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.cleaned_data.get("first_name")]


ChildFormSet = forms.formset_factory(
    ChildForm,
    formset=BaseChildFormSet,
    extra=MAX_CHILDREN,
    max_num=MAX_CHILDREN,
    absolute_max=MAX_CHILDREN,
    validate_max=True,
)


def valid_with_children(form: forms.Form, children: BaseChildFormSet) -> bool:
    """The form and its children valid, and the children's ages fit the chosen programme."""
    valid = form.is_valid() & children.is_valid()  # `&`: validate both, show every error
    programme = form.cleaned_data.get("programme")
    if programme:
        valid &= children.check_ages(programme.programme_type)
    return valid
