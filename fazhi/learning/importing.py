"""Excel import and export of the learning lists: every bad cell named, all rows or none."""

from fazhi.dates import today
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver, date_errors
from fazhi.ledger.parties import export_value
from fazhi.orgs.models import Organisation

from .columns import adviser_sheet, event_sheet, honour_sheet, service_sheet, session_sheet
from .models import (
    SERVICE_UNIT_KINDS,
    AdviserAssignment,
    Material,
    MaterialKind,
    MaterialUnit,
    ModelCommunity,
    PufaEvent,
    ServiceRecord,
    StudySession,
)


def import_services(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    result = ImportResult()
    units = UnitResolver(actor, "法律服务记录")
    sheet = service_sheet()
    records = []
    for row in rows:
        number = row.get("_row", 0)
        found = len(result.errors)
        org, problem = units.holder(row.get("org") or "", ServiceRecord)
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
        if len(result.errors) == found:  # the row is whole: its record gets the kit's date rule
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
            result.errors += date_errors(number, sheet, records[-1])
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


# --- study sessions and 普法 events -------------------------------------------------------------------------

# An event's material columns: unit column key → (material kind, unit).
MATERIAL_COLUMNS = {
    "fen": (MaterialKind.HANDOUT, MaterialUnit.FEN),
    "zhi": (MaterialKind.BAG, MaterialUnit.ZHI),
    "ben": (MaterialKind.BOOKLET, MaterialUnit.BEN),
}


def _common_checks(
    result: ImportResult, units: UnitResolver, row: dict, day: str, model
) -> Organisation | None:
    number = row.get("_row", 0)
    org, problem = units.holder(row.get("org") or "", model)
    if problem:
        result.errors.append(CellError(number, "组织单位", problem))
    if row.get(day) and row[day] > today():
        result.errors.append(CellError(number, "日期", "日期不能晚于今天；尚未开展的活动请在开展后登记"))
    return org


def import_sessions(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    result = ImportResult()
    units = UnitResolver(actor, "学法培训")
    sheet = session_sheet()
    records = []
    for row in rows:
        found = len(result.errors)
        org = _common_checks(result, units, row, "held_on", StudySession)
        if row.get("attendance") is not None and row["attendance"] < 1:
            result.errors.append(CellError(row.get("_row", 0), "参加人次", "参加人次至少为1"))
        if len(result.errors) != found:
            continue
        topics = "\n".join(
            part.strip() for part in (row.get("topics") or "").replace(";", "；").split("；") if part.strip()
        )
        records.append(
            StudySession(
                org=org,
                held_on=row["held_on"],
                kind=row["kind"],
                title=row["title"],
                topics=topics,
                topic_count=max(len(topics.splitlines()), 1),
                audience=row["audience"],
                attendance=row["attendance"],
                speaker=row.get("speaker") or "",
                hosted_by_head=bool(row.get("hosted_by_head")),
            )
        )
        result.errors += date_errors(row.get("_row", 0), sheet, records[-1])  # the kit's date rule
    if not result.errors:
        result.created = insert_batch(actor, StudySession, records, source=source, owner=None, day=None)
    return result


def import_events(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    result = ImportResult()
    units = UnitResolver(actor, "普法活动")
    sheet = event_sheet()
    records, lines = [], []
    for row in rows:
        found = len(result.errors)
        org = _common_checks(result, units, row, "held_on", PufaEvent)
        if len(result.errors) != found:
            continue
        records.append(
            PufaEvent(
                org=org,
                held_on=row["held_on"],
                kind=row["kind"],
                title=row["title"],
                place=row.get("place") or "",
                people_reached=row.get("people_reached") or 0,
                consultations=row.get("consultations") or 0,
                media_reports=row.get("media_reports") or 0,
            )
        )
        result.errors += date_errors(row.get("_row", 0), sheet, records[-1])  # the kit's date rule
        lines.append(
            [
                Material(kind=kind, unit=unit, quantity=row[key])
                for key, (kind, unit) in MATERIAL_COLUMNS.items()
                if row.get(key)
            ]
        )
    if not result.errors:
        result.created = insert_batch(actor, PufaEvent, records, lines, source=source, owner=None, day=None)
    return result


def session_rows(user, sessions):
    for seq, s in enumerate(sessions, start=1):
        yield {
            "seq": seq,
            "held_on": s.held_on,
            "kind": s.kind,
            "title": s.title,
            "topics": "；".join(s.topic_list()),
            "audience": s.audience,
            "attendance": s.attendance,
            "speaker": s.speaker,
            "hosted_by_head": s.hosted_by_head,
            "org": s.org.name,
        }


def event_rows(user, events):
    for seq, e in enumerate(events, start=1):
        totals = dict.fromkeys(MATERIAL_COLUMNS, 0)
        key_of_unit = {unit: key for key, (_, unit) in MATERIAL_COLUMNS.items()}
        for line in e.materials.all():
            if line.unit in key_of_unit:
                totals[key_of_unit[line.unit]] += line.quantity
        yield {
            "seq": seq,
            "held_on": e.held_on,
            "kind": e.kind,
            "title": e.title,
            "org": e.org.name,
            "place": e.place,
            "people_reached": e.people_reached,
            "consultations": e.consultations,
            "media_reports": e.media_reports,
            **{key: value or None for key, value in totals.items()},
        }


# --- community legal advisers and 民主法治示范社区 ------------------------------------------------------------


def _community(result: ImportResult, units: UnitResolver, row: dict, model) -> Organisation | None:
    org, problem = units.holder(row.get("org") or "", model)
    if problem:
        result.errors.append(CellError(row.get("_row", 0), "社区", problem))
    elif org.kind != "community":
        result.errors.append(CellError(row.get("_row", 0), "社区", f"“{org.name}”不是社区，请填写社区"))
        org = None
    return org


def _not_before(result: ImportResult, row: dict, later: str, earlier: str, header: str, message: str) -> None:
    if row.get(later) and row.get(earlier) and row[later] < row[earlier]:
        result.errors.append(CellError(row.get("_row", 0), header, message))


def import_advisers(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    result = ImportResult()
    units = UnitResolver(actor, "社区法律顾问")
    sheet = adviser_sheet()
    records = []
    for row in rows:
        found = len(result.errors)
        org = _community(result, units, row, AdviserAssignment)
        _not_before(result, row, "term_end", "term_start", "聘期结束", "聘期结束不能早于聘期开始")
        if len(result.errors) != found:
            continue
        records.append(
            AdviserAssignment(
                org=org,
                lawyer=row["lawyer"],
                law_firm=row["law_firm"],
                phone=row.get("phone") or "",
                term_start=row["term_start"],
                term_end=row.get("term_end"),
                rota=row.get("rota") or "",
                duties_per_month=row.get("duties_per_month"),
                note=row.get("note") or "",
            )
        )
        result.errors += date_errors(row.get("_row", 0), sheet, records[-1])  # the kit's date rule
    if not result.errors:
        result.created = insert_batch(actor, AdviserAssignment, records, source=source, owner=None, day=None)
    return result


def import_honours(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    result = ImportResult()
    units = UnitResolver(actor, "民主法治示范社区")
    sheet = honour_sheet()
    records = []
    for row in rows:
        found = len(result.errors)
        org = _community(result, units, row, ModelCommunity)
        _not_before(result, row, "revoked_on", "awarded_on", "撤销命名日期", "撤销命名日期不能早于命名日期")
        if len(result.errors) != found:
            continue
        records.append(
            ModelCommunity(
                org=org,
                level=row["level"],
                title=row["title"],
                awarded_on=row["awarded_on"],
                awarded_by=row.get("awarded_by") or "",
                revoked_on=row.get("revoked_on"),
                note=row.get("note") or "",
            )
        )
        result.errors += date_errors(row.get("_row", 0), sheet, records[-1])  # the kit's date rule
    if not result.errors:
        result.created = insert_batch(actor, ModelCommunity, records, source=source, owner=None, day=None)
    return result


def adviser_rows(user, advisers):
    """The phone whole for a role that sees personal data in the community, masked for everyone else."""
    for seq, a in enumerate(advisers, start=1):
        yield {
            "seq": seq,
            "org": a.org.name,
            "lawyer": a.lawyer,
            "law_firm": a.law_firm,
            "phone": export_value(user, a.org, "phone", a.phone),
            "term_start": a.term_start,
            "term_end": a.term_end,
            "rota": a.rota,
            "duties_per_month": a.duties_per_month,
            "note": a.note,
        }


def honour_rows(user, honours):
    for seq, h in enumerate(honours, start=1):
        yield {
            "seq": seq,
            "org": h.org.name,
            "level": h.level,
            "title": h.title,
            "awarded_on": h.awarded_on,
            "awarded_by": h.awarded_by,
            "revoked_on": h.revoked_on,
            "note": h.note,
        }
