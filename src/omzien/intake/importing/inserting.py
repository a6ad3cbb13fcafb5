"""Inserting the new rows of an import: COPY on PostgreSQL, bulk_create elsewhere.

For 100,000 registrations Django's preparation of every value and the SQL text of the large
INSERTs took most of the load. COPY takes the values as they are. The keys come from each
table's own sequence, so rows that others add meanwhile never collide with the import's.
"""

import json
from functools import cache

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
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    values = [value_reader(field) for field in fields]
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objects:
            copy.write_row([value(obj) for value in values])
    return objects


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


@cache
def value_reader(field: models.Field):
    """How to get one field's value for COPY, worked out once per field."""
    attname = field.attname
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda obj: field.pre_save(obj, add=True)
    if isinstance(field, models.JSONField):
        return lambda obj: json_text(getattr(obj, attname), field.encoder)
    if type(field) in AS_IS:
        return lambda obj: getattr(obj, attname)
    return lambda obj: field.get_db_prep_save(getattr(obj, attname), connection)


def json_text(value: object, encoder) -> str | None:
    return None if value is None else json.dumps(value, cls=encoder)
