"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

import datetime

from django.db.models import Q, QuerySet

from fazhi.deadlines.engine import due_date
from fazhi.ledger.services import today
from fazhi.orgs.models import Organisation

from .models import CASE_STATES, Case, CaseKind, CaseParty, CaseStage, Reminder, Suggestion, SuggestionKind

DUE_SOON_WORKING_DAYS = 3
TRUE = {"1", "true", "yes", "on", "是"}


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _in_unit(queryset: QuerySet, code: str | None) -> QuerySet:
    if not code:
        return queryset
    unit = Organisation.objects.filter(code=code).first()
    return queryset.filter(org__in=Organisation.objects.subtree_of([unit])) if unit else queryset.none()


def _deadline(queryset: QuerySet, params, closed) -> QuerySet:
    open_only = queryset.exclude(status__in=closed)
    if params.get("overdue", "").lower() in TRUE:
        return open_only.filter(due_date__lt=today())
    if params.get("due_soon", "").lower() in TRUE:
        soon = due_date(today(), DUE_SOON_WORKING_DAYS, "工作日").due
        return open_only.filter(due_date__gte=today(), due_date__lte=soon)
    return queryset


def filter_cases(queryset: QuerySet, params) -> QuerySet:
    """Narrow an already scoped queryset (``Case.objects.visible_to(user)``).

    kind, stage, status, outcome, org (code; with the units below it), received_from/received_to (copy
    received), overdue=1, due_soon=1, q (number, case number, court, act or party name).
    Unknown or malformed values are ignored rather than widening the result.
    """
    get = params.get
    if get("kind") in CaseKind.values:
        queryset = queryset.filter(kind=get("kind"))
    if get("stage") in CaseStage.values:
        queryset = queryset.filter(stage=get("stage"))
    if get("status") in CASE_STATES.labels:
        queryset = queryset.filter(status=get("status"))
    if get("outcome"):
        queryset = queryset.filter(outcome=get("outcome"))
    queryset = _in_unit(queryset, get("org"))
    if start := _date(get("received_from")):
        queryset = queryset.filter(copy_received_on__gte=start)
    if end := _date(get("received_to")):
        queryset = queryset.filter(copy_received_on__lte=end)
    queryset = _deadline(queryset, params, CASE_STATES.closed)
    if q := (get("q") or "").strip():
        named = CaseParty.objects.filter(name__icontains=q).values("case_id")
        queryset = queryset.filter(
            Q(number__icontains=q)
            | Q(external_number__icontains=q)
            | Q(court__icontains=q)
            | Q(disputed_act__icontains=q)
            | Q(pk__in=named)
        )
    return queryset


def filter_suggestions(queryset: QuerySet, params) -> QuerySet:
    get = params.get
    if get("kind") in SuggestionKind.values:
        queryset = queryset.filter(kind=get("kind"))
    if get("status") in Suggestion.STATES.labels:
        queryset = queryset.filter(status=get("status"))
    queryset = _in_unit(queryset, get("org"))
    if start := _date(get("received_from")):
        queryset = queryset.filter(received_on__gte=start)
    if end := _date(get("received_to")):
        queryset = queryset.filter(received_on__lte=end)
    queryset = _deadline(queryset, params, Suggestion.STATES.closed)
    if q := (get("q") or "").strip():
        queryset = queryset.filter(
            Q(number__icontains=q)
            | Q(issuer__icontains=q)
            | Q(content__icontains=q)
            | Q(letter_number__icontains=q)
        )
    return queryset


def filter_reminders(queryset: QuerySet, params) -> QuerySet:
    get = params.get
    if get("status") in Reminder.STATES.labels:
        queryset = queryset.filter(status=get("status"))
    queryset = _in_unit(queryset, get("org"))
    queryset = _deadline(queryset, params, Reminder.STATES.closed)
    if q := (get("q") or "").strip():
        queryset = queryset.filter(Q(number__icontains=q) | Q(matter__icontains=q))
    return queryset


def case_queryset(user) -> QuerySet:
    return Case.objects.visible_to(user).select_related("org", "previous")


def suggestion_queryset(user) -> QuerySet:
    return Suggestion.objects.visible_to(user).select_related("org")


def reminder_queryset(user) -> QuerySet:
    return Reminder.objects.visible_to(user).select_related("org", "to_unit")
