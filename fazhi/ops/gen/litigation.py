"""Reconsideration and litigation of one 街道-year: cases with their party, documents and hearings, and
analysis meetings.

Written in bulk with the same rules the services apply: the reply date from the deadline rules
(``models.reply_due``), ``due_date`` only while a reply is owed, numbers per responsible unit and
year, one audit entry for the batch of cases.
"""

import datetime
from functools import lru_cache

from django.db import transaction

from fazhi.demo.people import People
from fazhi.ledger.bulk import insert_batch
from fazhi.litigation import models
from fazhi.litigation.demo import ADMIN_ACTS, CIVIL_CAUSES, COMPANIES, OTHER_TITLES
from fazhi.litigation.models import (
    ANSWERED,
    CONCLUDED,
    COPY_DOCUMENT,
    RECEIVED,
    AnalysisMeeting,
    Case,
    CaseDocument,
    CaseKind,
    CaseParty,
    Hearing,
)
from fazhi.litigation.models import LitigationDocumentKind as Doc
from fazhi.litigation.models import LitigationOutcome as Out

from .plan import Batch

CASES_PER_YEAR = 75
KINDS = ((CaseKind.CIVIL, 68), (CaseKind.ADMINISTRATIVE, 20), (CaseKind.RECONSIDERATION, 12))
OUTCOMES = {
    CaseKind.CIVIL: ((Out.UPHELD, 55), (Out.WITHDRAWN, 20), (Out.MEDIATED, 12), (Out.OTHER, 13)),
    CaseKind.ADMINISTRATIVE: ((Out.WITHDRAWN, 45), (Out.MEDIATED, 30), (Out.UPHELD, 22), (Out.LOST, 3)),
    CaseKind.RECONSIDERATION: ((Out.UPHELD, 60), (Out.WITHDRAWN, 30), (Out.CORRECTED, 10)),
}
CLOSING_DOCUMENT = {
    Out.WITHDRAWN: (Doc.RULING, "准予撤诉裁定书"),
    Out.MEDIATED: (Doc.MEDIATION, "调解书"),
    Out.UPHELD: (Doc.JUDGEMENT, "判决书"),
    Out.LOST: (Doc.JUDGEMENT, "判决书"),
    Out.OTHER: (Doc.JUDGEMENT, "判决书"),
    Out.CORRECTED: (Doc.DECISION, "行政复议决定书"),
}
COURTS = {
    CaseKind.CIVIL: ("杭州市余杭区人民法院", "浙0110民初"),
    CaseKind.ADMINISTRATIVE: ("杭州市西湖区人民法院", "浙0106行初"),
    CaseKind.RECONSIDERATION: ("杭州市余杭区人民政府", "余政复"),
}

reply_due = lru_cache(maxsize=8192)(models.reply_due)


def _pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


class _Case:
    def __init__(self, case: Case):
        self.case = case
        self.parties: list[CaseParty] = []
        self.documents: list[CaseDocument] = []
        self.hearings: list[Hearing] = []


