"""Oversight items of one 街道-year: every kind the office receives — 司法/检察建议书 (some 公益诉讼, a few urgent),
人大代表建议 and 政协提案 with their handling units, 面商 and satisfaction, 督办 items, audit projects with
their rectification measures and 督察 feedback — and the 法治督察提醒函 issued by the 街道, written in bulk with
the rules the services apply (the reply date from the deadline rules or the letter, numbers per unit and year,
one audit entry per ledger model for the batch)."""

import datetime
from functools import lru_cache

from django.db import transaction

from fazhi.ledger.bulk import insert_batch
from fazhi.oversight import models
from fazhi.oversight.models import (
    CLOSED,
    FOLLOWED,
    PROPOSALS,
    REPLIED,
    WAITING,
    AuditKind,
    Contact,
    ContactMode,
    HandlingUnit,
    Level,
    Measure,
    MeasureStatus,
    Reminder,
    Role,
    Satisfaction,
    Suggestion,
    SuggestionKind,
    SupervisionKind,
)

from .plan import Batch

suggestion_due = lru_cache(maxsize=4096)(models.suggestion_due)

K = SuggestionKind
# kind → (items a year in an average 街道, the issuer, what it is about)
KINDS = {
    K.JUDICIAL: (2, "杭州市余杭区人民法院", "建议规范行政执法程序，加强合同履行风险评估。"),
    K.PROCURATORATE: (2, "杭州市余杭区人民检察院", "建议依法履行河道、违建监管职责，消除公共安全隐患。"),
    K.NPC: (20, "区人大常委会选举任免联络工作委员会", "关于加强老旧小区电动自行车充电设施建设的建议。"),
    K.CPPCC: (8, "区政协提案委员会", "关于完善社区公共法律服务网络的提案。"),
    K.SUPERVISION: (12, "区委区政府督查室", "区两重项目推进及矛盾纠纷化解情况督办。"),
    K.AUDIT: (4, "区审计局", "村（社区）换届经济责任审计。"),
    K.INSPECTION: (2, "区委全面依法治区委员会办公室", "法治政府建设督察反馈问题整改。"),
}
PROPOSERS = ("王建国", "李秀英", "张伟", "刘芳", "陈志强", "杨丽华")
AUDITED = ("股份经济合作社", "社区居委会", "物业服务中心")
PROBLEMS = (
    ("合同管理不规范", "补签合同并建立台账"),
    ("资产台账不全", "清查资产、补录台账"),
    ("财务审批不严", "修订审批制度并培训"),
)


def _kind_fields(kind: str, rng, index: int) -> dict:
    """The fields of the kind (KIND_FIELDS), as the office fills them."""
    if kind in PROPOSALS:
        return {
            "level": rng.choice((Level.DISTRICT, Level.DISTRICT, Level.CITY)),
            "role": rng.choice((Role.LEAD, Role.LEAD, Role.HANDLE, Role.ASSIST, Role.SPLIT)),
            "proposer": PROPOSERS[index % len(PROPOSERS)],
            "complex_case": rng.random() < 0.1,
        }
    if kind == K.PROCURATORATE:
        public_interest = rng.random() < 0.5
        return {"public_interest": public_interest, "urgent": public_interest and rng.random() < 0.3}
    if kind == K.SUPERVISION:
        return {"supervision_kind": rng.choice((SupervisionKind.KEY_TASK,) * 5 + (SupervisionKind.PLEDGE,))}
    if kind == K.AUDIT:
        findings = rng.randint(1, 3)
        return {
            "audit_kind": rng.choice(AuditKind.values),
            "audited_entity": f"第{index + 1}{AUDITED[index % len(AUDITED)]}",
            "findings_count": findings,
            "recommendations_count": findings,
        }
    return {}


