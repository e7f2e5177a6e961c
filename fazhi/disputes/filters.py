"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import (
    by_deadline,
    by_party_contact,
    choice,
    flag,
    id_param,
    in_date_range,
    in_unit,
)

from .models import STATES, Channel, Dispute, Party


def filter_disputes(queryset: QuerySet, params, *, user) -> QuerySet:
    """Narrow an already scoped queryset (``Dispute.objects.visible_to(user)``) by the request params.

    status, org (code; the unit and those below it), type (id), channel, received_from/received_to,
    overdue=1, due_soon=1, group=1, q (number, summary or party name), contact (a party's ID number or
    phone) and id_number / phone (exact, by digest; only for ``user`` where they see personal data).
    Unknown or malformed values are ignored rather than widening the result (an export refuses them).
    """
    get = params.get
    if status := choice(params, "status", STATES.labels):
        queryset = queryset.filter(status=status)
    queryset = in_unit(queryset, get("org"), params=params)
    if (type_id := id_param(params, "type")) is not None:
        queryset = queryset.filter(dispute_type_id=type_id)
    if channel := choice(params, "channel", Channel.values):
        queryset = queryset.filter(channel=channel)
    queryset = in_date_range(queryset, params, "received_on", "received_from", "received_to")
    queryset = by_deadline(queryset, params, STATES.closed)
    if flag(params, "group"):
        queryset = queryset.filter(is_group=True)
    if q := (get("q") or "").strip():
        named = Party.objects.filter(name__icontains=q).values("dispute_id")
        queryset = queryset.filter(Q(number__icontains=q) | Q(summary__icontains=q) | Q(pk__in=named))
    queryset = by_party_contact(queryset, params, Party, "dispute_id", user=user)
    return queryset


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return Dispute.objects.visible_to(user, write=write).select_related("org", "dispute_type")
