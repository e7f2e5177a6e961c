"""Figures of the enforcement ledger (NEXT-LEDGERS.md §1.1), declared in the figure registry.

Counting rules: a record counts for the units ``orgs`` when its unit is one of them.
- Case figures count cases by **立案日期** (案卷 made in the period), 撤销立案 left out (except the
  video patrol's dispatched cases, which were dispatched whatever came of them); penalties and the
  amounts fined or confiscated count decisions by **决定日期**; 公示 counts by **公示日期**.
- Inspection figures sum the batches held in the period (a batch carries its count of objects checked);
  a batch's 立案 is models.cases_filed_expression (its linked cases plus those filed outside the ledger).
- 专项行动 count the actions running at any time in the period (started by its end, not ended before its start).
- Roster figures count the dated events (新增, 调离, 注销, 遗失公告) in the period; training hours are kept
  per officer and year, and count for the years the period touches.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, Sum

from fazhi.figures.aggregate import Precompiled, counted_by
from fazhi.figures.registry import (
    better_when_higher,
    breakdown,
    figure,
    key_figures,
    ratio,
    shared,
    tally,
    trend_figures,
)

from .models import (
    NO_PENALTY,
    REVOKED,
    ActionKind,
    EnforcementCase,
    EventKind,
    Field,
    FileReview,
    InspectionBatch,
    ObjectKind,
    OfficerEvent,
    OfficerTraining,
    Procedure,
    Source,
    SpecialAction,
    cases_filed_expression,
)


def filed(orgs, start, end):
    return EnforcementCase.objects.filter(org__in=orgs, filed_on__gte=start, filed_on__lte=end).exclude(
        status=REVOKED
    )


NOT_REVOKED = ~Q(status=REVOKED)
PENALISED = ~Q(status__in=(NO_PENALTY, REVOKED))


def _filed(code, label, where, phrases=()):
    """Cases by 立案日期, 撤销立案 left out."""
    tally(code, label, "宗", model=EnforcementCase, on="filed_on", where=NOT_REVOKED & where, phrases=phrases)


def _inspected(code, label, unit, where=None, total=None, phrases=()):
    tally(code, label, unit, model=InspectionBatch, on="held_on", where=where, total=total, phrases=phrases)


def _roster(code, label, unit, kind):
    tally(code, label, unit, model=OfficerEvent, on="on", org_field="officer__org", where=Q(kind=kind))


_filed("enforcement.cases", "作出行政执法案卷", Q(), ("行政执法案卷", "执法案件", "立案查处"))
_filed("enforcement.cases.ordinary", "普通程序案件", Q(procedure=Procedure.ORDINARY), ("普通案件",))
_filed("enforcement.cases.simple", "简易程序案件", Q(procedure=Procedure.SIMPLE), ("简易案件",))
_filed("enforcement.cases.enterprise", "涉企行政处罚案件", Q(enterprise=True), ("涉企案件",))
_filed("enforcement.cases.av_recorded", "执法全过程音像记录完整的案件", Q(av_record=True))
# Cases whose source is the 智慧城管 video patrol's dispatch (案件来源 视频巡查派发, entered or imported from the
# platform's export through the case sheet), by 立案日期; a dispatched case later 撤销立案 was dispatched all the
# same, so it counts.
tally(
    "enforcement.video_dispatched", "派发视频巡查案件", "宗", model=EnforcementCase, on="filed_on",
    where=Q(source=Source.VIDEO), phrases=("派发视频巡查案件", "视频巡查案件"),
)  # fmt: skip
tally(
    "enforcement.penalties", "行政处罚", "次", model=EnforcementCase, on="decision_on", where=PENALISED,
    phrases=("作出行政处罚",),
)  # fmt: skip


tally(
    "enforcement.fines", "罚没金额", "元", model=EnforcementCase, on="decision_on", where=PENALISED,
    total=F("fine_amount") + F("confiscated_amount"), phrases=("经济行政罚款", "罚没款"),
)  # fmt: skip


ENTERPRISE = Q(object_kind=ObjectKind.ENTERPRISE)
_inspected(
    "enforcement.inspections", "执法检查企业", "次", ENTERPRISE, "objects_checked", ("检查企业", "执法检查")
)
_inspected(
    "enforcement.inspections.objects",
    "检查车辆、场所等对象",
    "个",
    ~ENTERPRISE,
    "objects_checked",
    ("检查相关车辆",),
)
# 立案 on what a batch found (观澜 2024's 百日攻坚: "检查相关车辆5741台，立案处罚82台"): the cases linked to the
# batch plus those it filed outside the ledger, by the batch's 检查日期 (the list's and the API's own rule).
_inspected(
    "enforcement.inspections.cases_filed", "检查中立案处罚", "宗", total=cases_filed_expression(),
    phrases=("立案处罚",),
)  # fmt: skip
_inspected("enforcement.hazards", "发现隐患", "条", total="hazards_found", phrases=("发现安全隐患",))
_inspected("enforcement.hazards.rectified", "整改隐患", "条", total="hazards_rectified")
_inspected(
    "enforcement.joint_actions", "联合执法", "次", Q(action__in=(ActionKind.JOINT, ActionKind.CROSS)),
    phrases=("大型联合执法",),
)  # fmt: skip
_inspected(
    "enforcement.random_checks",
    "“双随机、一公开”检查",
    "次",
    Q(random_check=True),
    phrases=("双随机、一公开",),
)
tally(
    "enforcement.published", "公示执法案件", "件", model=EnforcementCase, on="published_on",
    phrases=("双公示平台公示执法案件",),
)  # fmt: skip


# Decisions published in the period that had a 公示 deadline, and those published by it.
tally(
    "enforcement.published.with_due", "有公示期限的公示执法案件", "件", model=EnforcementCase, on="published_on",
    where=Q(publicity_due__isnull=False),
)  # fmt: skip
tally(
    "enforcement.published.on_time", "按时公示执法案件", "件", model=EnforcementCase, on="published_on",
    where=Q(publicity_due__isnull=False, published_on__lte=F("publicity_due")),
)  # fmt: skip
ratio(
    "enforcement.publicity_on_time_rate", "执法决定按时公示率", part="enforcement.published.on_time",
    whole="enforcement.published.with_due",
)  # fmt: skip


# Cases filed in the period whose audio-video record of the whole process is complete and usable.
ratio(
    "enforcement.av_record_rate", "执法全过程音像记录完整率", part="enforcement.cases.av_recorded",
    whole="enforcement.cases", phrases=("执法音像记录",),
)  # fmt: skip
_roster("enforcement.officers.added", "新增执法人员", "人", EventKind.ADDED)
_roster("enforcement.officers.transferred", "调离执法人员", "人", EventKind.TRANSFERRED)
_roster("enforcement.certificates.cancelled", "注销执法证", "张", EventKind.CANCELLED)
_roster("enforcement.certificates.lost_notices", "发布证件遗失公告", "次", EventKind.LOST)


# The training rows of the years the period touches (hours are kept per year): their hours and how many
# officer-years have hours recorded, in one query.
_training_totals = Precompiled(
    lambda orgs, start, end: (
        OfficerTraining.objects.filter(org__in=orgs, year__gte=start.year, year__lte=end.year),
        {"hours": Sum("hours"), "rows": Count("pk")},
    ),
    by_year=True,
)


@shared
def _training(orgs, start, end) -> tuple[Decimal, int]:
    """(hours, officer-years with hours recorded) of the years the period touches."""
    found = _training_totals(orgs, start, end)
    return Decimal(found["hours"] or 0), found["rows"]


@figure("enforcement.training_hours", "执法人员培训学时", "学时", phrases=("执法人员培训",))
def training_hours(orgs, start, end):
    return _training(orgs, start, end)[0]


@figure("enforcement.training_hours.average", "执法人员人均培训学时", "学时", phrases=("人均培训学时",))
def training_hours_average(orgs, start, end):
    """Hours per officer with hours recorded for the year (an officer in two years counts once a year)."""
    hours, count = _training(orgs, start, end)
    if not count:
        return None
    return (hours / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@figure("enforcement.special_actions", "开展专项行动", "次", phrases=("专项行动", "专项整治"))
def special_actions(orgs, start, end):
    """Actions running in the period: one running from December into January counts in both years."""
    return _running_actions(orgs, start, end)["n"]


_running_actions = Precompiled(
    lambda orgs, start, end: (
        SpecialAction.objects.filter(
            Q(starts_on__lte=end) & (Q(ends_on__isnull=True) | Q(ends_on__gte=start)), org__in=orgs
        ),
        {"n": Count("pk")},
    )
)


tally("enforcement.file_reviews", "案卷评查", "份", model=FileReview, on="reviewed_on", phrases=("案卷评查",))


_by_field = counted_by(filed, "field", order=("-n", "field"))
_by_procedure = counted_by(filed, "procedure", order=("procedure",))


@breakdown("enforcement.cases.by_field", "行政执法案件（按执法领域）", unit="宗")
def cases_by_field(orgs, start, end):
    labels = dict(Field.choices)
    return {labels.get(code, code): n for code, n in _by_field(orgs, start, end)}


@breakdown("enforcement.cases.by_procedure", "行政执法案件（按程序）", unit="宗")
def cases_by_procedure(orgs, start, end):
    labels = dict(Procedure.choices)
    return {labels.get(code, code): n for code, n in _by_procedure(orgs, start, end)}


key_figures("enforcement.cases", "enforcement.penalties", "enforcement.fines", "enforcement.inspections")
trend_figures("enforcement.cases")
better_when_higher("enforcement.publicity_on_time_rate", "enforcement.av_record_rate")
