"""Excel import and export of the learning lists: every bad cell named, all rows or none."""

from fazhi.dates import today
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows, import_records
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
    units = UnitResolver(actor, "法律服务记录")

    def check(row):
        org, problem = units.holder(row.get("org") or "", ServiceRecord)
        if not problem and org.kind not in SERVICE_UNIT_KINDS:
            problem = f"“{org.name}”不是公共法律服务驿站或法律顾问室"
        problems = [("驿站或法律顾问室", problem)] if problem else []
        if row.get("served_on") and row["served_on"] > today():
            problems.append(("日期", "日期不能晚于今天"))
        if row.get("count") is not None and row["count"] < 1:
            problems.append(("数量", "数量至少为1"))
        if problems:
            return problems, None
        record = ServiceRecord(
            org=org,
            served_on=row["served_on"],
            kind=row["kind"],
            count=row["count"],
            client_kind=row.get("client_kind") or "",
            lawyer=row.get("lawyer") or "",
            summary=row.get("summary") or "",
        )
        return [], record

    return import_records(actor, ServiceRecord, rows, service_sheet(), check, source=source)


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


def _common_checks(units: UnitResolver, row: dict, day: str, model) -> tuple[Organisation | None, list]:
    """The row's unit and its activity's day, which every activity list checks alike."""
    org, problem = units.holder(row.get("org") or "", model)
    problems = [("组织单位", problem)] if problem else []
    if row.get(day) and row[day] > today():
        problems.append(("日期", "日期不能晚于今天；尚未开展的活动请在开展后登记"))
    return org, problems


def import_sessions(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    units = UnitResolver(actor, "学法培训")

    def check(row):
        org, problems = _common_checks(units, row, "held_on", StudySession)
        if row.get("attendance") is not None and row["attendance"] < 1:
            problems.append(("参加人次", "参加人次至少为1"))
        if problems:
            return problems, None
        topics = "\n".join(
            part.strip() for part in (row.get("topics") or "").replace(";", "；").split("；") if part.strip()
        )
        session = StudySession(
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
        return [], session

    return import_records(actor, StudySession, rows, session_sheet(), check, source=source)


def import_events(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    units = UnitResolver(actor, "普法活动")

    def check(row):
        org, problems = _common_checks(units, row, "held_on", PufaEvent)
        if problems:
            return problems, None
        event = PufaEvent(
            org=org,
            held_on=row["held_on"],
            kind=row["kind"],
            title=row["title"],
            place=row.get("place") or "",
            people_reached=row.get("people_reached") or 0,
            consultations=row.get("consultations") or 0,
            media_reports=row.get("media_reports") or 0,
        )
        materials = [
            Material(kind=kind, unit=unit, quantity=row[key])
            for key, (kind, unit) in MATERIAL_COLUMNS.items()
            if row.get(key)
        ]
        return [], (event, materials)

    # the material lines hold no date: the event alone gets the kit's date rule
    built, errors = check_rows(rows, event_sheet(), check, dated=lambda pair: [pair[0]])
    if errors:
        return ImportResult(errors=errors)
    records, lines = [event for event, _ in built], [materials for _, materials in built]
    return ImportResult(
        created=insert_batch(actor, PufaEvent, records, lines, source=source, owner=None, day=None)
    )


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


def _community(units: UnitResolver, row: dict, model) -> tuple[Organisation | None, list]:
    org, problem = units.holder(row.get("org") or "", model)
    if not problem and org.kind != "community":
        org, problem = None, f"“{org.name}”不是社区，请填写社区"
    return org, [("社区", problem)] if problem else []


def _not_before(row: dict, later: str, earlier: str, header: str, message: str) -> list:
    if row.get(later) and row.get(earlier) and row[later] < row[earlier]:
        return [(header, message)]
    return []


def import_advisers(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    units = UnitResolver(actor, "社区法律顾问")

    def check(row):
        org, problems = _community(units, row, AdviserAssignment)
        problems += _not_before(row, "term_end", "term_start", "聘期结束", "聘期结束不能早于聘期开始")
        if problems:
            return problems, None
        adviser = AdviserAssignment(
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
        return [], adviser

    return import_records(actor, AdviserAssignment, rows, adviser_sheet(), check, source=source)


def import_honours(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    units = UnitResolver(actor, "民主法治示范社区")

    def check(row):
        org, problems = _community(units, row, ModelCommunity)
        problems += _not_before(
            row, "revoked_on", "awarded_on", "撤销命名日期", "撤销命名日期不能早于命名日期"
        )
        if problems:
            return problems, None
        honour = ModelCommunity(
            org=org,
            level=row["level"],
            title=row["title"],
            awarded_on=row["awarded_on"],
            awarded_by=row.get("awarded_by") or "",
            revoked_on=row.get("revoked_on"),
            note=row.get("note") or "",
        )
        return [], honour

    return import_records(actor, ModelCommunity, rows, honour_sheet(), check, source=source)


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
