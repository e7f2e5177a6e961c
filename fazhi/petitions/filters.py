"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import by_deadline, by_party_contact, choice, flag, in_date_range, in_unit

from .models import DEMAND_STATES, STATES, Channel, CitizenDemand, Form, Petition, Petitioner, ResidentCouncil


def filter_petitions(queryset: QuerySet, params, *, user) -> QuerySet:
    """status, org (code; with the units below), form, received_from/received_to, overdue=1, due_soon=1,
    group=1, leader=1 (领导接访日), transferred=1, q (number, matter or petitioner's name), contact /
    id_number / phone (exact, by digest; only where ``user`` sees personal data)."""
    get = params.get
    if status := choice(params, "status", STATES.labels):
        queryset = queryset.filter(status=status)
    queryset = in_unit(queryset, get("org"), params=params)
    if form := choice(params, "form", Form.values):
        queryset = queryset.filter(form=form)
    queryset = in_date_range(queryset, params, "received_on", "received_from", "received_to")
    queryset = by_deadline(queryset, params, STATES.closed)
    if flag(params, "group"):
        queryset = queryset.filter(is_group=True)
    if flag(params, "leader"):
        queryset = queryset.filter(leader_reception=True)
    if flag(params, "transferred"):
        queryset = queryset.exclude(transferred_from="")
    if q := (get("q") or "").strip():
        named = Petitioner.objects.filter(name__icontains=q).values("petition_id")
        queryset = queryset.filter(Q(number__icontains=q) | Q(matter__icontains=q) | Q(pk__in=named))
    return by_party_contact(queryset, params, Petitioner, "petition_id", user=user)


def petition_queryset(user, *, write: bool = False) -> QuerySet:
    return Petition.objects.visible_to(user, write=write).select_related("org", "dispute")


def filter_demands(queryset: QuerySet, params, *, user) -> QuerySet:
    """status, org, channel, received_from/received_to, overdue=1, due_soon=1, resolved=1, q (number,
    platform ticket or content)."""
    get = params.get
    if status := choice(params, "status", DEMAND_STATES.labels):
        queryset = queryset.filter(status=status)
    queryset = in_unit(queryset, get("org"), params=params)
    if channel := choice(params, "channel", Channel.values):
        queryset = queryset.filter(channel=channel)
    queryset = in_date_range(queryset, params, "received_on", "received_from", "received_to")
    queryset = by_deadline(queryset, params, DEMAND_STATES.closed)
    if flag(params, "resolved"):
        queryset = queryset.filter(resolved=True)
    if q := (get("q") or "").strip():
        queryset = queryset.filter(
            Q(number__icontains=q) | Q(external_number__icontains=q) | Q(content__icontains=q)
        )
    return queryset


def demand_queryset(user, *, write: bool = False) -> QuerySet:
    return CitizenDemand.objects.visible_to(user, write=write).select_related("org")


def filter_councils(queryset: QuerySet, params, *, user) -> QuerySet:
    """org, held_from/held_to, q (number or topics)."""
    queryset = in_unit(queryset, params.get("org"), params=params)
    queryset = in_date_range(queryset, params, "held_on", "held_from", "held_to")
    if q := (params.get("q") or "").strip():
        queryset = queryset.filter(Q(number__icontains=q) | Q(topics__icontains=q))
    return queryset


def council_queryset(user, *, write: bool = False) -> QuerySet:
    return ResidentCouncil.objects.visible_to(user, write=write).select_related("org")
