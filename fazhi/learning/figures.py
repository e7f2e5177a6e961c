"""Figures of the learning, 普法 and legal-service ledger (codes of NEXT-LEDGERS.md §1.3, §1.5, §1.6).

Counting rule: a record counts for the units ``orgs`` when its unit is one of them and its day (the
session's, event's or act's date; a service record's date) lies in the period. Materials count by
unit, never added across units (6000只 bags and 3000份 leaflets are two figures). 出庭应诉 by the head is
counted from the litigation ledger's hearings, never entered here.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, OuterRef, Sum

from fazhi.figures.registry import breakdown, figure, key_figures, trend_figures
from fazhi.orgs.models import Kind

from .models import (
    STUDY_KINDS,
    TRAINING_KINDS,
    ActKind,
    Audience,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
    Material,
    MaterialUnit,
    PufaEvent,
    PufaKind,
    ServiceKind,
    ServiceRecord,
    StudyKind,
    StudySession,
)


def _in(model, orgs, start, end, field: str = "held_on"):
    return model.objects.filter(org__in=orgs, **{f"{field}__gte": start, f"{field}__lte": end})


def _sum(queryset, field: str) -> int:
    return queryset.aggregate(total=Sum(field))["total"] or 0


# --- study and training ---------------------------------------------------------------------------------


def sessions(orgs, start, end):
    return _in(StudySession, orgs, start, end)


def study(orgs, start, end):
    """The sessions held for study (not trainings, not the online platform): 学法活动 and their topics."""
    return sessions(orgs, start, end).filter(kind__in=STUDY_KINDS)


@figure("study.sessions", "学法活动", "场", phrases=("开展学法活动", "学习会议"))
def study_sessions(orgs, start, end):
    return study(orgs, start, end).count()


@figure("study.topics", "学习主题", "个", phrases=("学习主题",))
def study_topics(orgs, start, end):
    """The topics of those same sessions (观澜: 53场 on 129个主题); a training's topics are not counted."""
    return _sum(study(orgs, start, end), "topic_count")


def _pre_meeting(orgs, start, end):
    return sessions(orgs, start, end).filter(kind=StudyKind.PRE_MEETING)


def law_session_days(orgs, start, end):
    return list(_pre_meeting(orgs, start, end).values_list("held_on", flat=True))


@figure("study.law_sessions", "党工委会议会前学法", "次", phrases=("会前学法",), dates=law_session_days)
def law_sessions(orgs, start, end):
    return _pre_meeting(orgs, start, end).count()


@figure("study.centre_group", "理论学习中心组学习", "期", phrases=("理论学习中心组学习",))
def centre_group(orgs, start, end):
    return sessions(orgs, start, end).filter(kind=StudyKind.CENTRE_GROUP).count()


@figure("study.leader_lectures", "领导干部法治讲座", "场", phrases=("法治讲座",))
def leader_lectures(orgs, start, end):
    return sessions(orgs, start, end).filter(kind=StudyKind.LEADER_LECTURE).count()


@figure("study.hosted_by_head", "主要负责人主持学法", "次", phrases=("主要负责人主持",))
def hosted_by_head(orgs, start, end):
    return sessions(orgs, start, end).filter(hosted_by_head=True).count()


@figure("study.platform_participants", "线上学法平台参学", "人次", phrases=("学法平台",))
def platform_participants(orgs, start, end):
    return _sum(sessions(orgs, start, end).filter(kind=StudyKind.ONLINE), "attendance")


@figure("training.person_times", "法治培训", "人次", phrases=("培训人次",))
def training_person_times(orgs, start, end):
    trainings = sessions(orgs, start, end).filter(kind__in=TRAINING_KINDS)
    return _sum(trainings, "attendance")


@figure("training.mediators", "调解员业务培训", "人次", phrases=("调解业务培训", "完成培训"))
def training_mediators(orgs, start, end):
    return _sum(sessions(orgs, start, end).filter(kind=StudyKind.MEDIATOR_TRAINING), "attendance")


# --- 普法 ---------------------------------------------------------------------------------------------------


