"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

import datetime

from django.db.models import Q, QuerySet

from fazhi.deadlines.engine import due_date
from fazhi.ledger.services import today
from fazhi.orgs.models import Organisation

from .models import STATES, ReviewItem, ReviewKind, ReviewOpinion

DUE_SOON_WORKING_DAYS = 3
TRUE = {"1", "true", "yes", "on", "是"}


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _subtree(code: str):
    unit = Organisation.objects.filter(code=code).first()
    return Organisation.objects.subtree_of([unit]) if unit else None


def filter_items(queryset: QuerySet, params) -> QuerySet:
    """Narrow an already scoped queryset (``ReviewItem.objects.visible_to(user)``) by the request params.

    status, kind, opinion, org (unit holding the item, with those below it), submitted_by (code, with
    those below), submitted_from/submitted_to, overdue=1, due_soon=1, to_file=1 (contracts to be
    filed and not yet filed), q (number, title, counterparty). Malformed values are ignored rather
    than widening the result; an unknown unit code gives nothing.
    """
    get = params.get
    if get("status") in STATES.labels:
        queryset = queryset.filter(status=get("status"))
    if get("kind") in ReviewKind.values:
        queryset = queryset.filter(kind=get("kind"))
    if get("opinion") in ReviewOpinion.values:
        queryset = queryset.filter(opinion=get("opinion"))
    for param, field in (("org", "org__in"), ("submitted_by", "submitted_by__in")):
        if get(param):
            units = _subtree(get(param))
            queryset = queryset.filter(**{field: units}) if units is not None else queryset.none()
    if start := _date(get("submitted_from")):
        queryset = queryset.filter(submitted_on__gte=start)
    if end := _date(get("submitted_to")):
        queryset = queryset.filter(submitted_on__lte=end)
    open_only = queryset.exclude(status__in=STATES.closed)
    if get("overdue", "").lower() in TRUE:
        queryset = open_only.filter(due_date__lt=today())
    elif get("due_soon", "").lower() in TRUE:
        soon = due_date(today(), DUE_SOON_WORKING_DAYS, "工作日").due
        queryset = open_only.filter(due_date__gte=today(), due_date__lte=soon)
    if get("to_file", "").lower() in TRUE:
        queryset = queryset.filter(requires_filing=True, filed_on__isnull=True).exclude(
            opinion=ReviewOpinion.UNLAWFUL
        )
    if q := (get("q") or "").strip():
        queryset = queryset.filter(
            Q(number__icontains=q) | Q(title__icontains=q) | Q(counterparty__icontains=q)
        )
    return queryset


def base_queryset(user) -> QuerySet:
    return ReviewItem.objects.visible_to(user).select_related(
        "org", "submitted_by", "reviewer_org", "reviewer"
    )
