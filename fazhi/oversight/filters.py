"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import by_deadline, in_date_range, in_unit

from .models import Reminder, Suggestion, SuggestionKind


def filter_suggestions(queryset: QuerySet, params, *, user=None) -> QuerySet:
    get = params.get
    if get("kind") in SuggestionKind.values:
        queryset = queryset.filter(kind=get("kind"))
    if get("status") in Suggestion.STATES.labels:
        queryset = queryset.filter(status=get("status"))
    queryset = in_unit(queryset, get("org"))
    queryset = in_date_range(queryset, params, "received_on", "received_from", "received_to")
    queryset = by_deadline(queryset, params, Suggestion.STATES.closed)
    if q := (get("q") or "").strip():
        queryset = queryset.filter(
            Q(number__icontains=q)
            | Q(issuer__icontains=q)
            | Q(content__icontains=q)
            | Q(letter_number__icontains=q)
        )
    return queryset


def filter_reminders(queryset: QuerySet, params, *, user=None) -> QuerySet:
    get = params.get
    if get("status") in Reminder.STATES.labels:
        queryset = queryset.filter(status=get("status"))
    queryset = in_unit(queryset, get("org"))
    queryset = by_deadline(queryset, params, Reminder.STATES.closed)
    if q := (get("q") or "").strip():
        queryset = queryset.filter(Q(number__icontains=q) | Q(matter__icontains=q))
    return queryset


def suggestion_queryset(user, *, write: bool = False) -> QuerySet:
    return Suggestion.objects.visible_to(user, write=write).select_related("org")


def reminder_queryset(user, *, write: bool = False) -> QuerySet:
    return Reminder.objects.visible_to(user, write=write).select_related("org", "to_unit")