def events(orgs, start, end):
    return _in(PufaEvent, orgs, start, end)


@figure("pufa.events", "普法活动", "场", phrases=("开展普法活动", "法治宣传活动"))
def pufa_events(orgs, start, end):
    return events(orgs, start, end).count()


@figure("pufa.events.five_into", "法律进社区企业学校", "场", phrases=("法律五进",))
def pufa_five_into(orgs, start, end):
    return events(orgs, start, end).filter(kind=PufaKind.FIVE_INTO).count()


@figure("pufa.events.case", "以案释法", "场", phrases=("以案释法活动",))
def pufa_case(orgs, start, end):
    return events(orgs, start, end).filter(kind=PufaKind.CASE).count()


@figure("pufa.reach", "普法惠及群众", "人", phrases=("惠及群众",))
def pufa_reach(orgs, start, end):
    return _sum(events(orgs, start, end), "people_reached")


@figure("pufa.consultations", "普法活动接受法律咨询", "人次", phrases=("接受法律咨询",))
def pufa_consultations(orgs, start, end):
    return _sum(events(orgs, start, end), "consultations")


@figure("pufa.media_reports", "普法媒体报道", "篇", phrases=("媒体报道",))
def pufa_media_reports(orgs, start, end):
    return _sum(events(orgs, start, end), "media_reports")


@figure("pufa.by_enforcers", "执法部门开展普法", "次", phrases=("谁执法谁普法",))
def pufa_by_enforcers(orgs, start, end):
    return events(orgs, start, end).filter(org__kind=Kind.ENFORCEMENT_TEAM).count()


# One code per unit: pufa.materials.fen (份), .zhi (只), .ben (本), .zhang (张).
MATERIAL_CODES = {
    MaterialUnit.FEN: "fen",
    MaterialUnit.ZHI: "zhi",
    MaterialUnit.BEN: "ben",
    MaterialUnit.ZHANG: "zhang",
}


def _materials(unit: str):
    def compute(orgs, start, end):
        lines = Material.objects.filter(
            event__org__in=orgs, event__held_on__gte=start, event__held_on__lte=end, unit=unit
        )
        return _sum(lines, "quantity")

    return compute


for _unit, _suffix in MATERIAL_CODES.items():
    figure(f"pufa.materials.{_suffix}", f"发放普法宣传资料（{_unit}）", _unit, phrases=(f"宣传资料{_unit}",))(
        _materials(_unit)
    )


@breakdown("pufa.events.by_kind", "普法活动（按类别）", "场")
def events_by_kind(orgs, start, end):
    labels = dict(PufaKind.choices)
    rows = events(orgs, start, end).values_list("kind").order_by("kind")
    counts: dict[str, int] = {}
    for (kind,) in rows:
        counts[labels.get(kind, kind)] = counts.get(labels.get(kind, kind), 0) + 1
    return counts


# --- public legal services ------------------------------------------------------------------------------


def _services(kind: str):
    def compute(orgs, start, end):
        return _sum(_in(ServiceRecord, orgs, start, end, "served_on").filter(kind=kind), "count")

    return compute


for _code, _kind, _label, _unit_text, _phrases in (
    (
        "services.consultations",
        ServiceKind.CONSULTATION,
        "驿站提供法律咨询和法律服务",
        "次",
        ("提供法律咨询和法律服务",),
    ),
    ("services.enterprise_checkups", ServiceKind.CHECKUP, "走访企业并法治体检", "家", ("法治体检",)),
    ("services.lectures", ServiceKind.LECTURE, "驿站开展法律讲座", "场", ("开展法律讲座",)),
    ("services.drafting", ServiceKind.DRAFTING, "代写法律文书", "份", ("代写文书",)),
    ("services.posts", ServiceKind.PUBLICITY, "驿站信息宣传", "篇", ("信息宣传",)),
):
    figure(_code, _label, _unit_text, phrases=_phrases)(_services(_kind))


