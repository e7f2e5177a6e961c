"""Learning, 普法 and legal-service activities of one 街道-year: study sessions, 普法 events with material
lines, the 驿站's monthly service tallies, the leaders' acts, community advisers and 民主法治示范社区, in the proportions of the 五常 report.
Written in bulk (one audit entry per model and batch): activities have no numbers to take."""

import datetime

from fazhi.learning.models import (
    ActKind,
    AdviserAssignment,
    Audience,
    ExamRound,
    HonourLevel,
    LeadershipAct,
    LegalLiterate,
    Material,
    MaterialKind,
    MaterialUnit,
    ModelCommunity,
    PufaEvent,
    PufaKind,
    ServiceKind,
    ServiceRecord,
    StudyKind,
    StudySession,
)
from fazhi.ledger.bulk import insert_batch

from .plan import Batch

SESSIONS_PER_YEAR = 12
EVENTS_PER_YEAR = 8
SERVICES_PER_MONTH = {
    ServiceKind.CONSULTATION: 45,
    ServiceKind.CHECKUP: 16,
    ServiceKind.LECTURE: 3,
    ServiceKind.PUBLICITY: 7,
    ServiceKind.DRAFTING: 4,
}


def _sessions(batch: Batch, rng) -> list:
    org = batch.street.org
    rows = []
    for index in range(batch.count(SESSIONS_PER_YEAR, at_least=1)):
        kind = StudyKind.PRE_MEETING if index < 4 else rng.choice(StudyKind.values)
        rows.append(
            StudySession(
                org=org,
                held_on=batch.day(rng),
                kind=kind,
                title=f"{StudyKind(kind).label}（第{index + 1}次）",
                topics="中华人民共和国行政复议法\n中华人民共和国民法典",
                topic_count=2,
                audience=Audience.LEADERS if kind == StudyKind.PRE_MEETING else rng.choice(Audience.values),
                attendance=rng.randint(12, 80),
                hosted_by_head=kind == StudyKind.PRE_MEETING,
            )
        )
    return rows


def _events(batch: Batch, rng) -> tuple[list, list]:
    events, materials = [], []
    units = [batch.street.org, *batch.street.communities, batch.street.units["zf"]]
    for _ in range(batch.count(EVENTS_PER_YEAR, at_least=1)):
        kind = rng.choice(PufaKind.values)
        events.append(
            PufaEvent(
                org=rng.choice(units),
                held_on=batch.day(rng),
                kind=kind,
                title=f"{PufaKind(kind).label}活动",
                people_reached=rng.randint(50, 800),
                consultations=rng.randint(0, 200),
                media_reports=rng.randint(0, 2),
            )
        )
        materials.append(
            [
                Material(kind=MaterialKind.LEAFLET, unit=MaterialUnit.FEN, quantity=rng.randint(100, 1500)),
                Material(kind=MaterialKind.BAG, unit=MaterialUnit.ZHI, quantity=rng.randint(100, 2000)),
                rng.choice(
                    (
                        Material(
                            kind=MaterialKind.BOOKLET, unit=MaterialUnit.BEN, quantity=rng.randint(50, 500)
                        ),
                        Material(
                            kind=MaterialKind.POSTER, unit=MaterialUnit.ZHANG, quantity=rng.randint(20, 200)
                        ),
                    )
                ),
            ]
        )
    return events, materials


def _services(batch: Batch, rng) -> list:
    station = batch.street.units["yz"]
    rows = []
    month = 1
    while datetime.date(batch.year, month, 28) <= batch.end:
        for kind, per_month in SERVICES_PER_MONTH.items():
            rows.append(
                ServiceRecord(
                    org=station,
                    served_on=datetime.date(batch.year, month, 28),
                    kind=kind,
                    count=max(1, round(per_month * batch.size * rng.uniform(0.6, 1.4))),
                    summary=f"{month}月汇总",
                )
            )
        if month == 12:
            break
        month += 1
    return rows


