"""NL Design System (Utrecht) markup for Django forms.

Django renders widgets itself, so the Utrecht CSS classes go onto the widgets' attrs
rather than into templates. Mix ``NLDSFormMixin`` in before the Django form class::

    class ReferenceForm(NLDSFormMixin, forms.ModelForm): ...

and render each field with ``{% include "web/includes/field.html" with field=form.x %}``
(label, help text, error message and widget) and the form's errors with
``{% include "web/includes/form_errors.html" %}``.

What the mixin does, per widget type:

- text-like inputs (text, email, url, number, password, search, tel, date, time):
  ``utrecht-textbox utrecht-textbox--html-input``; a ``DateInput``/``TimeInput`` becomes a
  native ``type="date"``/``type="time"`` with ISO values unless it was given another type
  or format (set ``nlds_native_dates = False`` on the form to keep text inputs);
- ``Textarea``: ``utrecht-textarea utrecht-textarea--html-textarea``;
- ``Select``/``SelectMultiple``: ``utrecht-select utrecht-select--html-select``;
- ``CheckboxInput`` and ``CheckboxSelectMultiple``:
  ``utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom``;
- ``RadioSelect``: ``utrecht-radio-button utrecht-radio-button--html-input``;
- every text field (``CharField`` and its kinds, passwords excepted) refuses control
  characters (see ``omzien.web.validators``); tabs and line breaks only in a ``Textarea``;
- once the form has been validated, every field with errors also gets the
  ``--invalid`` class and ``aria-invalid="true"``; ``aria-describedby`` points at the
  help text (``<id>_helptext``) and error message (``<id>_error``) that field.html
  renders. Radio and checkbox groups get ``aria-describedby`` on their fieldset instead.

Classes already on a widget are kept; calling :meth:`apply_nlds` again (for example
after replacing a widget in ``__init__``) is safe.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import ProhibitNullCharactersValidator
from django.forms.widgets import Input

from .validators import multiline_text, single_line_text

TEXTBOX = ("utrecht-textbox", "utrecht-textbox--html-input")
TEXTAREA = ("utrecht-textarea", "utrecht-textarea--html-textarea")
SELECT = ("utrecht-select", "utrecht-select--html-select")
CHECKBOX = ("utrecht-checkbox", "utrecht-checkbox--html-input", "utrecht-checkbox--custom")
RADIO = ("utrecht-radio-button", "utrecht-radio-button--html-input")


def widget_classes(widget: forms.Widget) -> tuple[tuple[str, ...], str | None]:
    """The Utrecht classes for `widget`, and its class for the invalid state."""
    # Order matters: CheckboxSelectMultiple is a RadioSelect, and both are Selects.
    if isinstance(widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)):
        return CHECKBOX, "utrecht-checkbox--invalid"
    if isinstance(widget, forms.RadioSelect):
        return RADIO, "utrecht-radio-button--invalid"
    if isinstance(widget, forms.Select):  # also SelectMultiple, NullBooleanSelect
        return SELECT, "utrecht-select--invalid"
    if isinstance(widget, forms.Textarea):
        return TEXTAREA, "utrecht-textarea--invalid"
    if isinstance(widget, forms.FileInput) or not isinstance(widget, Input):
        return (), None
    if widget.input_type == "hidden":
        return (), None
    extra = ("utrecht-textbox--numeric",) if widget.input_type == "number" else ()
    return TEXTBOX + extra, "utrecht-textbox--invalid"


def add_classes(widget: forms.Widget, *classes: str) -> None:
    current = widget.attrs.get("class", "").split()
    widget.attrs["class"] = " ".join(current + [c for c in classes if c not in current])


def remove_class(widget: forms.Widget, name: str) -> None:
    if "class" in widget.attrs:
        widget.attrs["class"] = " ".join(c for c in widget.attrs["class"].split() if c != name)


def use_native_date(widget: forms.Widget) -> None:
    """A plain DateInput becomes <input type="date"> and a TimeInput <input type="time">.

    Those inputs only take ISO values, so the format follows. A text input that was given
    a format of its own is left alone; an explicit type="date" always gets the ISO format.
    """
    for kind, iso in ((forms.DateInput, "%Y-%m-%d"), (forms.TimeInput, "%H:%M")):
        if not isinstance(widget, kind):
            continue
        native = "date" if kind is forms.DateInput else "time"
        # Django moves attrs["type"] to input_type.
        if widget.input_type == "text" and widget.format in (None, "", iso):
            widget.input_type = native
        if widget.input_type == native:
            widget.format = iso


def refuse_control_characters(field: forms.Field) -> None:
    """Add the text check that fits the widget; it also covers Django's NUL-only check."""
    if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
        return  # a password is never shown, and refusing one could lock its owner out
    check = multiline_text if isinstance(field.widget, forms.Textarea) else single_line_text
    kept = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]
    field.validators = kept if check in kept else [*kept, check]


def leaf_widgets(widget: forms.Widget) -> list[forms.Widget]:
    """The widget itself, or the parts of a MultiWidget (such as SplitDateTimeWidget)."""
    if isinstance(widget, forms.MultiWidget):
        return [leaf for part in widget.widgets for leaf in leaf_widgets(part)]
    return [widget]


class NLDSFormMixin:
    """Put NL Design System (Utrecht) classes and ARIA states on every widget."""

    #: Turn plain DateInputs/TimeInputs into native pickers (type="date"/"time", ISO values).
    nlds_native_dates = True
    #: No `required` attribute: the browser would paint every empty required field in the
    #: error colour before anyone touched it. The label says "(verplicht)"; the server checks.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_nlds()

    def apply_nlds(self) -> None:
        """Classes and aria-describedby on every widget; safe to call again."""
        errors = self._errors or {}
        for name, field in self.fields.items():
            for widget in leaf_widgets(field.widget):
                if self.nlds_native_dates:
                    use_native_date(widget)
                classes, invalid = widget_classes(widget)
                if classes:
                    add_classes(widget, *classes)
                if widget.is_hidden:
                    continue
                if name in errors:
                    if invalid:
                        add_classes(widget, invalid)
                    widget.attrs["aria-invalid"] = "true"
                else:
                    if invalid:
                        remove_class(widget, invalid)
                    widget.attrs.pop("aria-invalid", None)
            self._describe(name, field, has_errors=name in errors)

    def full_clean(self):
        # Here, not in __init__: forms may swap a field's widget after the mixin's __init__.
        for field in self.fields.values():
            refuse_control_characters(field)
        super().full_clean()
        self.apply_nlds()

    def _describe(self, name: str, field, has_errors: bool) -> None:
        """aria-describedby with the ids field.html gives the help text and errors."""
        widget = field.widget
        auto_id = self._nlds_auto_id(name)
        if widget.is_hidden or widget.use_fieldset or not auto_id:
            return  # groups are described on their <fieldset> by field.html
        ids = []
        if field.help_text:
            ids.append(f"{auto_id}_helptext")
        if has_errors:
            ids.append(f"{auto_id}_error")
        if ids:
            widget.attrs["aria-describedby"] = " ".join(ids)
        else:
            widget.attrs.pop("aria-describedby", None)

    def _nlds_auto_id(self, name: str) -> str:
        # As BoundField.auto_id, without making (and caching) a BoundField this early.
        html_name = self.add_prefix(name)
        if self.auto_id and "%s" in str(self.auto_id):
            return self.auto_id % html_name
        return html_name if self.auto_id else ""


class LoginForm(NLDSFormMixin, AuthenticationForm):
    """Django's login form in NL Design System markup, for LoginView(authentication_form=...)."""
