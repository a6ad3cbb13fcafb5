"""Writing many rows fast: COPY on PostgreSQL, bulk_create in batches elsewhere.

The generator hands out primary keys itself, so that a child row can point to its parent
without asking the database; `finish` moves PostgreSQL's sequences past them.
"""

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Model

BATCH = 2000


class Writer:
    def __init__(self, progress=sys.stderr):
        self.progress = progress
        self.counts: Counter = Counter()
        self.next_ids: dict[type[Model], int] = {}
        self.started = time.monotonic()
        self.copy = connection.vendor == "postgresql"

    def ids(self, model: type[Model], count: int) -> range:
        """`count` fresh primary keys, after any row the table already has."""
        if model not in self.next_ids:
            last = model._base_manager.order_by("-pk").values_list("pk", flat=True).first()
            self.next_ids[model] = (last or 0) + 1
        first = self.next_ids[model]
        self.next_ids[model] = first + count
        return range(first, first + count)

    def take(self, model: type[Model]) -> int:
        return self.ids(model, 1)[0]

    def write(self, model: type[Model], fields: tuple[str, ...], rows: Iterable[tuple]) -> None:
        """Rows as tuples of `fields` (attribute names: `programme_id`, not `programme`).

        Other fields get their model default ('' for text): COPY knows nothing of Django's."""
        missing = [
            f
            for f in model._meta.concrete_fields
            if f.attname not in fields and not f.primary_key and (f.has_default() or not f.null)
        ]
        if missing:
            fields = (*fields, *(f.attname for f in missing))
            defaults = tuple(f.get_default() for f in missing)
            rows = ((*row, *defaults) for row in rows)
        if self.copy:
            written = self._copy(model, fields, rows)
        else:
            written = self._bulk_create(model, fields, rows)
        self.counts[model._meta.label] += written
        self.report(model._meta.label)

    def _copy(self, model, fields, rows) -> int:
        columns = [model._meta.get_field(name).column for name in fields]
        json_at = [
            i
            for i, name in enumerate(fields)
            if model._meta.get_field(name).get_internal_type() == "JSONField"
        ]
        names = ", ".join(f'"{column}"' for column in columns)
        sql = f'COPY "{model._meta.db_table}" ({names}) FROM STDIN'
        written = 0
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                if json_at:
                    row = list(row)
                    for i in json_at:
                        row[i] = json.dumps(row[i])
                copy.write_row(row)
                written += 1
        return written

    def _bulk_create(self, model, fields, rows) -> int:
        batch, written = [], 0
        for row in rows:
            batch.append(model(**dict(zip(fields, row, strict=True))))
            if len(batch) == BATCH:
                model._base_manager.bulk_create(batch)
                written += len(batch)
                batch = []
        model._base_manager.bulk_create(batch)
        return written + len(batch)

    def report(self, label: str) -> None:
        self.note(f"{label}: {self.counts[label]:,}")

    def note(self, text: str) -> None:
        """A progress line on stderr: time so far, rows so far, and what just happened."""
        if self.progress:
            seconds = time.monotonic() - self.started
            total = sum(self.counts.values())
            self.progress.write(f"[{seconds:7.1f} s] {total:>10,} rijen  {text}\n")
            self.progress.flush()

    def finish(self) -> None:
        """Move the sequences past the keys handed out here (PostgreSQL)."""
        if self.copy and self.next_ids:
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(self.next_ids)):
                    cursor.execute(sql)
