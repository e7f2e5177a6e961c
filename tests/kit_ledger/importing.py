"""Excel rows in and out: every row checked (unit, right to write there, holder kind) by the kit's
``check_rows``, with its date rule, then all written in one batch with one audit entry, or none."""

from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows

from .columns import notice_sheet
from .models import Notice


def import_rows(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    units = UnitResolver(actor, "整改事项")

    def check(row):
        org, problem = units.holder(row.get("org") or "", Notice)
        if problem:
            return [("承办单位", problem)], None
        notice = Notice(org=org, title=row["title"], issued_on=row["issued_on"])
        notice.refresh_deadlines()
        return [], notice

    notices, errors = check_rows(rows, notice_sheet(), check)
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=write(actor, notices, source))


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
