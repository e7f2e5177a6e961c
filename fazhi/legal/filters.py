"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import by_deadline, choice, flag, in_date_range, in_unit

from .models import STATES, ReviewItem, ReviewKind, ReviewOpinion


def filter_items(queryset: QuerySet, params, *, user=None) -> QuerySet:
    """Narrow an already scoped queryset (``ReviewItem.objects.visible_to(user)``) by the request params.

    status, kind, opinion, org (unit holding the item, with those below it), submitted_by (code, with
    those below), submitted_from/submitted_to, overdue=1, due_soon=1, to_file=1 (contracts to be
    filed and not yet filed), q (number, title, counterparty). Malformed values are ignored rather
    than widening the result; an unknown unit code gives nothing. ``user`` is taken for the kit's one
    filter signature: review items have no parties to look up by ID number or phone.
    """
    get = params.get
    if status := choice(params, "status", STATES.labels):
        queryset = queryset.filter(status=status)
    if kind := choice(params, "kind", ReviewKind.values):
        queryset = queryset.filter(kind=kind)
    if opinion := choice(params, "opinion", ReviewOpinion.values):
        queryset = queryset.filter(opinion=opinion)
    queryset = in_unit(queryset, get("org"), params=params)
    queryset = in_unit(queryset, get("submitted_by"), field="submitted_by", params=params)
    queryset = in_date_range(queryset, params, "submitted_on", "submitted_from", "submitted_to")
    queryset = by_deadline(queryset, params, STATES.closed)
    if flag(params, "to_file"):
        queryset = queryset.filter(requires_filing=True, filed_on__isnull=True).exclude(
            opinion=ReviewOpinion.UNLAWFUL
        )
    if q := (get("q") or "").strip():
        queryset = queryset.filter(
            Q(number__icontains=q) | Q(title__icontains=q) | Q(counterparty__icontains=q)
        )
    return queryset


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return ReviewItem.objects.visible_to(user, write=write).select_related(
        "org", "submitted_by", "reviewer_org", "reviewer"
    )
