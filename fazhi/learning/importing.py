"""Excel import and export of the legal-service activity list: every bad cell named, all rows or none."""

from fazhi.dates import today
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver

from .models import SERVICE_UNIT_KINDS, ServiceRecord


def import_services(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    result = ImportResult()
    units = UnitResolver(actor, "法律服务记录")
    records = []
    for row in rows:
        number = row.get("_row", 0)
        org, problem = units.resolve(row.get("org") or "")
        if problem:
            result.errors.append(CellError(number, "驿站或法律顾问室", problem))
        elif org.kind not in SERVICE_UNIT_KINDS:
            result.errors.append(
                CellError(number, "驿站或法律顾问室", f"“{org.name}”不是公共法律服务驿站或法律顾问室")
            )
        if row.get("served_on") and row["served_on"] > today():
            result.errors.append(CellError(number, "日期", "日期不能晚于今天"))
        if row.get("count") is not None and row["count"] < 1:
            result.errors.append(CellError(number, "数量", "数量至少为1"))
        if not result.errors:
            records.append(
                ServiceRecord(
                    org=org,
                    served_on=row["served_on"],
                    kind=row["kind"],
                    count=row["count"],
                    client_kind=row.get("client_kind") or "",
                    lawyer=row.get("lawyer") or "",
                    summary=row.get("summary") or "",
                )
            )
    if result.errors:
        return result
    result.created = insert_batch(actor, ServiceRecord, records, source=source, owner=None, day=None)
    return result


def export_rows(user, services):
    for seq, s in enumerate(services, start=1):
        yield {
            "seq": seq,
            "served_on": s.served_on,
            "kind": s.kind,
            "count": s.count,
            "org": s.org.name,
            "client_kind": s.client_kind,
            "lawyer": s.lawyer,
            "summary": s.summary,
        }
