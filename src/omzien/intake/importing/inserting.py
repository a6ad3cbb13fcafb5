"""Inserting the new rows of an import: COPY on PostgreSQL, bulk_create elsewhere.

For 100,000 registrations Django's preparation of every value and the SQL text of the large
INSERTs took most of the load. COPY takes the values as they are. The keys come from each
table's own sequence, so rows that others add meanwhile never collide with the import's.
"""

import json
from collections.abc import Callable
from functools import cache
from operator import attrgetter

from django.db import DEFAULT_DB_ALIAS, connection, models

# Fields whose Python value PostgreSQL reads as it is; any other field is prepared by Django.
AS_IS = frozenset(
    {
        models.AutoField,
        models.BigAutoField,
        models.BigIntegerField,
        models.BooleanField,
        models.CharField,
        models.DateField,
        models.EmailField,
        models.FloatField,
        models.ForeignKey,
        models.IntegerField,
        models.OneToOneField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.SmallIntegerField,
        models.TextField,
    }
)


def insert(objects: list[models.Model]) -> list[models.Model]:
    """Insert unsaved objects of one model; afterwards they have their keys, like bulk_create."""
    if not objects:
        return objects
    model = type(objects[0])
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(objects)
    link_to_saved(model, objects)
    for obj, pk in zip(objects, new_keys(model, len(objects)), strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, DEFAULT_DB_ALIAS
    fields, row = row_maker(model)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objects:
            copy.write_row(row(obj))
    return objects


@cache
def row_maker(model: type[models.Model]) -> tuple[list[models.Field], Callable]:
    """The columns in COPY's order, and how to make one object's row for them.

    The fields taken as they are come first, read all at once by one attrgetter (in C): a
    function call per value was half of the Python side of the load.
    """
    fields = model._meta.concrete_fields
    plain = [field for field in fields if taken_as_is(field)]
    others = [field for field in fields if not taken_as_is(field)]
    # With one name attrgetter gives the value itself; the extra "pk" keeps it a tuple.
    values = attrgetter(*(field.attname for field in plain), "pk")
    readers = [value_reader(field) for field in others]

    def row(obj: models.Model) -> tuple:
        return values(obj)[:-1] + tuple(read(obj) for read in readers)

    return plain + others, row


def link_to_saved(model: type[models.Model], objects: list[models.Model]) -> None:
    """A relation set to an object saved since (`Parent(household=h)`) gets that object's key."""
    for field in model._meta.concrete_fields:
        if not field.is_relation:
            continue
        for obj in objects:
            if getattr(obj, field.attname) is None and field.is_cached(obj):
                related = field.get_cached_value(obj)
                if related is not None:
                    setattr(obj, field.attname, related.pk)


def new_keys(model: type[models.Model], count: int) -> list[int]:
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def taken_as_is(field: models.Field) -> bool:
    stamped = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    return type(field) in AS_IS and not stamped


def value_reader(field: models.Field) -> Callable:
    """How to get the value of a field that is not taken as it is."""
    attname = field.attname
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda obj: field.pre_save(obj, add=True)
    if isinstance(field, models.JSONField):
        return lambda obj: json_text(getattr(obj, attname), field.encoder)
    return lambda obj: field.get_db_prep_save(getattr(obj, attname), connection)


def json_text(value: object, encoder) -> str | None:
    return None if value is None else json.dumps(value, cls=encoder)