@figure("services.stations", "公共法律服务驿站", "个", phrases=("社区公共法律服务驿站",))
def stations(orgs, start, end):
    """Stations that recorded a service in the period."""
    return (
        _in(ServiceRecord, orgs, start, end, "served_on")
        .filter(org__kind=Kind.LEGAL_STATION)
        .values("org")
        .distinct()
        .count()
    )


@figure("services.stations_new", "新建公共法律服务驿站", "个", phrases=("新建公共法律服务驿站",))
def stations_new(orgs, start, end):
    """Stations whose first service record falls in the period: built (or opened) that year."""
    earlier = ServiceRecord.objects.filter(org=OuterRef("org"), served_on__lt=start)
    return (
        _in(ServiceRecord, orgs, start, end, "served_on")
        .filter(org__kind=Kind.LEGAL_STATION)
        .exclude(Exists(earlier))
        .values("org")
        .distinct()
        .count()
    )


# --- the principal leaders (item 三) ---------------------------------------------------------------------


def acts(orgs, start, end):
    return _in(LeadershipAct, orgs, start, end)


def law_meeting_days(orgs, start, end):
    return list(acts(orgs, start, end).filter(kind=ActKind.LAW_MEETING).values_list("held_on", flat=True))


@figure(
    "lead.law_meetings",
    "党工委会议专题研究法治建设",
    "次",
    phrases=("专题研究法治建设",),
    dates=law_meeting_days,
)
def law_meetings(orgs, start, end):
    return acts(orgs, start, end).filter(kind=ActKind.LAW_MEETING).count()


@figure("lead.planned_law_sessions", "学法计划安排会前学法", "次", phrases=("学法计划",))
def planned_law_sessions(orgs, start, end):
    return _sum(acts(orgs, start, end).filter(kind=ActKind.STUDY_PLAN), "planned_sessions")


@figure("lead.reports_on_law", "述法", "次", phrases=("述法",))
def reports_on_law(orgs, start, end):
    return acts(orgs, start, end).filter(kind=ActKind.REPORT_ON_LAW).count()


@figure("lead.cases_contacted", "领导包案化解", "件", phrases=("包案化解",))
def cases_contacted(orgs, start, end):
    return acts(orgs, start, end).filter(kind=ActKind.CASE_CONTACT).count()


@figure("lead.head_appearances", "行政机关负责人出庭应诉", "次", phrases=("负责人出庭应诉",))
def head_appearances(orgs, start, end):
    """From the litigation ledger's hearings: never entered twice."""
    from fazhi.litigation.models import Hearing

    return Hearing.objects.filter(
        case__org__in=orgs, head_appeared=True, held_on__gte=start, held_on__lte=end
    ).count()


# --- the 法律明白人 roster and the officials' law exams ------------------------------------------------------


@figure("literate.added", "培育新增法律明白人", "名", phrases=("新增法律明白人",))
def literate_added(orgs, start, end):
    return _in(LegalLiterate, orgs, start, end, "appointed_on").count()


@figure("literate.trained", "法律明白人参加培训", "人次", phrases=("法律明白人参加培训",))
def literate_trained(orgs, start, end):
    """From the study ledger: the attendance of sessions held for the 法律明白人, never entered twice."""
    return _sum(sessions(orgs, start, end).filter(audience=Audience.LITERATE), "attendance")


def _rate(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


@figure("exam.participation_rate", "学法考试参考率", "%", phrases=("参考率",))
def exam_participation_rate(orgs, start, end):
    rounds = _in(ExamRound, orgs, start, end)
    return _rate(_sum(rounds, "sat"), _sum(rounds, "enrolled"))


@figure("exam.excellence_rate", "学法考试优秀率", "%", phrases=("优秀率",))
def exam_excellence_rate(orgs, start, end):
    rounds = _in(ExamRound, orgs, start, end)
    return _rate(_sum(rounds, "excellent"), _sum(rounds, "sat"))


# The dashboard's cards: one figure of each part of this work line (study, 普法, the 驿站), with its 同比.
key_figures("study.sessions", "training.person_times", "pufa.events", "pufa.reach", "services.consultations")
trend_figures("services.consultations")
