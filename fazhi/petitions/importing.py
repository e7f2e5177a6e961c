"""Excel import and export of citizen demands: every bad cell named, nothing written unless every row is
right, and a demand already registered (the same channel and 工单编号, in the database or earlier in the
file) skipped rather than registered twice."""

from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver

from .bulk import insert_demands
from .ledger_units import HOLDER_KINDS
from .models import DEMAND_STATES, HANDLED, CitizenDemand


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
    result.skipped = 0
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
        org, problem = orgs.resolve(row.get("org") or "")
        if problem:
            result.errors.append(CellError(number, "承办单位", problem))
        elif org.kind not in HOLDER_KINDS:
            result.errors.append(
                CellError(number, "承办单位", f"“{org.name}”不承办民意诉求；请填写街道、内设机构或社区")
            )
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
