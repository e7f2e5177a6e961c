"""``QuerySet.bulk_create`` without its per-value SQL compilation, for the kit's batch writer.

Importing 2,000 disputes spent most of its writing time in bulk_create's compiler: for every value of
every row it looks for expressions and placeholders, builds a (sql, params) pair and flattens them again
(some 100,000 times). Plain new rows need none of that: each value is still prepared by its field exactly
as bulk_create prepares it (``pre_save`` then ``get_db_prep_save``: auto_now, the SM4 encryption and
lookup digests of personal data, dates and decimals for the database), and the rows go in through COPY on
PostgreSQL and as one multi-row INSERT … RETURNING per batch elsewhere, the primary keys set on the
instances as bulk_create sets them.

Anything unusual goes to bulk_create itself: a backend that cannot return rows from a multi-row insert,
a primary key that is not the database's own, a parent model, a field with its own placeholder SQL, or a
value that is an expression (a database default, an F()).
"""

import datetime

from django.db import connections, models, router
from django.db.models.fields import AutoFieldMixin


def insert_rows(model, objs: list, batch_size: int = 2000) -> list:
    """Insert ``objs`` (new ``model`` instances without primary keys); returns them with their keys."""
    if not objs:
        return objs
    using = router.db_for_write(model)
    connection = connections[using]
    opts = model._meta
    fields = [f for f in opts.concrete_fields if not f.generated and f is not opts.pk]
    if not _plain(model, objs, fields, connection):
        return model.objects.bulk_create(objs, batch_size=batch_size)
    plan = [(field, field.attname, *_as_is(field, connection)) for field in fields]
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        row = []
        for field, attname, kinds, adapt in plan:
            if kinds:
                value = getattr(obj, attname)
                if value is None or type(value) in kinds:
                    row.append(value if adapt is None or value is None else adapt(value))
                    continue
            value = field.pre_save(obj, add=True)
            if hasattr(value, "resolve_expression"):
                return model.objects.bulk_create(objs, batch_size=batch_size)
            row.append(field.get_db_prep_save(value, connection=connection))
        rows.append(row)
    if connection.vendor == "postgresql":
        keys = _copy(connection, opts, fields, rows)
    else:
        keys = _values(
            connection,
            opts,
            fields,
            rows,
            max(1, min(batch_size, connection.ops.bulk_batch_size(fields, objs))),
        )
    if len(keys) != len(objs):
        raise RuntimeError(f"插入{len(objs)}行，数据库返回了{len(keys)}个主键")
    for obj, key in zip(objs, keys, strict=True):
        obj.pk = key
        obj._state.adding = False
        obj._state.db = using
    return objs


def _values(connection, opts, fields, rows: list, size: int) -> list:
    """One multi-row INSERT … VALUES … RETURNING per batch of ``size`` rows; the new keys in row order."""
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(opts.db_table)} ({', '.join(quote(f.column) for f in fields)}) VALUES "
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    keys = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            sql = head + ", ".join([placeholder] * len(batch)) + f" RETURNING {quote(opts.pk.column)}"
            cursor.execute(sql, [value for row in batch for value in row])
            keys += [found[0] for found in cursor.fetchall()]
    return keys


def _copy(connection, opts, fields, rows: list) -> list:
    """PostgreSQL: the keys drawn from the table's own sequence in one query, then every row, key first, through
    COPY, which psycopg formats in C. A VALUES list of 2,000 rows is a statement of 30,000 placeholders the
    driver rewrites on every batch, and one array a column (unnest) has each array dumped in Python: both
    took longer than the database's writing. The keys come from the sequence the column's default uses, so
    later single inserts go on after them."""
    quote = connection.ops.quote_name
    table, pk = quote(opts.db_table), quote(opts.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, opts.pk.column, len(rows)],
        )
        keys = [found[0] for found in cursor.fetchall()]
        columns = ", ".join([pk, *(quote(f.column) for f in fields)])
        # Django wraps only execute and fetch in its own errors: a row the table refuses is an IntegrityError
        # here too, as it is from bulk_create.
        with connection.wrap_database_errors, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for key, row in zip(keys, rows, strict=True):
                copy.write_row((key, *row))
    return keys


_TEXT = (models.CharField, models.TextField)
_WHOLE = (
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
)


def _as_is(field, connection) -> tuple[tuple[type, ...], object]:
    """The value types Django's own preparation would hand to the database unchanged for ``field`` (and the
    backend's adapter where it only converts, as for dates), so the writer takes them without the field's
    five calls per value: 2,000 disputes and their parties are some 100,000 values. Only these exact classes:
    a subclass (the ledger's encrypted and digest fields, auto_now dates) may prepare its values itself, so it
    goes through ``pre_save`` and ``get_db_prep_save``, as does a value of another type here."""
    kind = type(field)
    if kind in _TEXT:
        return (str,), None
    if kind in _WHOLE:
        return (int,), None
    if kind is models.BooleanField:
        return (bool,), None
    if kind is models.DateField and not field.auto_now and not field.auto_now_add:
        return (datetime.date,), connection.ops.adapt_datefield_value
    if kind is models.ForeignKey and type(field.target_field) in (models.AutoField, models.BigAutoField):
        return (int,), None
    return (), None


def _plain(model, objs, fields, connection) -> bool:
    opts = model._meta
    return (
        connection.features.can_return_rows_from_bulk_insert
        and not opts.parents
        and isinstance(opts.pk, AutoFieldMixin)  # keys from the database's own sequence
        and all(obj.pk is None for obj in objs)
        and not any(hasattr(f, "get_placeholder_sql") or hasattr(f, "get_placeholder") for f in fields)
    )
