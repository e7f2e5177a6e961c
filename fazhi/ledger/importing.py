"""What every ledger's Excel import shares once the file is parsed: the all-or-nothing result, the loop
that checks every row (``check_rows``) with the kit's date rule, and the unit named in a row (by code or
full name) checked against the importer's right to write there and, for the unit holding the record,
against the ledger's ``holder_kinds`` (``fazhi.ledger.holders``)."""

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction

from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import can_read, can_write

from .bulk import insert_batch
from .excel import CellError
from .holders import holder_problem
from .services import date_problems


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    skipped: int = 0  # rows repeating an earlier row of the same file, left alone
    # A ledger whose rows carry an outside identifier (a platform's 工单编号) updates the records it already
    # holds instead of registering them again: those changed, and the count of those the file left as they were.
    updated: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, counter: str) -> str:
        """What the import did, for the person: "已导入3件民意诉求；更新2件；5件已导入过且无变化。"."""
        parts = [f"已导入{len(self.created)}{counter}"]
        if self.updated:
            parts.append(f"更新{len(self.updated)}件")
        if self.unchanged:
            parts.append(f"{self.unchanged}件已导入过且无变化")
        if self.skipped:
            parts.append(f"{self.skipped}行与本文件前面的行重复，未重复登记")
        return "；".join(parts) + "。"


def date_errors(number: int, sheet, *instances) -> list[CellError]:
    """The kit's date rule (fazhi.ledger.services.date_problems), the one pages and the API apply, on the
    records an import row makes: row ``number``'s cell errors under the sheet's column titles (a date no
    column holds, such as a computed one, under its own label)."""
    titles = {column.key: column.header for column in sheet.columns}
    errors: list[CellError] = []
    for instance in instances:
        for name, message in date_problems(instance).items():
            column = titles.get(name) or str(instance._meta.get_field(name).verbose_name)
            error = CellError(number, column, message)
            if error not in errors:
                errors.append(error)
    return errors


def check_rows(
    rows: Iterable[dict], sheet, check: Callable, *, dated: Callable = lambda built: [built]
) -> tuple[list, list[CellError]]:
    """Every parsed row through the ledger's ``check(row)``, which returns ``(problems, built)``: the row's
    bad cells as (column, message), and what the row builds, or None when it cannot be built (a unit it
    cannot name, a cell its records cannot take). What a row built gets the kit's date rule on
    ``dated(built)``, the model instances holding its dates (by default the built record itself).

    Returns everything built and every bad cell of every row, in row order, the row's own problems before
    its dates. A row with a bad unit still reports its other bad cells, so one round of corrections fixes
    the file; the ledger writes what was built only when there is no error at all (all-or-nothing)."""
    built: list = []
    errors: list[CellError] = []
    for row in rows:
        number = row.get("_row", 0)
        problems, made = check(row)
        errors += [CellError(number, column, message) for column, message in problems]
        if made is not None:
            errors += date_errors(number, sheet, *dated(made))
            built.append(made)
    if _checking_only.get():
        raise _RowsChecked(errors)  # every_error wants the errors only: the import stops before it writes
    return built, errors


_checking_only: ContextVar[bool] = ContextVar("fazhi_import_checking_only", default=False)


class _RowsChecked(Exception):
    def __init__(self, errors: list[CellError]):
        self.errors = errors


def every_error(parsed, import_rows: Callable, actor, *, source: str) -> list[CellError]:
    """All a file's errors in one round: the reader's (``parsed.errors``: dates, numbers, required cells …)
    and, for the rows the reader found nothing wrong with, what the ledger's own checks find (a unit the
    importer may not write for, a date after today, fields that go together) — which would otherwise only
    show once the first errors were corrected and the file uploaded again. Writes nothing: the ledger's
    import stops at its ``check_rows``, and runs in a transaction rolled back in any case. Sorted by row."""
    if parsed.ok:
        return []
    failed = {error.row for error in parsed.errors}
    clean = [row for row in parsed.rows if row.get("_row", 0) not in failed]
    if 0 in failed or not clean:
        return parsed.errors  # the file as a whole (or every row) is wrong: nothing more to check
    token = _checking_only.set(True)
    try:
        with transaction.atomic():
            try:
                checked = import_rows(actor, clean, source=source).errors
            except _RowsChecked as stopped:
                checked = stopped.errors
            transaction.set_rollback(True)
    finally:
        _checking_only.reset(token)
    return sorted([*parsed.errors, *checked], key=lambda error: error.row)


def import_records(
    actor, model, rows: Iterable[dict], sheet, check: Callable, *, source: str
) -> ImportResult:
    """The whole import of a register whose row makes one unnumbered ``model`` record (an activity, a
    roster line, a reference entry): ``check_rows``, then every record written as one audited batch, or none."""
    records, errors = check_rows(rows, sheet, check)
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=insert_batch(actor, model, records, source=source, owner=None, day=None))


class UnitResolver:
    """Unit lookup by code or full name (what the exports write), and the actor's right to write there,
    each asked once a file. A name two units share is refused with their codes, never guessed. Only units
    the actor may read are looked up at all: a unit outside their scope gets the same answer as one that
    does not exist, in the words they typed, so an import neither confirms nor names it."""

    def __init__(self, actor, what: str):
        self.actor = actor
        self.what = what  # what the rows register, for the messages: "纠纷", "案件" …
        self.by_code: dict[str, Organisation] = {}
        self.by_name: dict[str, list[Organisation]] = {}
        self.by_short: dict[str, list[Organisation]] = {}  # an office's own sheet writes "观澜" for 观澜街道
        for org in Organisation.objects.filter(active=True):
            self.by_code[org.code] = org
            self.by_name.setdefault(org.name, []).append(org)
            if org.short_name:
                self.by_short.setdefault(org.short_name, []).append(org)
        self.readable: dict[int, bool] = {}
        self.writable: dict[int, bool] = {}
        self.holders: dict[tuple, tuple[Organisation | None, str]] = {}  # a file names a few units many times

    def _readable(self, org: Organisation) -> bool:
        if org.pk not in self.readable:
            self.readable[org.pk] = can_read(self.actor, org)
        return self.readable[org.pk]

    def resolve(self, text: str) -> tuple[Organisation | None, str]:
        key = (text or "").strip()
        coded = self.by_code.get(key)
        if coded is not None and self._readable(coded):
            named = [coded]
        else:
            named = [org for org in self.by_name.get(key, []) if self._readable(org)]
            named = named or [org for org in self.by_short.get(key, []) if self._readable(org)]
        if not named:
            return None, (
                f"“{key}”不是您可以登记{self.what}的单位（没有这个代码或名称的单位，或不在您的管辖范围内）；"
                f"请填写本单位及下级单位的代码或与系统一致的单位全称"
            )
        if len(named) > 1:
            codes = "、".join(o.code for o in named)
            return None, f"有{len(named)}个单位名为“{key}”；请改填其中一个的单位代码（{codes}）"
        org = named[0]
        if org.pk not in self.writable:
            self.writable[org.pk] = can_write(self.actor, org)
        if not self.writable[org.pk]:
            return None, f"您无权在“{key}”登记{self.what}；请只导入本单位及下级单位的{self.what}"
        return org, ""

    def holder(self, text: str, model) -> tuple[Organisation | None, str]:
        """``resolve``, and the unit must be of a kind that may hold ``model`` records."""
        key = ((text or "").strip(), model)
        if key not in self.holders:
            org, problem = self.resolve(text)
            if org is not None and (problem := holder_problem(model, org)):
                org = None
            self.holders[key] = (org, problem)
        return self.holders[key]
