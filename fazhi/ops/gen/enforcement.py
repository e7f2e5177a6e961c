"""Enforcement records of one 街道-year: ~700 (scaled) case files and ~40 inspection batches of its
综合执法队, made by the demo's builder; the team's roster as it changes over the year (新增, 调离, 注销,
遗失公告 with a new card), each officer's training hours of the year and the year's 案卷评查.

The roster is not scaled with the caseload (a team has a dozen officers whatever the sample size); its
changes are dated events, so the roster figures count them. Everything is bulk-written with one audit
entry per model and batch (certificates: "N件", which the ledger integrity check counts)."""

import datetime
from decimal import Decimal

from fazhi.enforcement.bulk import insert_cases, insert_inspections
from fazhi.enforcement.demo import Maker, _inspections, _year
from fazhi.enforcement.models import (
    NO_PENALTY,
    REVOKED,
    Certificate,
    CertificateStatus,
    EventKind,
    FileReview,
    Officer,
    OfficerEvent,
    OfficerStatus,
    OfficerTraining,
    SpecialAction,
    SpecialActionKind,
)
from fazhi.ledger.bulk import insert_batch

from .plan import Batch

CASES_PER_YEAR = 700
SIMPLE_SHARE = 0.3
FIRST_ROSTER = 12  # officers on the team before the first generated year
ISSUER = "区人民政府"
REVIEWED_SHARE = 0.05  # 案卷评查: one decided case file in twenty


def _card(org, officer, issued: datetime.date, serial: int) -> Certificate:
    expires = issued.replace(year=issued.year + 6) - datetime.timedelta(days=1)
    return Certificate(
        org=org, officer=officer, number=f"G{org.pk:04d}{serial:05d}", issuer=ISSUER, issued_on=issued,
        expires_on=expires, due_date=expires,
    )  # fmt: skip


def _roster(batch: Batch, org, rng) -> tuple[list[int], int]:
    """The year's roster changes; returns the officers on duty at the year's start (who handle its cases)
    and the number of rows written."""
    on_duty = list(Officer.objects.filter(org=org, status=OfficerStatus.ON_DUTY).order_by("pk"))
    first_team = (
        []
        if on_duty
        else [
            Officer(org=org, name=f"执法员{i + 1:02d}", joined_on=datetime.date(2015, 1, 5))
            for i in range(FIRST_ROSTER)
        ]
    )  # the first year: the team as it stood, joined long before (no event in any period)
    joiners = [
        Officer(org=org, name=f"执法员{batch.year % 100:02d}{i + 1:02d}", joined_on=batch.day(rng))
        for i in range(rng.randint(1, 3))
    ]
    made = Officer.objects.bulk_create([*first_team, *joiners])
    first_team, joiners = made[: len(first_team)], made[len(first_team) :]
    start_roster = on_duty or first_team
    serial = Certificate.objects.filter(org=org).count()
    cards = {}  # officer pk -> the card valid at the year's start (or got on joining)
    new_cards = []
    for officer in first_team:
        card = _card(org, officer, officer.joined_on, serial := serial + 1)
        card.expires_on = card.due_date = datetime.date(2035, 1, 4)  # renewed since, as the demo's
        cards[officer.pk] = card
        new_cards.append(card)
    for officer in joiners:
        cards[officer.pk] = _card(org, officer, officer.joined_on, serial := serial + 1)
        new_cards.append(cards[officer.pk])
    for card in Certificate.objects.filter(officer__in=on_duty, status=CertificateStatus.VALID):
        cards[card.officer_id] = card
    # 调离 (the card cancelled the same day), 注销 (retirement), 遗失公告 (and a new card two weeks on).
    certified = [o for o in start_roster if o.pk in cards]  # a retiree keeps no card: no cases, no changes
    movers = rng.sample(certified, max(0, min(len(certified) - 6, rng.randint(0, 2) + rng.randint(0, 1))))
    changes = []  # (officer, card, event kind, day, note)
    for index, officer in enumerate(movers):
        day = batch.day(rng)
        card = cards[officer.pk]
        if index % 3 == 0:
            officer.status, officer.left_on = OfficerStatus.TRANSFERRED, day
            changes.append((officer, None, EventKind.TRANSFERRED, day, "调往区级部门"))
            card.status, note = CertificateStatus.CANCELLED, "调离注销"
            kind = EventKind.CANCELLED
        elif index % 3 == 1:
            card.status, kind, note = CertificateStatus.CANCELLED, EventKind.CANCELLED, "退休"
        else:
            card.status, kind, note = CertificateStatus.LOST, EventKind.LOST, "报刊遗失声明"
            new_cards.append(
                _card(org, officer, min(day + datetime.timedelta(days=14), batch.end), serial := serial + 1)
            )
        card.ended_on = day
        changes.append((officer, card, kind, day, note))
    Officer.objects.bulk_update(
        [o for o in movers if o.status == OfficerStatus.TRANSFERRED], ["status", "left_on"]
    )
    Certificate.objects.bulk_update(
        [c for _, c, *_ in changes if c is not None and c.pk], ["status", "ended_on"]
    )
    insert_batch(None, Certificate, new_cards, source=batch.label, owner=None, day=None)
    events = [
        OfficerEvent(officer=o, certificate=cards[o.pk], kind=EventKind.ADDED, on=o.joined_on, note="新增")
        for o in joiners
    ]
    events += [OfficerEvent(officer=o, certificate=c, kind=k, on=day, note=n) for o, c, k, day, n in changes]
    insert_batch(None, OfficerEvent, events, source=batch.label, owner=None, day=None)
    # 年度培训学时: every officer on the team during the year, 40–80 hours (half hours).
    trainings = [
        OfficerTraining(org=org, officer=o, year=batch.year, hours=Decimal(rng.randint(80, 160)) / 2)
        for o in [*start_roster, *joiners]
    ]
    insert_batch(None, OfficerTraining, trainings, source=batch.label, owner=None, day=None)
    return [o.pk for o in certified], len(made) + len(new_cards) + len(events) + len(trainings)