def _acts(batch: Batch, rng) -> list:
    org = batch.street.org
    plan = LeadershipAct(
        org=org,
        held_on=batch.start,
        kind=ActKind.STUDY_PLAN,
        leader="党工委书记",
        title="制发年度党工委会议学法计划",
        planned_sessions=4,
    )
    meetings = [
        LeadershipAct(
            org=org,
            held_on=batch.day(rng),
            kind=ActKind.LAW_MEETING,
            leader="党工委书记",
            title="党工委会议专题研究法治建设",
            topics="年度法治政府建设工作要点",
        )
        for _ in range(2)
    ]
    report = LeadershipAct(
        org=org, held_on=batch.day(rng), kind=ActKind.REPORT_ON_LAW, leader="街道办事处主任", title="年终述法"
    )
    contacts = [
        LeadershipAct(
            org=org,
            held_on=batch.day(rng),
            kind=ActKind.CASE_CONTACT,
            leader="党工委副书记",
            title="包案化解信访积案",
        )
        for _ in range(rng.randint(1, 4))
    ]
    return [plan, *meetings, report, *contacts]


def _literates(batch: Batch, rng) -> list:
    rows = []
    for community in batch.street.communities:
        for index in range(batch.count(3, at_least=1)):
            rows.append(
                LegalLiterate(
                    org=community,
                    name=f"{community.short_name}法律明白人{batch.year}-{index + 1}",
                    appointed_on=batch.day(rng),
                    trainings_attended=rng.randint(0, 3),
                )
            )
    return rows


def _advisers(batch: Batch, rng) -> list:
    """一社区一法律顾问: most communities sign a lawyer for the year (a few are between terms)."""
    return [
        AdviserAssignment(
            org=community,
            lawyer=f"{community.short_name}顾问律师{batch.year}",
            law_firm="某某律师事务所",
            term_start=datetime.date(batch.year, 1, 1),
            term_end=datetime.date(batch.year, 12, 31),
            rota="每周三下午在社区值班",
            duties_per_month=4,
        )
        for community in batch.street.communities
        if rng.random() < 0.85
    ]


def _honours(batch: Batch, rng) -> list:
    """民主法治示范社区: now and then a community is named, at the district's level or higher."""
    levels = (HonourLevel.DISTRICT, HonourLevel.CITY, HonourLevel.PROVINCE)
    return [
        ModelCommunity(
            org=community,
            level=(level := rng.choice(levels)),
            title=f"{HonourLevel(level).label}民主法治示范社区",
            awarded_on=batch.day(rng),
            awarded_by="司法行政机关",
        )
        for community in batch.street.communities
        if rng.random() < 0.3
    ]


def _exams(batch: Batch, rng) -> list:
    enrolled = batch.count(180, at_least=10)
    sat = enrolled - rng.randint(0, max(enrolled // 20, 1))
    return [
        ExamRound(
            org=batch.street.org,
            held_on=batch.day(rng),
            title=f"{batch.year}年度国家工作人员学法考试",
            enrolled=enrolled,
            sat=sat,
            passed=sat,
            excellent=round(sat * rng.uniform(0.7, 0.95)),
        )
    ]


def generate(batch: Batch) -> dict[str, int]:
    rng = batch.rng
    sessions = _sessions(batch, rng)
    events, materials = _events(batch, rng)
    services = _services(batch, rng)
    acts = _acts(batch, rng)
    literates = _literates(batch, rng)
    exams = _exams(batch, rng)
    advisers = _advisers(batch, rng)
    honours = _honours(batch, rng)
    for model, rows, children in (
        (StudySession, sessions, None),
        (PufaEvent, events, materials),
        (ServiceRecord, services, None),
        (LeadershipAct, acts, None),
        (LegalLiterate, literates, None),
        (ExamRound, exams, None),
        (AdviserAssignment, advisers, None),
        (ModelCommunity, honours, None),
    ):
        insert_batch(None, model, rows, children, source=batch.label, owner=None, day=None)
    return {
        "学法培训": len(sessions),
        "普法活动": len(events),
        "宣传资料": sum(map(len, materials)),
        "法律服务记录": len(services),
        "第一责任人履职": len(acts),
        "法律明白人": len(literates),
        "学法考试": len(exams),
        "社区法律顾问": len(advisers),
        "民主法治示范社区": len(honours),
    }
