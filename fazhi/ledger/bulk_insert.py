"""``QuerySet.bulk_create`` without its per-value SQL compilation, for the kit's batch writer.

Importing 2,000 disputes spent most of its writing time in bulk_create's compiler: for every value of
every row it looks for expressions and placeholders, builds a (sql, params) pair and flattens them again
(some 100,000 times). Plain new rows need none of that: each value is still prepared by its field exactly
as bulk_create prepares it (``pre_save`` then ``get_db_prep_save``: auto_now, the SM4 encryption and
lookup digests of personal data, dates and decimals for the database), and the rows go in as one
multi-row INSERT … RETURNING per batch, the primary keys set on the instances as bulk_create sets them.

Anything unusual goes to bulk_create itself: a backend that cannot return rows from a multi-row insert,
a primary key that is not the database's own, a parent model, a field with its own placeholder SQL, or a
value that is an expression (a database default, an F()).
"""

import re

from django.db import connections, router

_PLAIN_TYPE = re.compile(
    r"smallint|integer|bigint|serial|bigserial|boolean|date|time|timestamp with time zone|uuid|text|varchar"
    r"|numeric|double precision|real|interval|jsonb|inet"
)


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
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        row = []
        for field in fields:
            value = field.pre_save(obj, add=True)
            if hasattr(value, "resolve_expression"):
                return model.objects.bulk_create(objs, batch_size=batch_size)
            row.append(field.get_db_prep_save(value, connection=connection))
        rows.append(row)
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(opts.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
    returning = f" RETURNING {quote(opts.pk.column)}"
    types = _unnest_types(fields, connection)
    if types:
        # PostgreSQL: one array per column (INSERT … SELECT * FROM unnest(…)), a short statement whatever the
        # number of rows; a VALUES list of 2,000 rows is a statement of 30,000 placeholders that the driver
        # rewrites ($1, $2 …) on every batch, slower than the database's writing.
        sql = head + "SELECT * FROM unnest(" + ", ".join(types) + ")" + returning
        size = batch_size
    else:
        placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
        size = max(1, min(batch_size, connection.ops.bulk_batch_size(fields, objs)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            if types:
                cursor.execute(sql, [list(column) for column in zip(*batch, strict=True)])
            else:
                values = ", ".join([placeholder] * len(batch))
                cursor.execute(head + "VALUES " + values + returning, [value for row in batch for value in row])
            keys = [found[0] for found in cursor.fetchall()]
            if len(keys) != len(batch):
                raise RuntimeError(f"插入{len(batch)}行，数据库返回了{len(keys)}个主键")
            for obj, key in zip(objs[start : start + size], keys, strict=True):
                obj.pk = key
                obj._state.adding = False
                obj._state.db = using
    return objs


def _unnest_types(fields, connection) -> list[str] | None:
    """``(%s)::type[]`` for each field on PostgreSQL when every column has a plain scalar type (no
    precision: varchar[] takes any length); None elsewhere. The ledger's own fields (encrypted text,
    lookup digests) are text and varchar columns, so their type is taken from the column, not the class."""
    if connection.vendor != "postgresql":
        return None
    types = []
    for field in fields:
        db_type = (field.db_type(connection) or "").split("(")[0].strip()
        if not _PLAIN_TYPE.fullmatch(db_type):
            return None
        types.append(f"(%s)::{db_type}[]")
    return types


def _plain(model, objs, fields, connection) -> bool:
    opts = model._meta
    return (
        connection.features.can_return_rows_from_bulk_insert
        and not opts.parents
        and getattr(opts.pk, "db_returning", False)
        and all(obj.pk is None for obj in objs)
        and not any(hasattr(f, "get_placeholder_sql") or hasattr(f, "get_placeholder") for f in fields)
    )
