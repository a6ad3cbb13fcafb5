"""Optimistic locking for plain edit forms: the row is `Versioned`, the form keeps a hidden copy.

Saving takes the next version with a conditional UPDATE in the same transaction as the
change. Of two people who opened the same version, only the first one's save lands; the
second gets `StaleObject`, which the view puts on the form with their input still there.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django import forms
from django.db import transaction

from omzien.workflow import StaleObject, Versioned, check_version, take_version


class VersionedFormMixin:
    """A hidden `version` of the row this form changes; make the change inside `locked()`.

    Mix in before the Django form class. The row is a ModelForm's instance when it edits one;
    other forms override `locked_row`. A form that makes a new row has nothing to lock.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.row = self.locked_row()
        if self.row is not None:
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=self.row.version
            )

    def locked_row(self) -> Versioned | None:
        instance = getattr(self, "instance", None)
        return instance if instance is not None and instance.pk else None

    def clean(self):
        data = super().clean()
        if self.row is not None:
            check_version(self.row, data.get("version"))  # an old page, before any other rule
        return data

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One transaction that takes the next version, then makes the change."""
        with transaction.atomic():
            if self.row is not None:
                take_version(self.row, self.cleaned_data["version"])
            yield


def saved(form: forms.BaseForm, save: Callable[[], object]) -> bool:
    """Validate `form` and run `save`; when someone else saved first, say so on the form."""
    if not form.is_valid():
        return False
    try:
        save()
    except StaleObject as error:
        form.add_error(None, error)
        return False
    return True
