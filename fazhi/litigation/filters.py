"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere); the case
list is declared once (its parameters in the API and its form on the page come from here)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import by_deadline, in_date_range, in_unit
from fazhi.ledger.filters import (
    Choice,
    Contact,
    DateRange,
    Deadline,
    LedgerFilterSet,
    ListColumn,
    Search,
    Unit,
)

from .models import (
    CASE_STATES,
    Case,
    CaseKind,
    CaseStage,
    LitigationOutcome,
    Reminder,
    Suggestion,
    SuggestionKind,
)

CASE_FILTERS = LedgerFilterSet(
    Choice("kind", "类别", CaseKind.choices),
    Choice("stage", "审级", CaseStage.choices),
    Choice("status", "状态", CASE_STATES.choices),
    Choice("outcome", "结果", LitigationOutcome.choices),
    Unit("org", "单位"),
    DateRange("copy_received_on", "收到副本", "received_from", "received_to"),
    Deadline(CASE_STATES.closed, overdue="答辩已超期"),
    Search(
        "编号、案号、法院、当事人", ("number", "external_number", "court", "disputed_act", "parties__name")
    ),
    Contact(),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("类别", "kind"),
        ListColumn("案号", "external_number"),
        ListColumn("对方当事人"),
        ListColumn("责任单位", "org__path"),
        ListColumn("收到副本", "copy_received_on", key="received_on"),
        ListColumn("答辩（答复）期限", "reply_due"),
        ListColumn("状态", "status"),
        ListColumn("结果", "outcome"),
    ),
)


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


def case_queryset(user, *, write: bool = False) -> QuerySet:
    return Case.objects.visible_to(user, write=write).select_related("org", "previous")


def suggestion_queryset(user, *, write: bool = False) -> QuerySet:
    return Suggestion.objects.visible_to(user, write=write).select_related("org")


def reminder_queryset(user, *, write: bool = False) -> QuerySet:
    return Reminder.objects.visible_to(user, write=write).select_related("org", "to_unit")