def _case(batch: Batch, rng, people: People) -> _Case:
    units = batch.street.units
    kind = _pick(rng, KINDS)
    received = batch.day(rng, end=min(batch.end, datetime.date(batch.year, 11, 30)))
    court, prefix = COURTS[kind]
    if kind == CaseKind.CIVIL:
        cause, act = rng.choice(CIVIL_CAUSES)
        org = units["office"] if rng.random() < 0.6 else units["sfs"]
    else:
        cause, act = "", rng.choice(ADMIN_ACTS)
        org = units["zf"] if rng.random() < 0.6 else units["office"]
    case = Case(
        org=org,
        kind=kind,
        court=court,
        external_number=f"（{received.year}）{prefix}{rng.randint(100, 9999)}号",
        cause=cause,
        disputed_act=act,
        copy_received_on=received,
        status=RECEIVED,
    )
    made = _Case(case)
    if kind == CaseKind.CIVIL and "合同" in cause:
        made.parties.append(CaseParty(name=rng.choice(COMPANIES)))
    else:
        made.parties.append(
            CaseParty(name=people.person_name(), id_number=people.id_number(), phone=people.phone())
        )
    made.documents.append(CaseDocument(kind=COPY_DOCUMENT[kind], received_on=received))
    case.reply_due = reply_due(kind, received)
    replied = case.reply_due - datetime.timedelta(days=rng.randint(0, 5))
    if rng.random() < 0.03:
        replied = case.reply_due + datetime.timedelta(days=2)  # a late answer now and then
    replied = max(replied, received)
    if replied > batch.today:
        case.due_date = case.reply_due
        return made
    case.status, case.replied_on = ANSWERED, replied
    outcome = _pick(rng, OUTCOMES[kind])
    concluded = batch.later(rng, replied, 20, 110)
    if outcome not in (Out.WITHDRAWN,) and kind != CaseKind.RECONSIDERATION:
        held = batch.later(rng, replied, 10, max((concluded - replied).days - 5, 10))
        if held <= batch.today:
            head = kind == CaseKind.ADMINISTRATIVE and rng.random() < 0.95
            made.hearings.append(
                Hearing(
                    held_on=held,
                    head_appeared=head,
                    appeared_by="街道办事处副主任" if head else "",
                    note="负责人出庭应诉并发表意见" if head else "委托律师出庭",
                )
            )
            concluded = max(concluded, held)
    for index in range(rng.choice((0, 1, 1, 2))):
        on = min(batch.later(rng, received, 1, 10), batch.today)
        made.documents.append(CaseDocument(kind=Doc.OTHER, received_on=on, title=OTHER_TITLES[index]))
    if concluded <= batch.today:
        kind_doc, title = CLOSING_DOCUMENT[outcome]
        made.documents.append(CaseDocument(kind=kind_doc, received_on=concluded, title=title))
        case.status, case.outcome, case.concluded_on = CONCLUDED, outcome, concluded
    return made


def _cases(batch: Batch, rng, people) -> dict[str, int]:
    made = [_case(batch, rng, people) for _ in range(batch.count(CASES_PER_YEAR, at_least=1))]
    made.sort(key=lambda m: m.case.copy_received_on)  # ids in date order, as the numbers run
    cases = insert_batch(
        None,
        Case,
        [m.case for m in made],
        [[*m.parties, *m.documents, *m.hearings] for m in made],
        batch.label,
        owner=lambda c: c.org,
        day=lambda c: c.copy_received_on,
    )
    admin = [c for c in cases if c.kind == CaseKind.ADMINISTRATIVE]
    meetings = []
    links = []
    for index in range(min(5, len(cases))):
        held = datetime.date(batch.year, 2 + index * 2, 20)
        if held > batch.today:
            break
        meetings.append(
            AnalysisMeeting(
                org=batch.street.org,
                held_on=held,
                attendees="街道主要领导、分管领导、党政办、法律顾问",
                conclusions="研判争议焦点，明确应诉意见和化解方案。",
            )
        )
    AnalysisMeeting.objects.bulk_create(meetings)
    through = AnalysisMeeting.cases.through
    for index, meeting in enumerate(meetings):
        links += [
            through(analysismeeting_id=meeting.pk, case_id=c.pk) for c in admin[index * 2 : index * 2 + 2]
        ]
    through.objects.bulk_create(links)
    return {
        "复议诉讼案件": len(cases),
        "案件当事人": sum(len(m.parties) for m in made),
        "收到文书": sum(len(m.documents) for m in made),
        "庭审": sum(len(m.hearings) for m in made),
        "涉诉案件分析会": len(meetings),
    }


def generate(batch: Batch) -> dict[str, int]:
    rng = batch.rng
    people = People(seed=batch.seed + 1)
    with transaction.atomic():
        counts = _cases(batch, rng, people)
    return counts
