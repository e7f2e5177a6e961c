"""The list, declared once: filters and columns for the list page, the API (its parameters) and the export."""

from django.db.models import QuerySet

from fazhi.ledger.filters import Choice, Deadline, LedgerFilterSet, ListColumn, Search, Unit

from .models import STATES, Notice

FILTERS = LedgerFilterSet(
    Choice("status", "状态", STATES.choices),
    Unit("org", "承办单位"),
    Deadline(STATES.closed),
    Search("编号、事项名称", ("number", "title")),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("事项名称", "title"),
        ListColumn("承办单位", "org__path", key="org"),
        ListColumn("交办日期", "issued_on"),
        ListColumn("状态", "status"),
        ListColumn("办理期限", "due_date"),
    ),
)


def queryset(user, *, write: bool = False) -> QuerySet:
    return Notice.objects.visible_to(user, write=write).select_related("org")
