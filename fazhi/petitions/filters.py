"""The ledger's lists, declared once (``fazhi.ledger.filters``): petitions, citizen demands and 居民议事会 —
their filters (the same meaning on the page, in the API and in the Excel export; the API's parameters and
the page's form come from here) and their columns."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filters import (
    Choice,
    Contact,
    DateRange,
    Deadline,
    Flag,
    LedgerFilterSet,
    ListColumn,
    Search,
    Unit,
)

from .models import DEMAND_STATES, STATES, Channel, CitizenDemand, Form, Petition, ResidentCouncil

PETITION_FILTERS = LedgerFilterSet(
    Choice("status", "状态", STATES.choices),
    Unit("org", "单位"),
    Choice("form", "形式", Form.choices),
    DateRange("received_on", "收到日期", "received_from", "received_to"),
    Deadline(STATES.closed),
    Flag("leader", "领导接访日", Q(leader_reception=True)),
    Flag("group", "集体访", Q(is_group=True)),
    Flag("transferred", "转送、交办", ~Q(transferred_from="")),
    Search("编号、信访事项、信访人姓名", ("number", "matter", "parties__name")),
    Contact(),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("收到日期", "received_on"),
        ListColumn("形式", "form"),
        ListColumn("信访人"),
        ListColumn("人数", "persons"),
        ListColumn("承办单位", "org__path"),
        ListColumn("状态", "status"),
        ListColumn("当前期限", "due_date"),
    ),
)

DEMAND_FILTERS = LedgerFilterSet(
    Choice("status", "状态", DEMAND_STATES.choices),
    Unit("org", "单位"),
    Choice("channel", "渠道", Channel.choices),
    DateRange("received_on", "受理日期", "received_from", "received_to"),
    Deadline(DEMAND_STATES.closed),
    Flag("resolved", "已解决", Q(resolved=True)),
    Search("编号、工单编号、诉求内容", ("number", "external_number", "content")),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("渠道", "channel"),
        ListColumn("工单编号"),
        ListColumn("受理日期", "received_on"),
        ListColumn("类别", "category"),
        ListColumn("承办单位", "org__path"),
        ListColumn("状态", "status"),
        ListColumn("办理时限", "due_date"),
    ),
)

COUNCIL_FILTERS = LedgerFilterSet(
    Unit("org", "社区"),
    DateRange("held_on", "召开日期", "held_from", "held_to"),
    Search("编号、议题", ("number", "topics")),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("社区", "org__path"),
        ListColumn("召开日期", "held_on"),
        ListColumn("提出议题", "topics_raised"),
        ListColumn("解决议题", "topics_resolved"),
        ListColumn("参加人数", "participants"),
    ),
)


def petition_queryset(user, *, write: bool = False) -> QuerySet:
    return Petition.objects.visible_to(user, write=write).select_related("org", "dispute")


def demand_queryset(user, *, write: bool = False) -> QuerySet:
    return CitizenDemand.objects.visible_to(user, write=write).select_related("org")


def council_queryset(user, *, write: bool = False) -> QuerySet:
    return ResidentCouncil.objects.visible_to(user, write=write).select_related("org")
