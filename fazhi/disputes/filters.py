"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

import datetime

from django.db.models import Q, QuerySet

from fazhi.deadlines.engine import due_date
from fazhi.ledger.personal import digest_field_for
from fazhi.ledger.services import today
from fazhi.orgs.models import Organisation

from .models import STATES, Channel, Dispute, Party

DUE_SOON_WORKING_DAYS = 3
TRUE = {"1", "true", "yes", "on", "是"}


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _party_digest(field: str, value: str) -> str:
    from fazhi.crypto import lookup_hash

    return lookup_hash(digest_field_for(Party, field).kind, value)


def filter_disputes(queryset: QuerySet, params) -> QuerySet:
    """Narrow an already scoped queryset (``Dispute.objects.visible_to(user)``) by the request params.

    status, org (code; the unit and those below it), type (id), channel, received_from/received_to,
    overdue=1, due_soon=1, group=1, q (number, summary or party name), id_number / phone (exact, by digest).
    Unknown or malformed values are ignored rather than widening the result.
    """
    get = params.get
    if get("status") in STATES.labels:
        queryset = queryset.filter(status=get("status"))
    if get("org"):
        unit = Organisation.objects.filter(code=get("org")).first()
        queryset = (
            queryset.filter(org__in=Organisation.objects.subtree_of([unit])) if unit else queryset.none()
        )
    if get("type", "").isdigit():
        queryset = queryset.filter(dispute_type_id=int(get("type")))
    if get("channel") in Channel.values:
        queryset = queryset.filter(channel=get("channel"))
    if start := _date(get("received_from")):
        queryset = queryset.filter(received_on__gte=start)
    if end := _date(get("received_to")):
        queryset = queryset.filter(received_on__lte=end)
    open_only = queryset.exclude(status__in=STATES.closed)
    if get("overdue", "").lower() in TRUE:
        queryset = open_only.filter(due_date__lt=today())
    elif get("due_soon", "").lower() in TRUE:
        soon = due_date(today(), DUE_SOON_WORKING_DAYS, "工作日").due
        queryset = open_only.filter(due_date__gte=today(), due_date__lte=soon)
    if get("group", "").lower() in TRUE:
        queryset = queryset.filter(is_group=True)
    if q := (get("q") or "").strip():
        named = Party.objects.filter(name__icontains=q).values("dispute_id")
        queryset = queryset.filter(Q(number__icontains=q) | Q(summary__icontains=q) | Q(pk__in=named))
    for field in ("id_number", "phone"):
        if value := (get(field) or "").strip():
            digest = _party_digest(field, value)
            matching = Party.objects.filter(**{f"{field}_digest": digest}).values("dispute_id")
            queryset = queryset.filter(pk__in=matching)
    return queryset


def base_queryset(user) -> QuerySet:
    return Dispute.objects.visible_to(user).select_related("org", "dispute_type")
