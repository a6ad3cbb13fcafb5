"""Forms: a questionnaire's items or a family's goals as radio buttons, goals at intake, and
the filters of the outcome report."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.web.forms import NLDSFormMixin
from omzien.web.versioning import VersionedFormMixin
from omzien.workflow import StaleObject

from .models import Goal

GOAL_LEVELS = [
    (-2, _("-2: veel minder dan verwacht")),
    (-1, _("-1: minder dan verwacht")),
    (0, _("0: zoals verwacht")),
    (1, _("+1: meer dan verwacht")),
    (2, _("+2: veel meer dan verwacht")),
]
START_LEVELS = GOAL_LEVELS[:2]


def posted(request):
    """The submitted data, also when nothing was ticked (an empty POST still binds the form)."""
    return request.POST if request.method == "POST" else None


def radio(label: str, choices, required: bool = False, help_text: str = "") -> forms.Field:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class AnswersForm(NLDSFormMixin, forms.Form):
    """One radio group per question or goal; a question may be skipped, not all of them.

    With `paper=True` the coordinator also gives the date on the paper; with `replacing`
    (the moment was answered before) the form asks to confirm the replacement and why.
    """

    def __init__(self, questions, *args, paper: bool = False, replacing: bool = False, **kw):
        super().__init__(*args, **kw)
        self.questions = {f"q{question.pk}": question for question, _choices in questions}
        for question, choices in questions:
            # The last option clears a choice made by mistake.
            options = [*choices, ("", _("Geen antwoord"))]
            self.fields[f"q{question.pk}"] = radio(str(question), options)
        if paper:
            self.fields["answered_on"] = forms.DateField(
                label=_("Ingevuld op"), initial=timezone.localdate
            )
        if replacing:
            self.fields["replace"] = forms.BooleanField(
                label=_("Vervang de antwoorden die er al zijn"),
                required=False,
                help_text=_("De eerdere antwoorden blijven bewaard, gemarkeerd als vervangen."),
            )
            self.fields["reason"] = forms.CharField(
                label=_("Waarom vervangt u de antwoorden?"), required=False, max_length=500
            )
        self.apply_nlds()

    def clean_answered_on(self):
        on = self.cleaned_data["answered_on"]
        if on > timezone.localdate():
            raise ValidationError(_("Deze datum ligt in de toekomst."))
        return on

    def clean(self):
        data = super().clean()
        if all(data.get(name) is None for name in self.questions):
            raise ValidationError(_("Beantwoord minstens één vraag."))
        if "replace" in self.fields:
            if not data.get("replace"):
                self.add_error(
                    "replace",
                    _("Deze vragenlijst is voor dit moment al ingevuld. Vink aan om te vervangen."),
                )
            elif not data.get("reason"):
                self.add_error("reason", _("Schrijf kort op waarom."))
        return data

    def values(self) -> dict:
        return {question: self.cleaned_data.get(name) for name, question in self.questions.items()}

    @property
    def answered_on(self):
        return self.cleaned_data.get("answered_on") or timezone.localdate()

    @property
    def replace_reason(self) -> str | None:
        return self.cleaned_data.get("reason") if self.cleaned_data.get("replace") else None


def item_questions(items) -> list:
    return [
        (
            item,
            [(p.value, item.version.point_label(item.scale, p)) for p in item.scale.points.all()],
        )
        for item in items
    ]


def goal_questions(goals) -> list:
    return [(goal, GOAL_LEVELS) for goal in goals]


class GoalForm(VersionedFormMixin, NLDSFormMixin, forms.ModelForm):
    start_level = radio(
        _("Waar staat het gezin nu?"),
        START_LEVELS,
        required=True,
        help_text=_("Meestal -1. Kies -2 als het nog slechter kan uitpakken dan nu."),
    )

    class Meta:
        model = Goal
        fields = ["description", "expected", "weight"]
        widgets = {"weight": forms.NumberInput(attrs={"min": 1, "max": 3})}
        help_texts = {"weight": _("1 is gewoon, 3 is het belangrijkste doel.")}


MAX_GOALS = 5


def goals_changed() -> ValidationError:
    return ValidationError(
        _(
            "Iemand anders heeft de doelen net opgeslagen. Uw tekst staat hieronder nog. "
            "Bewaar wat u wilt houden en laad de pagina opnieuw."
        ),
        code="stale",
    )


class BaseGoalFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        if self.is_stale():
            raise goals_changed()
        if not 2 <= len(self.kept()) <= MAX_GOALS:
            raise ValidationError(_("Kies twee tot vijf doelen."))

    def is_stale(self) -> bool:
        """A goal changed since the page was read, or someone added goals meanwhile."""
        seen = {form.instance.pk for form in self.forms if form.instance.pk}
        changed = any(
            error.code == "stale"
            for form in self.forms
            for error in form.non_field_errors().as_data()
        )
        return changed or self.get_queryset().exclude(pk__in=seen).exists()

    def refuse(self, error: ValidationError) -> None:
        """Put an error found while saving above the rows, so nothing typed is lost."""
        self._non_form_errors = self.error_class(
            [goals_changed() if isinstance(error, StaleObject) else error],
            error_class="nonform",
            renderer=self.renderer,
        )

    def kept(self) -> list[GoalForm]:
        """The goals set before and the rows filled in now."""
        return [f for f in self.forms if f.instance.pk or f.has_changed()]


def goal_formset(existing: int):
    """Room for up to five goals: the ones set before, and empty rows for new ones."""
    return forms.modelformset_factory(
        Goal,
        form=GoalForm,
        formset=BaseGoalFormSet,
        extra=MAX_GOALS - existing,
        max_num=MAX_GOALS,
        absolute_max=MAX_GOALS,
    )


class ReportFilterForm(NLDSFormMixin, forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programma"), queryset=None, required=False, empty_label=_("Alle programma's")
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente waar het gezin woont"),
        queryset=None,
        required=False,
        empty_label=_("Alle gemeenten"),
    )
    start = forms.DateField(label=_("Afgesloten vanaf"), required=False)
    end = forms.DateField(label=_("Afgesloten tot en met"), required=False)

    def __init__(self, programmes, municipalities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["programme"].to_field_name = "slug"
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].to_field_name = "code"

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Deze datum ligt vóór de begindatum."))
        return data
