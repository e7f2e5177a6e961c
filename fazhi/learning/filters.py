"""The learning lists, declared once (``fazhi.ledger.filters``): study sessions, 普法 events, legal
services, leaders' acts, 法律明白人, law exams, community legal advisers and 民主法治示范社区 — their filters (the same meaning on the page, in the API
and in the Excel export; the API's parameters and the page's form come from here) and their columns.

Every list takes org (a unit code: the unit and those below it), from/to (the activity's date) and q (the
text of the record); the activity lists also kind. Malformed values are ignored rather than widening the
result (an export refuses them)."""

from django.db.models import Q, QuerySet

from fazhi.dates import today
from fazhi.ledger.filters import Choice, DateRange, Flag, LedgerFilterSet, ListColumn, Search, Unit

from .models import (
    ActKind,
    AdviserAssignment,
    ExamRound,
    HonourLevel,
    LeadershipAct,
    LegalLiterate,
    ModelCommunity,
    PufaEvent,
    PufaKind,
    ServiceKind,
    ServiceRecord,
    StudyKind,
    StudySession,
)

UNIT = ListColumn("组织单位", "org__path", key="org")


def _dates(field: str) -> DateRange:
    return DateRange(field, "日期", "from", "to")


SESSION_FILTERS = LedgerFilterSet(
    Choice("kind", "类别", StudyKind.choices),
    Unit("org", "单位"),
    _dates("held_on"),
    Search("主题、学习内容、主讲人", ("title", "topics", "speaker")),
    columns=(
        ListColumn("主题", "title"),
        ListColumn("日期", "held_on"),
        ListColumn("类别", "kind"),
        UNIT,
        ListColumn("参加对象", "audience"),
        ListColumn("参加人次", "attendance"),
        ListColumn("主要负责人主持", "hosted_by_head"),
    ),
)

EVENT_FILTERS = LedgerFilterSet(
    Choice("kind", "类别", PufaKind.choices),
    Unit("org", "单位"),
    _dates("held_on"),
    Search("活动名称、地点、面向群体", ("title", "place", "audience")),
    columns=(
        ListColumn("活动名称", "title"),
        ListColumn("日期", "held_on"),
        ListColumn("类别", "kind"),
        UNIT,
        ListColumn("惠及群众", "people_reached"),
        ListColumn("法律咨询", "consultations"),
        ListColumn("宣传资料"),
    ),
)

SERVICE_FILTERS = LedgerFilterSet(
    Choice("kind", "类别", ServiceKind.choices),
    Unit("org", "单位"),
    _dates("served_on"),
    Search("事项摘要、律师或法律顾问", ("summary", "lawyer")),
    columns=(
        ListColumn("服务", "kind"),
        ListColumn("日期", "served_on"),
        ListColumn("驿站或法律顾问室", "org__path", key="org"),
        ListColumn("服务对象", "client_kind"),
        ListColumn("律师或法律顾问", "lawyer"),
        ListColumn("事项摘要"),
    ),
)

ACT_FILTERS = LedgerFilterSet(
    Choice("kind", "类别", ActKind.choices),
    Unit("org", "单位"),
    _dates("held_on"),
    Search("事项、内容、负责人", ("title", "topics", "leader")),
    columns=(
        ListColumn("事项", "title"),
        ListColumn("日期", "held_on"),
        ListColumn("类别", "kind"),
        ListColumn("负责人", "leader"),
        ListColumn("单位", "org__path", key="org"),
        ListColumn("包案纠纷或信访"),
    ),
)

LITERATE_FILTERS = LedgerFilterSet(
    Unit("org", "社区"),
    DateRange("appointed_on", "聘任日期", "from", "to"),
    Search("姓名、身份", ("name", "occupation")),
    columns=(
        ListColumn("姓名", "name"),
        ListColumn("社区", "org__path", key="org"),
        ListColumn("身份", "occupation"),
        ListColumn("聘任日期", "appointed_on"),
        ListColumn("参加培训次数", "trainings_attended"),
        ListColumn("在册"),
    ),
)

EXAM_FILTERS = LedgerFilterSet(
    Unit("org", "单位"),
    _dates("held_on"),
    Search("考试名称", ("title",)),
    columns=(
        ListColumn("考试名称", "title"),
        ListColumn("日期", "held_on"),
        UNIT,
        ListColumn("应考", "enrolled"),
        ListColumn("参考", "sat"),
        ListColumn("优秀", "excellent"),
    ),
)


def _in_term(queryset):
    day = today()
    return queryset.filter(Q(term_end__isnull=True) | Q(term_end__gte=day), term_start__lte=day)


ADVISER_FILTERS = LedgerFilterSet(
    Unit("org", "社区"),
    DateRange("term_start", "聘期开始", "from", "to"),
    Flag("in_term", "今天在聘的", _in_term),
    Search("律师、律师事务所、值班安排", ("lawyer", "law_firm", "rota")),
    columns=(
        ListColumn("法律顾问", "lawyer"),
        ListColumn("社区", "org__path", key="org"),
        ListColumn("律师事务所", "law_firm"),
        ListColumn("聘期开始", "term_start"),
        ListColumn("聘期结束", "term_end"),
        ListColumn("值班安排"),
        ListColumn("联系电话"),
    ),
)

HONOUR_FILTERS = LedgerFilterSet(
    Choice("level", "级别", HonourLevel.choices),
    Unit("org", "社区"),
    DateRange("awarded_on", "命名日期", "from", "to"),
    Flag("held", "仍保有称号的", Q(revoked_on__isnull=True)),
    Search("荣誉称号、命名机关", ("title", "awarded_by")),
    columns=(
        ListColumn("荣誉称号", "title"),
        ListColumn("社区", "org__path", key="org"),
        ListColumn("级别", "level"),
        ListColumn("命名日期", "awarded_on"),
        ListColumn("命名机关", "awarded_by"),
        ListColumn("撤销命名日期", "revoked_on"),
    ),
)


def sessions(user, *, write: bool = False) -> QuerySet:
    return StudySession.objects.visible_to(user, write=write).select_related("org")


def events(user, *, write: bool = False) -> QuerySet:
    return PufaEvent.objects.visible_to(user, write=write).select_related("org").prefetch_related("materials")


def services(user, *, write: bool = False) -> QuerySet:
    return ServiceRecord.objects.visible_to(user, write=write).select_related("org")


def acts(user, *, write: bool = False) -> QuerySet:
    return LeadershipAct.objects.visible_to(user, write=write).select_related("org", "dispute", "petition")


def literates(user, *, write: bool = False) -> QuerySet:
    return LegalLiterate.objects.visible_to(user, write=write).select_related("org")


def exams(user, *, write: bool = False) -> QuerySet:
    return ExamRound.objects.visible_to(user, write=write).select_related("org")


def advisers(user, *, write: bool = False) -> QuerySet:
    return AdviserAssignment.objects.visible_to(user, write=write).select_related("org")


def honours(user, *, write: bool = False) -> QuerySet:
    return ModelCommunity.objects.visible_to(user, write=write).select_related("org")
