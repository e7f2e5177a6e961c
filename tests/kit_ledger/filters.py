"""The list filter shared by the list page, the API and the Excel export."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import by_deadline, choice, in_unit

from .models import STATES, Notice


def queryset(user, *, write: bool = False) -> QuerySet:
    return Notice.objects.visible_to(user, write=write).select_related("org")


def filter_notices(queryset: QuerySet, params, *, user=None) -> QuerySet:
    """status, org (with the units below it), overdue=1, due_soon=1, q (number or title); malformed values
    are ignored, never widening the result."""
    if status := choice(params, "status", STATES.labels):
        queryset = queryset.filter(status=status)
    queryset = in_unit(queryset, params.get("org"), params=params)
    queryset = by_deadline(queryset, params, STATES.closed)
    if q := (params.get("q") or "").strip():
        queryset = queryset.filter(Q(number__icontains=q) | Q(title__icontains=q))
    return queryset
