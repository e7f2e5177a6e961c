"""Excel import and export of citizen demands and petitions: every bad cell named, nothing written unless
every row is right. A demand already registered (the same channel and 工单编号) is updated from the row, not
registered twice: a platform's later export brings the same 工单 with their progress."""

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.errors import FazhiError
from fazhi.ledger import services as ledger
from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows
from fazhi.ledger.parties import export_value
from fazhi.orgs.scoping import can_write

from . import services
from .bulk import NewPetition, insert_demands, insert_petitions
from .columns import DEMAND_SHEET, PETITION_SHEET
from .models import (
    ANSWERED,
    DEMAND_STATES,
    HANDLED,
    NOT_ACCEPTED,
    RECEIVED,
    STATES,
    CitizenDemand,
    Decision,
    Form,
    Petition,
    Petitioner,
    PetitionSettings,
)


def _row_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    status = row.get("status") or DEMAND_STATES.initial
    if status == HANDLED and not row.get("handled_on"):
        problems.append(("办结日期", "状态为“已办结”时必填办结日期"))
    if row.get("handled_on") and status != HANDLED:
        problems.append(("状态", "填写了办结日期，但状态不是“已办结”"))
    if row.get("handled_on") and row.get("received_on") and row["handled_on"] < row["received_on"]:
        problems.append(("办结日期", "办结日期不能早于受理日期"))
    if (row.get("resolved") or row.get("satisfied") is not None) and status != HANDLED:
        problems.append(("状态", "填写了是否解决或是否满意，但状态不是“已办结”"))
    return problems


# What a platform's later export may change on a demand already imported (its 工单编号 and channel identify
# it; its unit does not move through a file).
DEMAND_FIELDS = (
    "received_on",
    "category",
    "content",
    "due_date",
    "status",
    "handled_on",
    "reply",
    "resolved",
    "satisfied",
)


def _demand_values(row: dict) -> dict:
    return {
        "status": row.get("status") or DEMAND_STATES.initial,
        "received_on": row.get("received_on"),
        "category": row.get("category") or "",
        "content": row.get("content") or "",
        "due_date": row.get("due_date"),
        "handled_on": row.get("handled_on"),
        "reply": row.get("reply") or "",
        "resolved": bool(row.get("resolved")),
        "satisfied": row.get("satisfied"),
    }


def _update_problems(actor, current: CitizenDemand, org, values: dict) -> list[tuple[str, str]]:
    """Why a row cannot update the demand its 工单编号 names ([] if it can)."""
    if not can_write(actor, current.org):
        # Not named: the importer may not see that unit's records.
        return [("平台工单编号", "该工单已由您无权修改的单位登记，不能导入或更新；请与该工单的承办单位核对")]
    problems = []
    if org is not None and org.pk != current.org_id:
        problems.append(
            (
                "承办单位",
                f"该工单已由“{current.org.name}”登记（{current.number}），不能改为“{org.name}”；"
                f"请把承办单位改回“{current.org.name}”",
            )
        )
    if current.status == HANDLED and values["status"] != HANDLED:
        problems.append(("状态", f"该工单已办结（{current.number}），不能改回“待办理”；请核对状态或删去此行"))
    return problems