def _reviews(batch: Batch, org, cases, rng) -> list[FileReview]:
    """案卷评查 of a share of the year's decided files, within the year and after the decision."""
    decided = [
        c
        for c in cases
        if c.decision_on and c.status not in (NO_PENALTY, REVOKED) and c.decision_on < batch.end
    ]
    rows = []
    for case in rng.sample(decided, min(len(decided), batch.count(CASES_PER_YEAR * REVIEWED_SHARE))):
        rows.append(
            FileReview(
                org=org, case=case, reviewed_on=batch.day(rng, case.decision_on + datetime.timedelta(days=1)),
                reviewer="区司法局案卷评查组", score=rng.randint(72, 100),
                problems="" if rng.random() < 0.6 else "证据目录不完整，文书送达回证缺页",
            )
        )  # fmt: skip
    insert_batch(None, FileReview, rows, source=batch.label, owner=None, day=None)
    return rows


def _campaign(batch: Batch, org) -> SpecialAction:
    """The year's 百日攻坚 (one a year, so its name carries the year: names are unique within a team)."""
    [action] = insert_batch(None, SpecialAction, [SpecialAction(
        org=org, name=f"{batch.year}年百日攻坚", kind=SpecialActionKind.CAMPAIGN,
        starts_on=datetime.date(batch.year, 6, 1), ends_on=datetime.date(batch.year, 9, 8),
        joint_departments="城建、交警",
    )], source=batch.label, owner=None, day=None)  # fmt: skip
    return action


def generate(batch: Batch) -> dict[str, int]:
    org = batch.street.units["zf"]
    rng = batch.rng
    maker = Maker(seed=batch.seed)
    total = batch.count(CASES_PER_YEAR, at_least=1)
    until = None
    if batch.end < datetime.date(batch.year, 12, 31):  # the current year: only what is already done
        until = batch.end - datetime.timedelta(days=120)
        if until < datetime.date(batch.year, 2, 1):
            return {"执法案件": 0, "执法检查": 0}
    ids, roster_rows = _roster(batch, org, rng)
    simple = round(total * SIMPLE_SHARE)
    items = _year(maker, org, ids, batch.year, ordinary=total - simple, simple=simple,
                  enterprise=round(total * 0.18), until=until)  # fmt: skip
    cases = insert_cases(None, items, source=batch.label)
    reviews = _reviews(batch, org, cases, rng)
    vehicles = batch.count(1500)
    inspections = _inspections(maker, org, batch.year, batches=max(batch.count(40), 1),
                               enterprise_checks=max(batch.count(850), 1), hazards=batch.count(540),
                               joint=batch.count(8), random_checks=batch.count(12), vehicles=vehicles,
                               until=until, campaign=_campaign(batch, org) if vehicles else None)  # fmt: skip
    insert_inspections(None, inspections, source=batch.label)
    return {
        "执法案件": len(items),
        "执法检查": len(inspections),
        "案卷评查": len(reviews),
        "执法人员、证件、变动与培训学时": roster_rows,
    }
