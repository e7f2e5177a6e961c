"""Figures of the enforcement ledger (NEXT-LEDGERS.md §1.1), declared in the figure registry.

Counting rules: a record counts for the units ``orgs`` when its unit is one of them.
- Case figures count cases by **立案日期** (案卷 made in the period), 撤销立案 left out (except the
  video patrol's dispatched cases, which were dispatched whatever came of them); penalties and the
  amounts fined or confiscated count decisions by **决定日期**; 公示 counts by **公示日期**.
- Inspection figures sum the batches held in the period (a batch carries its count of objects checked).
- Roster figures count the dated events (新增, 调离, 注销, 遗失公告) in the period; training hours are kept
  per officer and year, and count for the years the period touches.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Sum

from fazhi.figures.registry import breakdown, figure, key_figures, trend_figures

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
)


def filed(orgs, start, end):
    return EnforcementCase.objects.filter(org__in=orgs, filed_on__gte=start, filed_on__lte=end).exclude(
        status=REVOKED
    )


def penalised(orgs, start, end):
    return EnforcementCase.objects.filter(org__in=orgs, decision_on__gte=start, decision_on__lte=end).exclude(
        status__in=(NO_PENALTY, REVOKED)
    )


def inspections(orgs, start, end):
    return InspectionBatch.objects.filter(org__in=orgs, held_on__gte=start, held_on__lte=end)


def published(orgs, start, end):
    return EnforcementCase.objects.filter(org__in=orgs, published_on__gte=start, published_on__lte=end)


def events(orgs, start, end, kind):
    return OfficerEvent.objects.filter(officer__org__in=orgs, on__gte=start, on__lte=end, kind=kind)


def _sum(queryset, expression) -> int | Decimal:
    return queryset.aggregate(total=Sum(expression))["total"] or 0


@figure("enforcement.cases", "作出行政执法案卷", "宗", phrases=("行政执法案卷", "执法案件", "立案查处"))
def cases(orgs, start, end):
    return filed(orgs, start, end).count()


@figure("enforcement.cases.ordinary", "普通程序案件", "宗", phrases=("普通案件",))
def cases_ordinary(orgs, start, end):
    return filed(orgs, start, end).filter(procedure=Procedure.ORDINARY).count()


@figure("enforcement.cases.simple", "简易程序案件", "宗", phrases=("简易案件",))
def cases_simple(orgs, start, end):
    return filed(orgs, start, end).filter(procedure=Procedure.SIMPLE).count()


@figure("enforcement.cases.enterprise", "涉企行政处罚案件", "宗", phrases=("涉企案件",))
def cases_enterprise(orgs, start, end):
    return filed(orgs, start, end).filter(enterprise=True).count()


@figure(
    "enforcement.video_dispatched",
    "派发视频巡查案件",
    "宗",
    phrases=("派发视频巡查案件", "视频巡查案件"),
)
def video_dispatched(orgs, start, end):
    """Cases whose source is the 智慧城管 video patrol's dispatch (案件来源 视频巡查派发, entered or imported
    from the platform's export through the case sheet), by 立案日期; a dispatched case later 撤销立案 was
    dispatched all the same, so it counts."""
    return EnforcementCase.objects.filter(
        org__in=orgs, filed_on__gte=start, filed_on__lte=end, source=Source.VIDEO
    ).count()


@figure("enforcement.penalties", "行政处罚", "次", phrases=("作出行政处罚",))
def penalties(orgs, start, end):
    return penalised(orgs, start, end).count()


@figure("enforcement.fines", "罚没金额", "元", phrases=("经济行政罚款", "罚没款"))
def fines(orgs, start, end):
    return Decimal(_sum(penalised(orgs, start, end), F("fine_amount") + F("confiscated_amount")))


@figure("enforcement.inspections", "执法检查企业", "次", phrases=("检查企业", "执法检查"))
def inspections_count(orgs, start, end):
    return _sum(inspections(orgs, start, end).filter(object_kind=ObjectKind.ENTERPRISE), "objects_checked")


@figure("enforcement.inspections.objects", "检查车辆、场所等对象", "个", phrases=("检查相关车辆",))
def inspections_objects(orgs, start, end):
    return _sum(inspections(orgs, start, end).exclude(object_kind=ObjectKind.ENTERPRISE), "objects_checked")


@figure("enforcement.hazards", "发现隐患", "条", phrases=("发现安全隐患",))
def hazards(orgs, start, end):
    return _sum(inspections(orgs, start, end), "hazards_found")


@figure("enforcement.hazards.rectified", "整改隐患", "条")
def hazards_rectified(orgs, start, end):
    return _sum(inspections(orgs, start, end), "hazards_rectified")


@figure("enforcement.joint_actions", "联合执法", "次", phrases=("大型联合执法",))
def joint_actions(orgs, start, end):
    return inspections(orgs, start, end).filter(action__in=(ActionKind.JOINT, ActionKind.CROSS)).count()


@figure("enforcement.random_checks", "“双随机、一公开”检查", "次", phrases=("双随机、一公开",))
def random_checks(orgs, start, end):
    return inspections(orgs, start, end).filter(random_check=True).count()


@figure("enforcement.published", "公示执法案件", "件", phrases=("双公示平台公示执法案件",))
def published_count(orgs, start, end):
    return published(orgs, start, end).count()


@figure("enforcement.publicity_on_time_rate", "执法决定按时公示率", "%")
def publicity_on_time_rate(orgs, start, end):
    done = published(orgs, start, end).filter(publicity_due__isnull=False)
    total = done.count()
    if not total:
        return None
    on_time = done.filter(published_on__lte=F("publicity_due")).count()
    return (Decimal(on_time * 100) / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@figure("enforcement.av_record_rate", "执法全过程音像记录完整率", "%", phrases=("执法音像记录",))
def av_record_rate(orgs, start, end):
    """Cases filed in the period whose audio-video record of the whole process is complete and usable."""
    total = cases(orgs, start, end)
    if not total:
        return None
    complete = filed(orgs, start, end).filter(av_record=True).count()
    return (Decimal(complete * 100) / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@figure("enforcement.officers.added", "新增执法人员", "人")
def officers_added(orgs, start, end):
    return events(orgs, start, end, EventKind.ADDED).count()


@figure("enforcement.officers.transferred", "调离执法人员", "人")
def officers_transferred(orgs, start, end):
    return events(orgs, start, end, EventKind.TRANSFERRED).count()


@figure("enforcement.certificates.cancelled", "注销执法证", "张")
def certificates_cancelled(orgs, start, end):
    return events(orgs, start, end, EventKind.CANCELLED).count()


@figure("enforcement.certificates.lost_notices", "发布证件遗失公告", "次")
def certificates_lost(orgs, start, end):
    return events(orgs, start, end, EventKind.LOST).count()


def trainings(orgs, start, end):
    """The training rows of the years the period touches (hours are kept per year)."""
    return OfficerTraining.objects.filter(org__in=orgs, year__gte=start.year, year__lte=end.year)


@figure("enforcement.training_hours", "执法人员培训学时", "学时", phrases=("执法人员培训",))
def training_hours(orgs, start, end):
    return Decimal(_sum(trainings(orgs, start, end), "hours"))


@figure("enforcement.training_hours.average", "执法人员人均培训学时", "学时", phrases=("人均培训学时",))
def training_hours_average(orgs, start, end):
    """Hours per officer with hours recorded for the year (an officer in two years counts once a year)."""
    rows = trainings(orgs, start, end)
    count = rows.count()
    if not count:
        return None
    return (Decimal(_sum(rows, "hours")) / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@figure("enforcement.file_reviews", "案卷评查", "份", phrases=("案卷评查",))
def file_reviews(orgs, start, end):
    return FileReview.objects.filter(org__in=orgs, reviewed_on__gte=start, reviewed_on__lte=end).count()


@breakdown("enforcement.cases.by_field", "行政执法案件（按执法领域）", unit="宗")
def cases_by_field(orgs, start, end):
    labels = dict(Field.choices)
    counted = filed(orgs, start, end).values_list("field").annotate(n=Count("pk")).order_by("-n", "field")
    return {labels.get(code, code): n for code, n in counted}


@breakdown("enforcement.cases.by_procedure", "行政执法案件（按程序）", unit="宗")
def cases_by_procedure(orgs, start, end):
    labels = dict(Procedure.choices)
    counted = filed(orgs, start, end).values_list("procedure").annotate(n=Count("pk")).order_by("procedure")
    return {labels.get(code, code): n for code, n in counted}


key_figures("enforcement.cases", "enforcement.penalties", "enforcement.fines", "enforcement.inspections")
trend_figures("enforcement.cases")
