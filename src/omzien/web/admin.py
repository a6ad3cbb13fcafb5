"""What every admin page of Omzien shares; the look is in templates/admin/ and omzien/admin.css."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _


class LabelledInlineFormSet(BaseInlineFormSet):
    """A table row's fields sit under a column heading, not beside a <label>: each field is
    named after its heading and row, so a screen reader says what it is (WCAG 1.3.1)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = _("nieuwe rij") if index is None else _("rij %(number)s") % {"number": index + 1}
        for field in form.fields.values():
            field.widget.attrs["aria-label"] = f"{field.label}, {row}"


class TabularInline(admin.TabularInline):
    formset = LabelledInlineFormSet
