"""Figures of the learning, 普法 and legal-service ledger (codes of NEXT-LEDGERS.md §1.3, §1.5, §1.6).

Counting rule: a record counts for the units ``orgs`` when its unit is one of them and its day (the
session's, event's or act's date; a service record's date) lies in the period. Materials count by
unit, never added across units (6000只 bags and 3000份 leaflets are two figures). 出庭应诉 by the head is
counted from the litigation ledger's hearings, never entered here. The community advisers and the
民主法治示范社区 are held, not done: they count as they stand on the period's last day.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Min, Q

from fazhi.figures.aggregate import Precompiled, counted_by
from fazhi.figures.registry import (
    better_when_higher,
    breakdown,
    derived,
    figure,
    key_figures,
    percent,
    shared,
    tally,
    trend_figures,
)
from fazhi.litigation.models import Hearing
from fazhi.orgs.models import Kind, Organisation

from .models import (
    STUDY_KINDS,
    TRAINING_KINDS,
    ActKind,
    AdviserAssignment,
    Audience,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
    Material,
    MaterialUnit,
    ModelCommunity,
    PufaEvent,
    PufaKind,
    ServiceKind,
    ServiceRecord,
    StudyKind,
    StudySession,
)


def _in(model, orgs, start, end, field: str = "held_on"):
    return model.objects.filter(org__in=orgs, **{f"{field}__gte": start, f"{field}__lte": end})


# --- study and training ---------------------------------------------------------------------------------


def sessions(orgs, start, end):
    return _in(StudySession, orgs, start, end)


def _session(code, label, unit, where, total=None, phrases=(), dates=None):
    tally(
        code,
        label,
        unit,
        model=StudySession,
        on="held_on",
        where=where,
        total=total,
        phrases=phrases,
        dates=dates,
    )


STUDY = Q(kind__in=STUDY_KINDS)
_session("study.sessions", "学法活动", "场", STUDY, phrases=("开展学法活动", "学习会议"))
# The topics of those same sessions (观澜: 53场 on 129个主题); a training's topics are not counted.
_session("study.topics", "学习主题", "个", STUDY, total="topic_count", phrases=("学习主题",))


def _pre_meeting(orgs, start, end):
    return sessions(orgs, start, end).filter(kind=StudyKind.PRE_MEETING)


def law_session_days(orgs, start, end):
    return list(_pre_meeting(orgs, start, end).values_list("held_on", flat=True))


_session(
    "study.law_sessions", "党工委会议会前学法", "次", Q(kind=StudyKind.PRE_MEETING), phrases=("会前学法",),
    dates=law_session_days,
)  # fmt: skip
_session(
    "study.centre_group",
    "理论学习中心组学习",
    "期",
    Q(kind=StudyKind.CENTRE_GROUP),
    phrases=("理论学习中心组学习",),
)
_session(
    "study.leader_lectures", "领导干部法治讲座", "场", Q(kind=StudyKind.LEADER_LECTURE), phrases=("法治讲座",)
)
_session(
    "study.hosted_by_head", "主要负责人主持学法", "次", Q(hosted_by_head=True), phrases=("主要负责人主持",)
)
_session(
    "study.platform_participants", "线上学法平台参学", "人次", Q(kind=StudyKind.ONLINE), total="attendance",
    phrases=("学法平台",),
)  # fmt: skip
_session(
    "training.person_times",
    "法治培训",
    "人次",
    Q(kind__in=TRAINING_KINDS),
    total="attendance",
    phrases=("培训人次",),
)
_session(
    "training.mediators", "调解员业务培训", "人次", Q(kind=StudyKind.MEDIATOR_TRAINING), total="attendance",
    phrases=("调解业务培训", "完成培训"),
)  # fmt: skip


# --- 普法 ---------------------------------------------------------------------------------------------------


def events(orgs, start, end):
    return _in(PufaEvent, orgs, start, end)


def _event(code, label, unit, where=None, total=None, phrases=()):
    tally(code, label, unit, model=PufaEvent, on="held_on", where=where, total=total, phrases=phrases)


_event("pufa.events", "普法活动", "场", phrases=("开展普法活动", "法治宣传活动"))
_event("pufa.events.five_into", "法律进社区企业学校", "场", Q(kind=PufaKind.FIVE_INTO), phrases=("法律五进",))
_event("pufa.events.case", "以案释法", "场", Q(kind=PufaKind.CASE), phrases=("以案释法活动",))
_event("pufa.reach", "普法惠及群众", "人", total="people_reached", phrases=("惠及群众",))
_event("pufa.consultations", "普法活动接受法律咨询", "人次", total="consultations", phrases=("接受法律咨询",))
_event("pufa.media_reports", "普法媒体报道", "篇", total="media_reports", phrases=("媒体报道",))
_event(
    "pufa.by_enforcers",
    "执法部门开展普法",
    "次",
    Q(org__kind=Kind.ENFORCEMENT_TEAM),
    phrases=("谁执法谁普法",),
)


# One code per unit: pufa.materials.fen (份), .zhi (只), .ben (本), .zhang (张).
MATERIAL_CODES = {
    MaterialUnit.FEN: "fen",
    MaterialUnit.ZHI: "zhi",
    MaterialUnit.BEN: "ben",
    MaterialUnit.ZHANG: "zhang",
}


# The lines of the events held in the period, by the event's unit and day.
for _unit, _suffix in MATERIAL_CODES.items():
    tally(
        f"pufa.materials.{_suffix}", f"发放普法宣传资料（{_unit}）", _unit, model=Material, on="event__held_on",
        org_field="event__org", where=Q(unit=_unit), total="quantity", phrases=(f"宣传资料{_unit}",),
    )  # fmt: skip


_events_by_kind = counted_by(events, "kind", order=("kind",))


@breakdown("pufa.events.by_kind", "普法活动（按类别）", "场")
def events_by_kind(orgs, start, end):
    labels = dict(PufaKind.choices)
    counts: dict[str, int] = {}
    for kind, n in _events_by_kind(orgs, start, end):
        counts[labels.get(kind, kind)] = counts.get(labels.get(kind, kind), 0) + n
    return counts


# --- public legal services ------------------------------------------------------------------------------


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
    tally(
        _code, _label, _unit_text, model=ServiceRecord, on="served_on", where=Q(kind=_kind), total="count",
        phrases=_phrases,
    )  # fmt: skip


# Each station that served in the period, with the day of its first service ever.
_station_firsts = Precompiled(
    lambda orgs, start, end: (
        ServiceRecord.objects.filter(org__in=orgs, org__kind=Kind.LEGAL_STATION, served_on__lte=end)
        .values("org")
        .annotate(
            first=Min("served_on"), served=Count("pk", filter=Q(served_on__gte=start, served_on__lte=end))
        )
        .filter(served__gt=0)
        .values_list("first")
    )
)


@shared
def _stations(orgs, start, end) -> tuple[int, int]:
    """(stations that served in the period, those of them whose first service ever falls in it), in one query."""
    firsts = [first for (first,) in _station_firsts(orgs, start, end)]
    return len(firsts), sum(1 for first in firsts if first >= start)


@figure("services.stations", "公共法律服务驿站", "个", phrases=("社区公共法律服务驿站",))
def stations(orgs, start, end):
    """Stations that recorded a service in the period."""
    return _stations(orgs, start, end)[0]


@figure("services.stations_new", "新建公共法律服务驿站", "个", phrases=("新建公共法律服务驿站",))
def stations_new(orgs, start, end):
    """Stations whose first service record falls in the period: built (or opened) that year."""
    return _stations(orgs, start, end)[1]


# --- 一社区一法律顾问 and 民主法治示范社区: held at the period's end, not done in it ----------------------------


def _communities(orgs):
    return Organisation.objects.filter(pk__in=orgs, kind=Kind.COMMUNITY, active=True)


# Communities with an adviser in term on the period's last day; and the communities of the units.
_in_term = Precompiled(
    lambda orgs, start, end: (
        AdviserAssignment.objects.filter(
            Q(term_end__isnull=True) | Q(term_end__gte=end), org__in=_communities(orgs), term_start__lte=end
        ),
        {"n": Count("org", distinct=True)},
    )
)
_community_count = Precompiled(lambda orgs, start, end: (_communities(orgs), {"n": Count("pk")}))


@shared
def _advised(orgs, start, end) -> tuple[int, int]:
    """(communities with an adviser in term on the period's last day, communities of the units), one query each."""
    return _in_term(orgs, start, end)["n"], _community_count(orgs, start, end)["n"]


@figure(
    "services.advisers", "配备法律顾问的社区", "个", phrases=("一社区一法律顾问", "社区法律顾问"),
    description="期末在聘期内有法律顾问的社区数（一社区一法律顾问）",
)  # fmt: skip
def advisers(orgs, start, end):
    return _advised(orgs, start, end)[0]


@figure(
    "services.adviser_coverage", "社区法律顾问覆盖率", "%", phrases=("法律顾问覆盖率",),
    description="期末配备法律顾问的社区占辖区社区的比例",
)  # fmt: skip
def adviser_coverage(orgs, start, end):
    advised, communities = _advised(orgs, start, end)
    return percent(advised, communities)


@figure(
    "pufa.model_communities", "民主法治示范社区", "个", phrases=("民主法治示范社区", "民主法治示范村"),
    description="期末保有民主法治示范村（社区）称号的社区数（各级称号合计，同一社区只计一次）",
)  # fmt: skip
def model_communities(orgs, start, end):
    return _titled(orgs, start, end)["n"]


# Communities holding a title on the period's last day (a community with two titles counts once).
_titled = Precompiled(
    lambda orgs, start, end: (
        ModelCommunity.objects.filter(
            Q(revoked_on__isnull=True) | Q(revoked_on__gt=end),
            org__in=_communities(orgs),
            awarded_on__lte=end,
        ),
        {"n": Count("org", distinct=True)},
    )
)


tally(
    "pufa.model_communities.new", "新获命名民主法治示范社区", "个", model=ModelCommunity, on="awarded_on",
    phrases=("新获评民主法治示范社区",),
)  # fmt: skip


# --- the principal leaders (item 三) ---------------------------------------------------------------------


def acts(orgs, start, end):
    return _in(LeadershipAct, orgs, start, end)


def law_meeting_days(orgs, start, end):
    return list(acts(orgs, start, end).filter(kind=ActKind.LAW_MEETING).values_list("held_on", flat=True))


def _act(code, label, unit, kind, total=None, phrases=(), dates=None):
    tally(
        code, label, unit, model=LeadershipAct, on="held_on", where=Q(kind=kind), total=total, phrases=phrases,
        dates=dates,
    )  # fmt: skip


_act(
    "lead.law_meetings", "党工委会议专题研究法治建设", "次", ActKind.LAW_MEETING, phrases=("专题研究法治建设",),
    dates=law_meeting_days,
)  # fmt: skip
_act(
    "lead.planned_law_sessions",
    "学法计划安排会前学法",
    "次",
    ActKind.STUDY_PLAN,
    "planned_sessions",
    ("学法计划",),
)
_act("lead.reports_on_law", "述法", "次", ActKind.REPORT_ON_LAW, phrases=("述法",))
_act("lead.cases_contacted", "领导包案化解", "件", ActKind.CASE_CONTACT, phrases=("包案化解",))
# From the litigation ledger's hearings: never entered twice.
tally(
    "lead.head_appearances", "行政机关负责人出庭应诉", "次", model=Hearing, on="held_on", org_field="case__org",
    where=Q(head_appeared=True), phrases=("负责人出庭应诉",),
)  # fmt: skip


# --- the 法律明白人 roster and the officials' law exams ------------------------------------------------------


tally(
    "literate.added",
    "培育新增法律明白人",
    "名",
    model=LegalLiterate,
    on="appointed_on",
    phrases=("新增法律明白人",),
)
# From the study ledger: the attendance of sessions held for the 法律明白人, never entered twice.
_session(
    "literate.trained", "法律明白人参加培训", "人次", Q(audience=Audience.LITERATE), total="attendance",
    phrases=("法律明白人参加培训",),
)  # fmt: skip


def _rate(part: int, whole: int) -> Decimal | None:
    """Per cent, whole numbers (the exam reports say 98%)."""
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


for _field, _label in (
    ("enrolled", "学法考试应参考"),
    ("sat", "学法考试参考"),
    ("excellent", "学法考试优秀"),
):
    tally(f"exam.{_field}", _label, "人", model=ExamRound, on="held_on", total=_field)
derived(
    "exam.participation_rate", "学法考试参考率", "%", parts=("exam.sat", "exam.enrolled"), combine=_rate,
    phrases=("参考率",),
)  # fmt: skip
derived(
    "exam.excellence_rate", "学法考试优秀率", "%", parts=("exam.excellent", "exam.sat"), combine=_rate,
    phrases=("优秀率",),
)  # fmt: skip


# The dashboard's cards: one figure of each part of this work line (study, 普法, the 驿站), with its 同比.
key_figures(
    "study.sessions", "training.person_times", "pufa.events", "pufa.reach", "services.consultations",
    "services.advisers",
)  # fmt: skip
trend_figures("services.consultations")
better_when_higher(
    "study.sessions", "training.person_times", "pufa.events", "pufa.reach", "services.consultations",
    "exam.participation_rate", "exam.excellence_rate", "services.advisers", "services.adviser_coverage",
    "pufa.model_communities",
)  # fmt: skip
