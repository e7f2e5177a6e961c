"""The pieces every ledger's list filter is made of, so that a parameter means the same in every ledger,
on its page, in its API and in its Excel export. Malformed values are ignored rather than widening the
result; an unknown unit code gives nothing."""

import datetime
import unicodedata

from django.db.models import Model, QuerySet

from fazhi.deadlines.engine import due_soon_until
from fazhi.orgs.models import Organisation

from .personal import personal_lookup
from .services import today

TRUE = {"1", "true", "yes", "on", "是"}


def is_true(value) -> bool:
    return str(value or "").lower() in TRUE


def parse_id(value) -> int | None:
    """A record id from a query parameter, or None: not a number, or beyond what a database key holds."""
    text = str(value or "").strip()
    if not text.isdecimal() or len(text) > 18:
        return None
    return int(text)


def parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def in_unit(queryset: QuerySet, code: str | None, field: str = "org") -> QuerySet:
    """Records of the unit with this code and of the units below it."""
    if not code:
        return queryset
    unit = Organisation.objects.filter(code=code).first()
    if unit is None:
        return queryset.none()
    return queryset.filter(**{f"{field}__in": Organisation.objects.subtree_of([unit])})


def in_date_range(queryset: QuerySet, params, field: str, start_param: str, end_param: str) -> QuerySet:
    if start := parse_date(params.get(start_param)):
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end := parse_date(params.get(end_param)):
        queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset


def by_deadline(queryset: QuerySet, params, closed) -> QuerySet:
    """overdue=1: open records past their due date; due_soon=1: open records due within the engine's window."""
    open_only = queryset.exclude(status__in=closed)
    day = today()
    if is_true(params.get("overdue")):
        return open_only.filter(due_date__lt=day)
    if is_true(params.get("due_soon")):
        until = due_soon_until(day)
        return open_only.filter(due_date__gte=day, due_date__lte=until)
    return queryset


def by_party_contact(queryset: QuerySet, params, party_model: type[Model], record_field: str) -> QuerySet:
    """contact=…: records with a party whose ID number or phone is exactly this, however it is typed
    (spaces, dashes, full-width digits, a leading +86); id_number=… / phone=…: the same for one of the
    two. Found by keyed digest (the values themselves are stored encrypted), never by a partial match."""
    parties = party_model.objects.all()
    if value := (params.get("contact") or "").strip():
        id_number = "".join(ch for ch in unicodedata.normalize("NFKC", value) if ch.isalnum())
        matching = personal_lookup(parties, "id_number", id_number) | personal_lookup(parties, "phone", value)
        queryset = queryset.filter(pk__in=matching.values(record_field))
    for field in ("id_number", "phone"):
        if value := (params.get(field) or "").strip():
            matching = personal_lookup(parties, field, value).values(record_field)
            queryset = queryset.filter(pk__in=matching)
    return queryset
