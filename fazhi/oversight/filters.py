"""The oversight lists, declared once (``fazhi.ledger.filters``): suggestions and 提醒函 — their filters (the
same meaning on the page, in the API and in the Excel export; the API's parameters and the page's form come
from here) and their columns."""

from django.db.models import QuerySet

from fazhi.ledger.filters import Choice, DateRange, Deadline, LedgerFilterSet, ListColumn, Search, Unit

from .models import Level, Reminder, Role, Suggestion, SuggestionKind

SUGGESTION_FILTERS = LedgerFilterSet(
    Choice("kind", "类别", SuggestionKind.choices),
    Choice("level", "级别", Level.choices),
    Choice("role", "办理类型", Role.choices),
    Choice("status", "状态", Suggestion.STATES.choices),
    Unit("org", "单位"),
    DateRange("received_on", "收到日期", "received_from", "received_to"),
    Deadline(Suggestion.STATES.closed),
    Search("编号、发出机关、内容、文号", ("number", "issuer", "content", "letter_number")),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("类别", "kind"),
        ListColumn("发出机关", "issuer"),
        ListColumn("收到日期", "received_on"),
        ListColumn("回复期限", "reply_due"),
        ListColumn("回复"),
    ),
)

REMINDER_FILTERS = LedgerFilterSet(
    Choice("status", "状态", Reminder.STATES.choices),
    Unit("org", "单位"),
    Deadline(Reminder.STATES.closed),
    Search("编号、提醒事项", ("number", "matter")),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("被提醒单位", "to_unit__path", key="to_unit"),
        ListColumn("发出日期", "issued_on"),
        ListColumn("提醒事项"),
        ListColumn("反馈期限", "due_date"),
        ListColumn("状态", "status"),
    ),
)


def suggestion_queryset(user, *, write: bool = False) -> QuerySet:
    return (
        Suggestion.objects.visible_to(user, write=write)
        .select_related("org")
        .prefetch_related("handlers__unit", "contacts", "measures")
    )


def reminder_queryset(user, *, write: bool = False) -> QuerySet:
    return Reminder.objects.visible_to(user, write=write).select_related("org", "to_unit")
