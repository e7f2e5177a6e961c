"""Excel rows in and out: every row checked (unit, right to write there, holder kind), then all written
in one batch with one audit entry, or none."""

from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver

from .models import Notice


def import_rows(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    result = ImportResult()
    units = UnitResolver(actor, "整改事项")
    notices = []
    for row in rows:
        org, problem = units.holder(row.get("org") or "", Notice)
        if problem:
            result.errors.append(CellError(row.get("_row", 0), "承办单位", problem))
            continue
        notice = Notice(org=org, title=row["title"], issued_on=row["issued_on"])
        notice.refresh_deadlines()
        notices.append(notice)
    if not result.errors:
        result.created = write(actor, notices, source)
    return result


def write(actor, notices: list[Notice], source: str) -> list[Notice]:
    return insert_batch(
        actor, Notice, notices, source=source, owner=lambda n: n.org, day=lambda n: n.issued_on
    )


def export_rows(user, notices):
    """Units by name (the import reads names back); nothing personal to mask."""
    for seq, notice in enumerate(notices, start=1):
        yield {
            "seq": seq,
            "number": notice.number,
            "org": notice.org.name,
            "title": notice.title,
            "issued_on": notice.issued_on,
            "status": notice.status,
            "due": notice.due_text(),
        }
