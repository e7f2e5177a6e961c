"""Database details kept in one place so the rest of the code stays portable to PostgreSQL-compatible
domestic databases (信创: 达梦, 人大金仓, 瀚高 … through their Django backends).

Query-planner statistics after bulk writes: SQLite keeps no statistics until ANALYZE runs; without them it
picks the status index for a list ordered by date and sorts every matching row (59 ms instead of 25 ms for
the demo's disputes, and far worse at a million rows). PostgreSQL's autovacuum analyzes eventually; running
it at once after a bulk load makes the next queries right from the start. Other databases keep their own
statistics (a bare ANALYZE is not their syntax), so they are left to it.
"""

from django.core.exceptions import MultipleObjectsReturned
from django.db import connection

BULK_ROWS = 1000  # fewer new rows than this do not change a plan
ANALYZE_VENDORS = {"sqlite", "postgresql"}


def refresh_planner_statistics() -> None:
    if connection.vendor not in ANALYZE_VENDORS:
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def locked_row(queryset):
    """The one row ``queryset`` names (a unique key or a one-row table), locked to the end of the
    transaction, or None. Not ``select_for_update().first()``: its ORDER BY … LIMIT 1 FOR UPDATE is refused
    by some compatible databases' backends (达梦's among them)."""
    rows = list(queryset.select_for_update())
    if len(rows) > 1:
        raise MultipleObjectsReturned(f"{queryset.model.__name__}: 应只有一行，查到 {len(rows)} 行")
    return rows[0] if rows else None