def _children(batch: Batch, rng, item: Suggestion, index: int) -> list:
    """Its handling units (the lead and, for a proposal, a co-handling community), a 面商 and its measures."""
    units = batch.street.units
    rows = []
    if item.kind in PROPOSALS or item.kind == K.SUPERVISION:
        rows.append(
            HandlingUnit(unit=units["zf"], lead=True, part="牵头办理并答复", assigned_on=item.received_on)
        )
        if item.kind in PROPOSALS:
            community = batch.street.communities[index % len(batch.street.communities)]
            rows.append(HandlingUnit(unit=community, part="摸排情况、配合落实", assigned_on=item.received_on))
            met = item.received_on + datetime.timedelta(days=rng.randint(7, 30))
            if met <= batch.today:
                rows.append(Contact(on=met, mode=ContactMode.MEETING, note="与代表（委员）面商办理方案。"))
    if item.kind == K.AUDIT:
        for problem, action in PROBLEMS[: item.findings_count]:
            due = item.received_on + datetime.timedelta(days=rng.randint(30, 120))
            done = due - datetime.timedelta(days=rng.randint(0, 20))
            measure = Measure(problem=problem, action=action, owner=item.audited_entity, due_on=due)
            if done <= batch.today and done >= item.received_on:
                measure.status, measure.done_on, measure.note = MeasureStatus.DONE, done, "已整改到位。"
            rows.append(measure)
    return rows


def _suggestions(batch: Batch, rng) -> int:
    office = batch.street.units["office"]
    items, children = [], []
    for kind, (per_year, issuer, content) in KINDS.items():
        for index in range(batch.count(per_year, at_least=1)):
            received = batch.day(rng, end=min(batch.end, datetime.date(batch.year, 11, 30)))
            own = _kind_fields(kind, rng, index)
            letter_due = None
            if kind not in models.SUGGESTION_RULES:  # 督办, 审计, 督察: the letter's own date
                letter_due = received + datetime.timedelta(days=rng.choice((15, 30, 60)))
            due = suggestion_due(
                kind,
                received,
                **{k: own.get(k, False) for k in ("complex_case", "public_interest", "urgent")},
            )
            due = due or letter_due
            item = Suggestion(
                org=office,
                kind=kind,
                issuer=issuer,
                letter_number=f"{received.year}第{rng.randint(1, 99)}号",
                received_on=received,
                content=content,
                letter_reply_due=letter_due,
                reply_due=due,
                due_date=due,
                status=WAITING,
                **own,
            )
            rows = _children(batch, rng, item, index)
            replied = max(due - datetime.timedelta(days=rng.randint(1, 10)), received)
            if replied <= batch.today:
                item.status, item.replied_on = REPLIED, replied
                item.reply_text = "已开展专项整改并书面反馈。"
                if kind in PROPOSALS:
                    feedback = replied + datetime.timedelta(days=rng.randint(3, 15))
                    if feedback <= batch.today:
                        item.satisfaction_on = feedback
                        item.satisfaction = rng.choice(
                            (Satisfaction.SATISFIED,) * 6 + (Satisfaction.BASIC,) * 3
                        )
                open_measures = [
                    m for m in rows if isinstance(m, Measure) and m.status == MeasureStatus.PENDING
                ]
                ready = kind not in PROPOSALS or item.satisfaction
                closing = max([replied, item.satisfaction_on or replied] + [
                    m.done_on for m in rows if isinstance(m, Measure) and m.done_on
                ])  # fmt: skip
                if ready and not open_measures and closing <= batch.today and rng.random() < 0.7:
                    item.status, item.closed_on = CLOSED, closing
            items.append(item)
            children.append(rows)
    insert_batch(
        None, Suggestion, items, children, batch.label, owner=lambda s: s.org, day=lambda s: s.received_on
    )
    return len(items)


def _reminders(batch: Batch, rng) -> int:
    units = batch.street.units
    targets = (units["zf"], units["sfs"], units["office"], units["zf"], batch.street.communities[0])
    items = []
    for index in range(batch.count(5, at_least=1)):
        issued = batch.day(rng, end=min(batch.end, datetime.date(batch.year, 11, 30)))
        item = Reminder(
            org=batch.street.org,
            to_unit=targets[index % len(targets)],
            issued_on=issued,
            matter="行政执法程序不规范，存在履职法律风险，请对照整改并书面反馈。",
            due_date=issued + datetime.timedelta(days=30),
            status="issued",
        )
        followed = issued + datetime.timedelta(days=rng.randint(10, 28))
        if followed <= batch.today:
            item.status, item.followed_on, item.follow_up = FOLLOWED, followed, "已组织自查并完善执法文书。"
        items.append(item)
    insert_batch(None, Reminder, items, None, batch.label, owner=lambda r: r.org, day=lambda r: r.issued_on)
    return len(items)


def generate(batch: Batch) -> dict[str, int]:
    rng = batch.rng
    with transaction.atomic():
        return {"监督事项": _suggestions(batch, rng), "提醒函": _reminders(batch, rng)}
