"""Checking one row: every problem at its row and column, with the models' own validators."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from omzien.geo.models import PostcodeArea
from omzien.programmes.models import Programme
from omzien.web.validators import multiline_text, single_line_text

from .values import squeezed

CREATE, SKIP, ERROR = "create", "skip", "error"
# Lists, where a line break (Alt+Enter in a spreadsheet cell) separates the items.
LIST_COLUMNS = frozenset({"kinderen", "talen", "hulpvraag", "aanbod", "beschikbaarheid"})


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    @property
    def detail(self) -> str:
        """The problem without its row, for a table that shows the row already."""
        return f"{self.column}: {self.message}" if self.column else self.message

    def __str__(self) -> str:
        return _("Rij %(row)s, %(detail)s") % {"row": self.row, "detail": self.detail}


@dataclass
class RowResult:
    """What happens to one row: created (or would be), skipped, or refused with its problems."""

    row: int
    label: str
    outcome: str
    notes: list[str]


class Places:
    """PC4 areas, each looked up once per import however many rows share it."""

    def __init__(self) -> None:
        self.by_pc4: dict[str, PostcodeArea] = {}
        self.unknown: dict[str, ValidationError] = {}

    def area(self, postcode: str) -> PostcodeArea:
        pc4 = postcode[:4]
        if pc4 in self.by_pc4:
            return self.by_pc4[pc4]
        if postcode not in self.unknown:
            try:
                self.by_pc4[pc4] = PostcodeArea.objects.for_postcode(postcode)
                return self.by_pc4[pc4]
            except ValidationError as error:
                self.unknown[postcode] = error
        raise ValidationError(self.unknown[postcode].error_list)


@dataclass
class Context:
    """What every row of one import shares."""

    programme: Programme
    user: Any  # the coordinator importing, or None from the command line
    now: datetime
    places: Places = field(default_factory=Places)
    texts: dict = field(default_factory=dict)

    def once(self, key: object, make: Callable[[], str]) -> str:
        """`make()` once per import: translating a label for each of 100,000 rows counted."""
        if key not in self.texts:
            self.texts[key] = make()
        return self.texts[key]


class RowCheck:
    """Collects every problem of one row, so that one report shows them all."""

    def __init__(self, number: int, cells: dict[str, object]) -> None:
        self.number = number
        self.cells = cells
        self.problems: list[Problem] = []
        self.failed: set[str] = set()
        self.check_text()

    def check_text(self) -> None:
        """No control characters in any cell, as on the forms; the column then counts as failed."""
        for column, cell in self.cells.items():
            if isinstance(cell, str):
                check = multiline_text if column in LIST_COLUMNS else single_line_text
                self.attempt(column, check, cell.strip())

    def get(self, column: str, parser: Callable[[object], Any], fallback: Any = None) -> Any:
        """The parsed cell; on a problem, `fallback` so the other checks can still run."""
        return self.attempt(column, parser, self.cells.get(column), fallback=fallback)

    def attempt(
        self, column: str, check: Callable[..., Any], *args: Any, fallback: Any = None
    ) -> Any:
        try:
            return check(*args)
        except ValidationError as error:
            self.add(column, error)
            return fallback

    def add(self, column: str, error: ValidationError | str) -> None:
        self.failed.add(column)
        messages = error.messages if isinstance(error, ValidationError) else [error]
        self.problems.extend(Problem(self.number, column, message) for message in messages)

    def validate(self, instance: models.Model, columns: dict[str, str]) -> None:
        """The model's validators for the fields the file fills in, and its clean().

        What full_clean does, field by field: for 100,000 rows its own work per call counted.
        Relations are set by the import itself and uniqueness is what the import checks in
        bulk, so both are left out: they would cost a query per row. A column that could not
        be read is left out too, so it is reported once.
        """
        errors: dict[str, list] = {}
        for model_field in file_fields(type(instance), tuple(columns)):
            name, raw = model_field.name, getattr(instance, model_field.attname)
            if columns[name] in self.failed or (
                model_field.blank and raw in model_field.empty_values
            ):
                continue
            try:
                setattr(instance, model_field.attname, model_field.clean(raw, instance))
            except ValidationError as error:
                errors[name] = error.error_list
        try:
            instance.clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not errors:
            return
        for name, messages in ValidationError(errors).message_dict.items():
            column = columns.get(name, "") if name != NON_FIELD_ERRORS else ""
            for message in messages:
                self.add(column, message)

    def sound(self, *columns: str) -> bool:
        return not self.failed.intersection(columns)


@cache
def file_fields(model: type[models.Model], names: tuple[str, ...]) -> list[models.Field]:
    """The fields a file fills in, in the model's order, as full_clean reports them."""
    return [field for field in model._meta.fields if field.name in names]


def identities(email: str, *fields: object) -> tuple[tuple, ...]:
    """Who a row is: by e-mail address when it has one, otherwise by `fields`.

    The first identity is the one to look up; all are remembered, so that a later row
    without an address still finds a person who came in with one.
    """
    by_fields = ("fields", *(squeezed(v) if isinstance(v, str) else v for v in fields))
    return (("email", email.casefold()), by_fields) if email else (by_fields,)
