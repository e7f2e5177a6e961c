"""The learning lists, declared once (``fazhi.ledger.filters``): study sessions, 普法 events, legal
services, leaders' acts, 法律明白人 and law exams — their filters (the same meaning on the page, in the API
and in the Excel export; the API's parameters and the page's form come from here) and their columns.

Every list takes org (a unit code: the unit and those below it), from/to (the activity's date) and q (the
text of the record); the activity lists also kind. Malformed values are ignored rather than widening the
result (an export refuses them)."""

from django.db.models import QuerySet

from fazhi.ledger.filters import Choice, DateRange, LedgerFilterSet, ListColumn, Search, Unit

from .models import (
    ActKind,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
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
