"""Excel import and export of cases: cross-field checks, all-or-nothing writing through the ledger kit's
``insert_batch``, and export rows as the masking policy allows the reader.

A row is one case with its first opposing party and its first hearing; other documents than the copy
of the complaint or application, further parties and hearings are recorded on the case's page. An
imported case gets what the services would give it: the reply date from the rules, the copy as its
first document, the status its dates say, and a number in its unit's sequence.
"""

from django.core.exceptions import ValidationError

from fazhi.dates import today
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows
from fazhi.ledger.parties import export_value
from fazhi.orgs.models import Organisation

from .columns import CASE_SHEET
from .models import (
    ANSWERED,
    CONCLUDED,
    COPY_DOCUMENT,
    RECEIVED,
    Case,
    CaseDocument,
    CaseParty,
    CaseStage,
    Hearing,
    OwnRole,
)

TITLES = {column.key: column.header for column in CASE_SHEET.columns}
# Set when the batch is written (numbers, links, who wrote it), so not checked beforehand.
FILLED_ON_WRITING = ["number", "created_by", "updated_by", "case", "recorded_by", "attachment"]
PARTY_COLUMNS = {"name": "party", "id_number": "party_id", "phone": "party_phone"}


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
    for key in ("copy_received_on", "replied_on", "concluded_on"):
        if row.get(key) and row[key] > today():
            problems.append((TITLES[key], f"{TITLES[key]}不能晚于今天，请核对"))
    if row.get("outcome") and not row.get("concluded_on"):
        problems.append(("结案日期", "填写了结案结果时必须填写结案日期"))
    if row.get("concluded_on") and not row.get("outcome"):
        problems.append(("结案结果", "填写了结案日期时必须选择结案结果"))
    if row.get("head_appeared") and not row.get("held_on"):
        problems.append(("开庭日期", "填写了负责人出庭时必须填写开庭日期"))
    if row.get("head_appeared") and not (row.get("appeared_by") or "").strip():
        problems.append(("出庭人员", "负责人出庭时请填写出庭负责人的姓名和职务"))
    if row.get("held_on") and row.get("concluded_on") and row["held_on"] > row["concluded_on"]:
        problems.append(("开庭日期", "开庭日期不能晚于结案日期"))
    return problems


def _build(actor, row: dict, org: Organisation) -> tuple[Case, list]:
    """The case and its rows as the services would have left them after registering the copy, the
    reply, the hearing and the conclusion the row records."""
    received = row["copy_received_on"]
    case = Case(
        org=org,
        kind=row["kind"],
        stage=row.get("stage") or CaseStage.FIRST,
        court=row["court"],
        external_number=row.get("external_number") or "",
        own_role=row.get("own_role") or OwnRole.DEFENDANT,
        cause=row.get("cause") or "",
        disputed_act=row["disputed_act"],
        copy_received_on=received,
        replied_on=row.get("replied_on"),
        outcome=row.get("outcome") or "",
        concluded_on=row.get("concluded_on"),
    )
    case.status = CONCLUDED if case.outcome else ANSWERED if case.replied_on else RECEIVED
    case.refresh_deadlines()
    rows = [
        CaseParty(name=row["party"], id_number=row.get("party_id") or "", phone=row.get("party_phone") or ""),
        CaseDocument(kind=COPY_DOCUMENT[case.kind], received_on=received, recorded_by=actor),
    ]
    if row.get("held_on"):
        rows.append(
            Hearing(
                held_on=row["held_on"],
                head_appeared=bool(row.get("head_appeared")),
                appeared_by=row.get("appeared_by") or "",
            )
        )
    return case, rows


def _invalid(case: Case, rows: list) -> list[tuple[str, str]]:
    """What the models' own validation refuses, by the sheet's column titles."""
    problems = []
    for instance, columns in (
        (case, {}),
        *((r, PARTY_COLUMNS if isinstance(r, CaseParty) else {}) for r in rows),
    ):
        try:
            instance.full_clean(exclude=FILLED_ON_WRITING, validate_unique=False)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                key = columns.get(field, field)
                problems.append((TITLES.get(key, ""), "；".join(messages)))
    return problems


def import_cases(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    orgs = UnitResolver(actor, "案件")

    def check(row):
        org, problem = orgs.holder(row.get("org") or "", Case)
        problems = [("责任单位", problem)] if problem else []
        problems += _row_problems(row)
        if problems:
            return problems, None
        # built to be held to the models' own validation too, which needs the records
        case, children = _build(actor, row, org)
        return _invalid(case, children), (case, children)

    built, errors = check_rows(rows, CASE_SHEET, check, dated=lambda pair: [pair[0], *pair[1]])
    if errors:
        return ImportResult(errors=errors)
    created = insert_batch(
        actor,
        Case,
        [case for case, _ in built],
        [children for _, children in built],
        source,
        owner=lambda case: case.org,
        day=lambda case: case.copy_received_on,
    )
    return ImportResult(created=created)


def export_rows(user, cases):
    """Rows for ``export(CASE_SHEET, rows)``; ID numbers and phones as the ledger kit's policy lets the
    person see them in a file; units by name, which the import reads back."""
    for seq, c in enumerate(cases, start=1):
        party = next(iter(c.parties.all()), None)
        hearing = next(iter(c.hearings.all()), None)
        yield {
            "seq": seq,
            "number": c.number,
            "due": c.due_text("reply_due"),
            "kind": c.kind,
            "stage": c.stage,
            "org": c.org.name,
            "court": c.court,
            "external_number": c.external_number,
            "own_role": c.own_role,
            "cause": c.cause,
            "disputed_act": c.disputed_act,
            "party": party.name if party else "",
            "party_id": export_value(user, c.org, "id_number", party.id_number) if party else "",
            "party_phone": export_value(user, c.org, "phone", party.phone) if party else "",
            "copy_received_on": c.copy_received_on,
            "replied_on": c.replied_on,
            "held_on": hearing.held_on if hearing else None,
            "head_appeared": hearing.head_appeared if hearing else None,
            "appeared_by": hearing.appeared_by if hearing else "",
            "outcome": c.outcome,
            "concluded_on": c.concluded_on,
        }
