"""Excel import and export of citizen demands and petitions: every bad cell named, nothing written unless
every row is right. A demand already registered (the same channel and 工单编号, in the database or earlier
in the file) is skipped rather than registered twice."""

from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver, date_errors
from fazhi.ledger.parties import export_value

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


def import_demands(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    result = ImportResult()
    orgs = UnitResolver(actor, "民意诉求")
    keys = {(row.get("channel"), (row.get("external_number") or "").strip()) for row in rows}
    known = set(
        CitizenDemand.objects.filter(
            external_number__in={number for _, number in keys if number}
        ).values_list("channel", "external_number")
    )
    seen: set = set()
    demands = []
    for row in rows:
        number = row.get("_row", 0)
        org, problem = orgs.holder(row.get("org") or "", CitizenDemand)
        if problem:
            result.errors.append(CellError(number, "承办单位", problem))
        for column, message in _row_problems(row):
            result.errors.append(CellError(number, column, message))
        key = (row.get("channel"), (row.get("external_number") or "").strip())
        if key in known or key in seen:
            result.skipped += 1  # imported before (or twice in this file): registered once
            continue
        seen.add(key)
        if not result.errors:
            demands.append(
                CitizenDemand(
                    org=org,
                    status=row.get("status") or DEMAND_STATES.initial,
                    channel=row["channel"],
                    external_number=key[1],
                    received_on=row["received_on"],
                    category=row.get("category") or "",
                    content=row["content"],
                    due_date=row.get("due_date"),
                    handled_on=row.get("handled_on"),
                    reply=row.get("reply") or "",
                    resolved=bool(row.get("resolved")),
                    satisfied=row.get("satisfied"),
                )
            )
            result.errors += date_errors(number, DEMAND_SHEET, demands[-1])  # the kit's date rule
    if result.errors:
        return result
    result.created = insert_demands(actor, demands, source=source)
    return result


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
    result = ImportResult()
    orgs = UnitResolver(actor, "信访事项")
    threshold = PetitionSettings.current().group_threshold
    items = []
    for row in rows:
        number = row.get("_row", 0)
        org, problem = orgs.holder(row.get("org") or "", Petition)
        if problem:
            result.errors.append(CellError(number, "承办单位", problem))
        for column, message in _petition_problems(row):
            result.errors.append(CellError(number, column, message))
        if not result.errors:
            items.append(_new_petition(row, org, threshold))
            result.errors += date_errors(number, PETITION_SHEET, items[-1].petition)  # the kit's date rule
    if result.errors:
        return result
    result.created = insert_petitions(actor, items, source=source)
    return result


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