def import_demands(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """New 工单 are registered; a 工单 already held (same channel and 工单编号) is updated to the row's values
    when they differ and left alone when they do not. All in one transaction: any bad cell, or any update
    the services refuse, and nothing at all is written."""
    result = ImportResult()
    orgs = UnitResolver(actor, "民意诉求")
    keys = {(row.get("channel"), (row.get("external_number") or "").strip()) for row in rows}
    held = {
        (d.channel, d.external_number): d
        for d in CitizenDemand.objects.filter(
            external_number__in={number for _, number in keys if number}
        ).select_related("org")
    }
    first: dict = {}  # key → (row number, its values): the same 工单 twice in one file
    changes = []

    def check(row):
        number = row.get("_row", 0)
        org, problem = orgs.holder(row.get("org") or "", CitizenDemand)
        problems = [("承办单位", problem)] if problem else []
        problems += _row_problems(row)
        key = (row.get("channel"), (row.get("external_number") or "").strip())
        values = _demand_values(row) | {"org": org}
        if key in first:
            earlier, earlier_values = first[key]
            if earlier_values == values:
                result.skipped += 1
            else:
                problems.append(("平台工单编号", f"与第{earlier}行是同一工单，但内容不同；请只保留其中一行"))
            return problems, None
        first[key] = (number, values)
        current = held.get(key)
        if current is not None:  # updated below through the services, which apply the date rule themselves
            problems += _update_problems(actor, current, org, values)
            if not problems:
                wanted = {name: values[name] for name in DEMAND_FIELDS}
                if any(getattr(current, name) != value for name, value in wanted.items()):
                    changes.append((number, current, wanted))
                else:
                    result.unchanged += 1
            return problems, None
        if problems:
            return problems, None
        return [], CitizenDemand(
            org=org, channel=row["channel"], external_number=key[1], **_demand_values(row)
        )

    demands, result.errors = check_rows(rows, DEMAND_SHEET, check)
    if result.errors:
        return result
    try:
        with transaction.atomic():
            result.created = insert_demands(actor, demands, source=source)
            result.updated = _update_demands(actor, changes, result, source=source)
            if result.errors:
                raise _Refused
    except _Refused:
        result.created, result.updated = [], []
    return result


class _Refused(Exception):
    """Rolls back an import that a service refused part of."""


def _update_demands(actor, changes: list, result: ImportResult, *, source: str) -> list[CitizenDemand]:
    """Each change through the ledger kit (its version check, dates, audit entry), a 工单 the platform now
    shows 办结 moved to 已办结 by a transition; a refusal becomes the row's error. One import entry names
    the file and the records it changed."""
    updated = []
    for number, current, wanted in changes:

        def apply(fresh, wanted=wanted):
            for name, value in wanted.items():
                setattr(fresh, name, value)
            services.check_demand(fresh)

        try:
            if (
                wanted["status"] != current.status
            ):  # 待办理 → 已办结: the only move _update_problems lets through
                target = wanted.pop("status")
                updated.append(ledger.transition(actor, current, current.version, target, apply))
            else:
                updated.append(ledger.update(actor, current, current.version, apply))
        except FazhiError as error:
            result.errors.append(CellError(number, "平台工单编号", f"{current.number}未能更新：{error}"))
    if updated and not result.errors:
        record(
            Action.IMPORT,
            actor=actor,
            target_type=CitizenDemand._meta.label_lower,
            target_repr=f"{source}：更新{len(updated)}件",
            changes={"更新": [None, "、".join(d.number for d in updated)]},
        )
    return updated


def export_rows(user, demands):
    """Rows for the sheet; a demand holds no personal data, so nothing is masked."""
    for seq, d in enumerate(demands, start=1):
        yield {
            "seq": seq,
            "number": d.number,
            "channel": d.channel,
            "external_number": d.external_number,
            "received_on": d.received_on,
            "org": d.org.name,
            "category": d.category,
            "content": d.content,
            "due_date": d.due_date,
            "status": d.status,
            "handled_on": d.handled_on,
            "reply": d.reply,
            "resolved": d.resolved if d.status == HANDLED else None,
            "satisfied": d.satisfied,
        }


# --- petitions -------------------------------------------------------------------------------------


def _petition_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    status = row.get("status") or STATES.initial
    received_on = row.get("received_on")
    if status != RECEIVED and not row.get("decided_on"):
        problems.append(("告知日期", f"状态为“{STATES.labels[status]}”时必填告知日期"))
    if status == RECEIVED and row.get("decided_on"):
        problems.append(("状态", "填写了告知日期，但状态为“待受理”；请选择受理后的状态"))
    if status == NOT_ACCEPTED and not row.get("decision_note"):
        problems.append(("不予受理理由", "不予受理时须写明理由"))
    if row.get("decided_on") and received_on and row["decided_on"] < received_on:
        problems.append(("告知日期", "告知日期不能早于收到日期"))
    if status == ANSWERED:
        if not row.get("opinion_on"):
            problems.append(("出具处理意见书日期", "状态为“已出具处理意见”时必填"))
        if not row.get("opinion_result"):
            problems.append(("处理意见", "状态为“已出具处理意见”时必填"))
    elif row.get("opinion_on"):
        problems.append(("状态", "填写了处理意见书日期，但状态不是“已出具处理意见”"))
    if row.get("opinion_on") and row.get("decided_on") and row["opinion_on"] < row["decided_on"]:
        problems.append(("出具处理意见书日期", "不能早于告知日期"))
    if row.get("identity_unclear") and (row.get("transferred_from") or "").strip():
        problems.append(
            ("姓名住址不清", "转送、交办的信访事项没有姓名、住址不清的例外（条例第二十三条第三款）")
        )
    if row.get("leader_reception") and row.get("form") != Form.VISIT:
        problems.append(("信访形式", "领导接访日接待的信访形式应为来访"))
    if row.get("leader_reception") and not row.get("receiving_leader"):
        problems.append(("接访领导", "领导接访日接待的须填写接访领导"))
    return problems


def _new_petition(row: dict, org, threshold: int) -> NewPetition:
    status = row.get("status") or STATES.initial
    persons = row.get("persons") or 1
    decision = {RECEIVED: "", NOT_ACCEPTED: Decision.REJECT}.get(status, Decision.ACCEPT)
    petition = Petition(
        org=org,
        status=status,
        form=row["form"],
        received_on=row["received_on"],
        transferred_from=row.get("transferred_from") or "",
        identity_unclear=bool(row.get("identity_unclear")),
        matter=row["matter"],
        category=row.get("category") or "",
        persons=persons,
        is_group=persons >= threshold,
        leader_reception=bool(row.get("leader_reception")),
        receiving_leader=row.get("receiving_leader") or "",
        decision=decision,
        decided_on=row.get("decided_on"),
        decision_note=row.get("decision_note") or "",
        opinion_on=row.get("opinion_on"),
        opinion_result=row.get("opinion_result") or "",
        opinion_text=row.get("opinion_text") or "",
    )
    party = Petitioner(name=row["name"], id_number=row.get("id_number") or "", phone=row.get("phone") or "")
    return NewPetition(petition, [party])


def import_petitions(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    orgs = UnitResolver(actor, "信访事项")
    threshold = PetitionSettings.current().group_threshold

    def check(row):
        org, problem = orgs.holder(row.get("org") or "", Petition)
        problems = [("承办单位", problem)] if problem else []
        problems += _petition_problems(row)
        if problems:
            return problems, None
        return [], _new_petition(row, org, threshold)

    items, errors = check_rows(rows, PETITION_SHEET, check, dated=lambda item: [item.petition])
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=insert_petitions(actor, items, source=source))


def export_petitions(user, petitions):
    """Rows for the sheet; the petitioner's ID number and phone as the kit's policy lets the person see them
    in a file (whole only for a role that sees personal data in the petition's unit)."""
    for seq, p in enumerate(petitions, start=1):
        first = next(iter(p.parties.all()), None)

        def personal(kind, party=first, org=p.org):
            return export_value(user, org, kind, getattr(party, kind)) if party else ""

        yield {
            "seq": seq,
            "number": p.number,
            "received_on": p.received_on,
            "form": p.form,
            "transferred_from": p.transferred_from,
            "identity_unclear": p.identity_unclear,
            "org": p.org.name,
            "name": first.name if first else "",
            "id_number": personal("id_number"),
            "phone": personal("phone"),
            "persons": p.persons,
            "leader_reception": p.leader_reception,
            "receiving_leader": p.receiving_leader,
            "matter": p.matter,
            "category": p.category,
            "status": p.status,
            "decided_on": p.decided_on,
            "decision_note": p.decision_note if p.status == NOT_ACCEPTED else "",
            "due": p.due_text() if not p.is_closed else "",
            "opinion_on": p.opinion_on,
            "opinion_result": p.opinion_result,
            "opinion_text": p.opinion_text,
        }
