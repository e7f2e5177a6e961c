"""Excel import and export of cases: cross-field checks, all-or-nothing writing through the services,
and export rows masked as the reader's role requires.

A row is one case with its first opposing party and its first hearing; other documents than the copy
of the complaint or application, further parties and hearings are recorded on the case's page.
"""


from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.ledger.errors import FazhiError
from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver
from fazhi.ledger.personal import mask
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import sees_personal_data

from . import services
from .models import Case, CaseStage, OwnRole


def _row_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    received = row.get("copy_received_on")
    for key, column in (
        ("replied_on", "答辩（答复）日期"),
        ("held_on", "开庭日期"),
        ("concluded_on", "结案日期"),
    ):
        if row.get(key) and received and row[key] < received:
            problems.append((column, f"{column}不能早于收到副本日期"))
    if row.get("outcome") and not row.get("concluded_on"):
        problems.append(("结案日期", "填写了结案结果时必须填写结案日期"))
    if row.get("concluded_on") and not row.get("outcome"):
        problems.append(("结案结果", "填写了结案日期时必须选择结案结果"))
    if row.get("head_appeared") and not row.get("held_on"):
        problems.append(("开庭日期", "填写了负责人出庭时必须填写开庭日期"))
    if row.get("held_on") and row.get("concluded_on") and row["held_on"] > row["concluded_on"]:
        problems.append(("开庭日期", "开庭日期不能晚于结案日期"))
    return problems


def _write(actor, row: dict, org: Organisation) -> Case:
    party = services.PartyData(
        row["party"], id_number=row.get("party_id") or "", phone=row.get("party_phone") or ""
    )
    case = services.register_case(
        actor,
        org=org,
        parties=[party],
        kind=row["kind"],
        stage=row.get("stage") or CaseStage.FIRST,
        court=row["court"],
        external_number=row.get("external_number") or "",
        own_role=row.get("own_role") or OwnRole.DEFENDANT,
        cause=row.get("cause") or "",
        disputed_act=row["disputed_act"],
        copy_received_on=row["copy_received_on"],
    )
    if row.get("replied_on"):
        case = services.record_reply(actor, case, case.version, replied_on=row["replied_on"])
    if row.get("held_on"):
        case = services.add_hearing(
            actor,
            case,
            case.version,
            held_on=row["held_on"],
            head_appeared=bool(row.get("head_appeared")),
            appeared_by=row.get("appeared_by") or "",
        )
    if row.get("outcome"):
        case = services.conclude(
            actor, case, case.version, outcome=row["outcome"], concluded_on=row["concluded_on"]
        )
    return case


def import_cases(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    result = ImportResult()
    orgs = UnitResolver(actor, "案件")
    checked = []
    for row in rows:
        number = row.get("_row", 0)
        org, problem = orgs.resolve(row.get("org") or "")
        if problem:
            result.errors.append(CellError(number, "责任单位", problem))
        for column, message in _row_problems(row):
            result.errors.append(CellError(number, column, message))
        checked.append((row, org))
    if result.errors:
        return result
    with transaction.atomic():
        for row, org in checked:
            try:
                with transaction.atomic():
                    result.created.append(_write(actor, row, org))
            except FazhiError as exc:
                column = next(iter(exc.fields), "") if exc.fields else ""
                result.errors.append(CellError(row.get("_row", 0), column, exc.message))
        if result.errors:
            result.created = []
            transaction.set_rollback(True)
            return result
        record(
            Action.IMPORT,
            actor=actor,
            target_type=Case._meta.label_lower,
            target_repr=f"{source}：导入{len(result.created)}件",
            changes={"导入": [None, f"{len(result.created)}件"]},
        )
    return result


def export_rows(user, cases):
    """Rows for ``export(CASE_SHEET, rows)``; ID numbers and phones masked unless the role may see them."""
    may_see: dict[int, bool] = {}
    for seq, c in enumerate(cases, start=1):
        if c.org_id not in may_see:
            may_see[c.org_id] = sees_personal_data(user, c.org)
        show = may_see[c.org_id]
        party = next(iter(c.parties.all()), None)
        hearing = next(iter(c.hearings.all()), None)
        yield {
            "seq": seq,
            "number": c.number,
            "kind": c.kind,
            "stage": c.stage,
            "org": c.org.code,
            "court": c.court,
            "external_number": c.external_number,
            "own_role": c.own_role,
            "cause": c.cause,
            "disputed_act": c.disputed_act,
            "party": party.name if party else "",
            "party_id": (party.id_number if show else mask("id_number", party.id_number)) if party else "",
            "party_phone": (party.phone if show else mask("phone", party.phone)) if party else "",
            "copy_received_on": c.copy_received_on,
            "replied_on": c.replied_on,
            "held_on": hearing.held_on if hearing else None,
            "head_appeared": hearing.head_appeared if hearing else None,
            "appeared_by": hearing.appeared_by if hearing else "",
            "outcome": c.outcome,
            "concluded_on": c.concluded_on,
        }
