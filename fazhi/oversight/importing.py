"""Excel import and export of suggestions: cross-field checks, all-or-nothing writing through the ledger
kit's ``insert_batch``, and export rows (a suggestion holds no personal data, so nothing is masked).

An imported suggestion gets what the services would give it: the reply date from the rules or the letter,
the status its reply date says, and a number in its unit's sequence.
"""

from django.core.exceptions import ValidationError

from fazhi.dates import today
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import ImportResult, UnitResolver, date_errors
from fazhi.orgs.models import Organisation

from .columns import SUGGESTION_SHEET
from .models import LETTERS, REPLIED, WAITING, Suggestion

TITLES = {column.key: column.header for column in SUGGESTION_SHEET.columns}
FILLED_ON_WRITING = ["number", "created_by", "updated_by"]


def _row_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    received = row.get("received_on")
    for key in ("letter_reply_due", "replied_on"):
        if row.get(key) and received and row[key] < received:
            problems.append((TITLES[key], f"{TITLES[key]}不能早于收到日期"))
    for key in ("received_on", "replied_on"):
        if row.get(key) and row[key] > today():
            problems.append((TITLES[key], f"{TITLES[key]}不能晚于今天，请核对"))
    if row.get("replied_on") and not (row.get("reply_text") or "").strip():
        problems.append((TITLES["reply_text"], "填写了回复日期时请填写回复（整改）情况"))
    if (row.get("reply_text") or "").strip() and not row.get("replied_on"):
        problems.append((TITLES["replied_on"], "填写了回复情况时请填写回复日期"))
    if row.get("kind") and row["kind"] not in LETTERS:
        # the sheet has the letters' columns only; the other kinds' own fields are entered on the page
        problems.append((TITLES["kind"], "本表只导入司法建议书和检察建议书，其他类别的监督事项请在页面登记"))
    return problems


def _build(row: dict, org: Organisation) -> Suggestion:
    item = Suggestion(
        org=org,
        kind=row["kind"],
        issuer=row["issuer"],
        letter_number=row.get("letter_number") or "",
        received_on=row["received_on"],
        content=row["content"],
        letter_reply_due=row.get("letter_reply_due"),
        replied_on=row.get("replied_on"),
        reply_text=row.get("reply_text") or "",
    )
    item.status = REPLIED if item.replied_on else WAITING
    item.refresh_deadlines()
    return item


def _invalid(item: Suggestion) -> list[tuple[str, str]]:
    try:
        item.full_clean(exclude=FILLED_ON_WRITING, validate_unique=False)
    except ValidationError as exc:
        return [(TITLES.get(field, ""), "；".join(messages)) for field, messages in exc.message_dict.items()]
    return []


def import_suggestions(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    result = ImportResult()
    orgs = UnitResolver(actor, "建议书")
    built = []
    for row in rows:
        number = row.get("_row", 0)
        org, problem = orgs.holder(row.get("org") or "", Suggestion)
        if problem:
            result.errors.append(CellError(number, TITLES["org"], problem))
        problems = _row_problems(row)
        if org and not problems:
            item = _build(row, org)
            problems = _invalid(item)
            result.errors += date_errors(number, SUGGESTION_SHEET, item)
            built.append(item)
        result.errors += [CellError(number, column, message) for column, message in problems]
    if result.errors:
        return result
    result.created = insert_batch(
        actor, Suggestion, built, None, source, owner=lambda s: s.org, day=lambda s: s.received_on
    )
    return result


def export_rows(user, suggestions):
    """Rows for ``export(SUGGESTION_SHEET, rows)``; units by name, which the import reads back."""
    for seq, s in enumerate(suggestions, start=1):
        yield {
            "seq": seq,
            "number": s.number,
            "kind": s.kind,
            "org": s.org.name,
            "issuer": s.issuer,
            "letter_number": s.letter_number,
            "received_on": s.received_on,
            "content": s.content,
            "letter_reply_due": s.letter_reply_due,
            "due": s.due_text("reply_due"),
            "replied_on": s.replied_on,
            "reply_text": s.reply_text,
        }
