"""Excel import and export of oversight items of every kind: cross-field checks, all-or-nothing writing
through the ledger kit's ``insert_batch``, and export rows (the deputy's phone as the kit's policy lets the
person see it in a file).

An imported item gets what the services would give it: its kind's fields checked as the pages check them
(services.kind_field_problems), the reply date from the rules or the letter, the status its reply date says,
and a number in its unit's sequence. A cell of another kind's column is refused, not silently dropped.
"""

from django.core.exceptions import ValidationError

from fazhi.dates import today
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows
from fazhi.ledger.parties import export_value
from fazhi.orgs.models import Organisation

from .columns import SUGGESTION_SHEET
from .models import KIND_FIELDS, KIND_SPECIFIC, REPLIED, WAITING, Suggestion, SuggestionKind
from .services import URGENT_ALONE, kind_field_problems

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
    if kind := row.get("kind"):
        own = KIND_FIELDS.get(kind, ())
        label = SuggestionKind(kind).label
        for name in KIND_SPECIFIC:
            if name not in own and row.get(name) not in (None, "", False):
                problems.append((TITLES[name], f"“{TITLES[name]}”不适用于{label}，请留空"))
    return problems


def _kind_problems(item: Suggestion) -> list[tuple[str, str]]:
    """The kind's required fields and the urgent mark, as the pages check them, under their columns."""
    label = item.get_kind_display()
    return [
        (
            TITLES[name],
            f"紧急情形{URGENT_ALONE}，请在“{TITLES['public_interest']}”列填“是”"
            if problem == URGENT_ALONE
            else f"{label}须填写“{TITLES[name]}”",
        )
        for name, problem in kind_field_problems(item).items()
    ]


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
    for name in KIND_FIELDS.get(item.kind, ()):
        field = Suggestion._meta.get_field(name)
        value = row.get(name)
        setattr(item, name, field.get_default() if value in (None, "") else value)
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
    orgs = UnitResolver(actor, "监督事项")

    def check(row):
        org, problem = orgs.holder(row.get("org") or "", Suggestion)
        problems = [(TITLES["org"], problem)] if problem else []
        problems += _row_problems(row)
        if org is None:
            return problems, None
        item = _build(row, org)
        # the kind's own cells are named alongside the row's other problems, every bad cell at once
        problems += _kind_problems(item)
        if problems:
            return problems, None
        return _invalid(item), item

    built, errors = check_rows(rows, SUGGESTION_SHEET, check)
    if errors:
        return ImportResult(errors=errors)
    created = insert_batch(
        actor, Suggestion, built, None, source, owner=lambda s: s.org, day=lambda s: s.received_on
    )
    return ImportResult(created=created)


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
            **{name: getattr(s, name) for name in KIND_FIELDS.get(s.kind, ()) if name != "proposer_phone"},
            "proposer_phone": export_value(user, s.org, "phone", s.proposer_phone),
        }
