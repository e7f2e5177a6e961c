"""The dispute list, declared once: its filters (the same meaning on the page, in the API and in the
Excel export; the API's parameters and the page's form come from here) and its columns."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filters import (
    Choice,
    Contact,
    DateRange,
    Deadline,
    Flag,
    LedgerFilterSet,
    ListColumn,
    Ref,
    Search,
    Unit,
)

from .models import STATES, Channel, Dispute, DisputeType

FILTERS = LedgerFilterSet(
    Choice("status", "状态", STATES.choices),
    Unit("org", "单位"),
    Ref("type", "类型", "dispute_type", DisputeType),
    Choice("channel", "渠道", Channel.choices),
    DateRange("received_on", "受理日期", "received_from", "received_to"),
    DateRange("concluded_on", "办结日期", "concluded_from", "concluded_to"),
    Deadline(STATES.closed),
    Flag("group", "群体性", Q(is_group=True)),
    Search("编号、简况、当事人姓名", ("number", "summary", "parties__name")),
    Contact(),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("受理日期", "received_on"),
        ListColumn("类型", "dispute_type__order", key="type"),
        ListColumn("当事人"),
        ListColumn("简况"),
        ListColumn("承办单位", "org__path"),
        ListColumn("承办人", "handler"),
        ListColumn("状态", "status"),
        ListColumn("办理期限", "due_date"),
    ),
)


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return Dispute.objects.visible_to(user, write=write).select_related("org", "dispute_type")
