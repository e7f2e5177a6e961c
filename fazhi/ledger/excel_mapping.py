"""An office's own 台账 imported as it is: its sheet's columns mapped onto the ledger's import columns.

Offices arrive with years of their own sheets ("序号 | 单位 | 矛盾纠纷简要情况 | 责任单位/责任人 | …"), not
our template. When an upload's header row lacks the template's required columns, the import page keeps the
file (under the person's own folder in the media storage) and asks how the sheet's columns map: each is
suggested from the header names (the template's header, the column's ``aliases``, then likeness), and a
required column the sheet does not have can be given one value for every row (e.g. 来源渠道 = 排查发现).
The person confirms; the mapping is remembered per office (the person's 街道), ledger sheet and layout (the
sheet's headers), so the next sheet in the same layout goes straight to the preview.

The preview shows the first rows as they will be saved and every problem, named by the office's own
column. Importing then runs the ledger's own import on the sheet rewritten in the template's layout (same
row numbers): the same checks, all or nothing, a job for a big file — one import path, not a second one.
"""

import io
import re
import secrets
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import islice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from openpyxl import Workbook

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.crypto import sm3_hex
from fazhi.dates import cn_date
from fazhi.orgs.models import Kind, Organisation, RoleAssignment

from .excel_books import calamine_book, openpyxl_book
from .excel_cells import as_text, is_blank
from .excel_jobs import queue_import
from .excel_read import CellError, _file_problem, parse
from .excel_spec import Sheet, header_key
from .excel_write import CHOICES_TITLE, INSTRUCTIONS_TITLE
from .importing import every_error
from .models import ImportLayout

HEAD_ROWS = 10  # the header is looked for in the first rows (a title row or two may sit above it)
PREVIEW_ROWS = 10
SAMPLE_VALUES = 3
LIKENESS = 0.6  # a header this much like a column's header is suggested for it
SKIP = ""
_TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
UNREADABLE = "无法读取这个文件：请上传 Excel 的 .xlsx 文件（WPS 或 Excel 另存为“Excel 工作簿”）。"


@dataclass
class OfficeSheet:
    """The first worksheet of an office's file: its header row (1-based), headers and data rows."""

    header_row: int
    headers: list[str]
    rows: list[tuple]

    @property
    def layout(self) -> str:
        """What two sheets of the same layout share: their folded headers, in order."""
        return sm3_hex("\x1f".join(header_key(h) for h in self.headers).encode("utf-8"))

    def samples(self, index: int) -> list[str]:
        values = [as_text(row[index]) for row in self.rows if index < len(row) and not is_blank(row[index])]
        return values[:SAMPLE_VALUES]


def read_office_sheet(data: bytes, *, head_only: bool = False) -> OfficeSheet | None:
    """The sheet as the office wrote it, or None when the file cannot be read as .xlsx. The header is the
    row near the top with the most text cells. A file the import's own checks refuse (too big unpacked,
    not a zip, too many cells) is None here too, and the ordinary import then says what is wrong."""
    if _file_problem(data):
        return None
    try:
        # The import's own reader: calamine, openpyxl for what calamine cannot open (excel_books).
        book = calamine_book(data) or openpyxl_book(data)
    except Exception:
        return None
    try:
        name = next((n for n in book.names if n not in (INSTRUCTIONS_TITLE, CHOICES_TITLE)), None)
        if name is None:
            return None
        rows = book.rows(name)
        # Deciding whether a file needs mapping reads the top rows only: a 50,000-row template upload must
        # not be read twice before it goes to the worker.
        rows = [tuple(row) for row in (islice(rows, HEAD_ROWS) if head_only else rows)]
    except Exception:
        return None
    finally:
        book.close()
    while rows and all(is_blank(value) for value in rows[-1]):
        rows.pop()
    best, best_count = None, 1
    for number, values in enumerate(rows[:HEAD_ROWS], start=1):
        count = sum(1 for value in values if isinstance(value, str) and not is_blank(value))
        if count > best_count:
            best, best_count = number, count
    if best is None:
        return None
    headers = [as_text(value).strip() if not is_blank(value) else "" for value in rows[best - 1]]
    while headers and not headers[-1]:
        headers.pop()
    return OfficeSheet(best, headers, rows[best:])


def needs_mapping(sheet: Sheet, data: bytes) -> bool:
    """Whether the file is an office's own sheet: it has a header row, but not the template's required
    columns (a template with a mistake in it goes through the ordinary import and its messages)."""
    office = read_office_sheet(data, head_only=True)
    if office is None:
        return False
    found = {header_key(h) for h in office.headers}
    return any(c.required and header_key(c.header) not in found for c in sheet.columns)


def _likeness(header: str, column) -> float:
    mine, theirs = header_key(header), header_key(column.header)
    if not mine:
        return 0.0
    if mine == theirs:
        return 1.0
    if mine in {header_key(alias) for alias in column.aliases}:
        return 0.95
    if len(mine) >= 2 and len(theirs) >= 2 and (mine in theirs or theirs in mine):
        return 0.75
    return SequenceMatcher(None, mine, theirs).ratio()


def suggest(sheet: Sheet, headers: list[str]) -> dict[int, str]:
    """Office column index → the import column it most likely is (SKIP when none is like enough); each
    import column taken once, the likeliest pair first."""
    pairs = sorted(
        (
            (_likeness(header, column), index, column.key)
            for index, header in enumerate(headers)
            for column in sheet.columns
        ),
        reverse=True,
    )
    chosen: dict[int, str] = {}
    taken: set[str] = set()
    for score, index, key in pairs:
        if score < LIKENESS:
            break
        if index not in chosen and key not in taken:
            chosen[index] = key
            taken.add(key)
    return {index: chosen.get(index, SKIP) for index in range(len(headers))}


def office_of(user) -> Organisation | None:
    """The office a mapping is remembered for: the 街道 of the person's first role (or that unit)."""
    assignment = RoleAssignment.objects.filter(user=user).select_related("org").order_by("pk").first()
    if assignment is None:
        return None
    org = assignment.org
    return org if org.kind in (Kind.DISTRICT, Kind.STREET) else (org.street or org)


def rewrite(sheet: Sheet, office: OfficeSheet, columns: dict[int, str], fixed: dict[str, str]) -> bytes:
    """The office's rows in the template's layout, on the same row numbers, as .xlsx for the import."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet.title)
    for _ in range(office.header_row - 1):
        worksheet.append([])
    keys = [column.key for column in sheet.columns]
    worksheet.append([column.header for column in sheet.columns])
    source = {key: index for index, key in columns.items() if key}
    for values in office.rows:
        if all(is_blank(value) for value in values):
            worksheet.append([])
            continue
        row = []
        for key in keys:
            if key in source:
                index = source[key]
                row.append(values[index] if index < len(values) else None)
            else:
                row.append(fixed.get(key) or None)
        worksheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def office_errors(errors, sheet: Sheet, office: OfficeSheet, columns: dict[int, str]) -> list[CellError]:
    """The import's problems named by the office's own columns (or as the value given for every row)."""
    office_header = {key: office.headers[index] for index, key in columns.items() if key}
    header_of = {column.key: column.header for column in sheet.columns}
    named = {}
    for key, header in header_of.items():
        if key in office_header and office_header[key] != header:
            named[header] = f"{office_header[key]}（对应“{header}”）"
        elif key not in office_header:
            named[header] = f"{header}（统一填写的值）"
    return [CellError(e.row, named.get(e.column, e.column), e.message) for e in errors]


# --- the pages -------------------------------------------------------------------------------------------


def keep_upload(user, data: bytes, name: str) -> str:
    """Store the upload (and its file name, for the audit trail) under the person's own folder; the
    token names it in the mapping pages' URLs."""
    token = secrets.token_hex(16)
    default_storage.save(_path(user, token), ContentFile(data))
    default_storage.save(_path(user, token, ".name"), ContentFile(name[:120].encode("utf-8")))
    return token


def _forget(user, token: str) -> None:
    for suffix in (".xlsx", ".name"):
        default_storage.delete(_path(user, token, suffix))


def _file_name(user, token: str) -> str:
    try:
        with default_storage.open(_path(user, token, ".name"), "rb") as stream:
            return stream.read().decode("utf-8") or "本单位台账.xlsx"
    except (OSError, UnicodeDecodeError):
        return "本单位台账.xlsx"


def _path(user, token: str, suffix: str = ".xlsx") -> str:
    return f"excel_mapping/{user.pk}/{token}{suffix}"


def _upload(user, token: str) -> bytes:
    """The person's own kept upload; another person's token, or one already imported, is 404."""
    path = _path(user, token)
    if not _TOKEN_RE.match(token) or not default_storage.exists(path):
        raise Http404("这个上传的文件已导入或已过期；请重新上传。")
    with default_storage.open(path, "rb") as stream:
        return stream.read()


def remembered(user, pages, office: OfficeSheet) -> ImportLayout | None:
    org = office_of(user)
    if org is None:
        return None
    return ImportLayout.objects.filter(org=org, sheet=pages.key, layout=office.layout).first()


def _layout_columns(layout: ImportLayout) -> tuple[dict[int, str], dict[str, str]]:
    stored = layout.columns or {}
    columns = {int(index): key for index, key in (stored.get("map") or {}).items()}
    return columns, dict(stored.get("fixed") or {})


class MappingForm(forms.Form):
    """One choice per office column (an import column, or 不导入), and a value for every row for each
    required import column the sheet does not have."""

    def __init__(self, *args, sheet: Sheet, office: OfficeSheet, initial_map, initial_fixed, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet, self.office = sheet, office
        options = [(SKIP, "（不导入）")] + [(c.key, c.header) for c in sheet.columns]
        for index, header in enumerate(office.headers):
            self.fields[f"col_{index}"] = forms.ChoiceField(
                label=header or f"第{index + 1}列（无列名）",
                choices=options,
                required=False,
                initial=initial_map.get(index, SKIP),
            )
        for column in sheet.columns:
            self.fields[f"fixed_{column.key}"] = forms.CharField(
                label=column.header,
                required=False,
                max_length=200,
                initial=initial_fixed.get(column.key, ""),
                help_text="表格中没有这一列时，所有行都填这个值" + ("（必填列）" if column.required else ""),
            )

    def column_rows(self):
        return [
            (self[f"col_{index}"], self.office.samples(index)) for index in range(len(self.office.headers))
        ]

    def fixed_rows(self):
        """The required import columns first (shown open), then the others (folded on the page)."""
        return [self[f"fixed_{column.key}"] for column in self.sheet.columns if column.required]

    def optional_fixed_rows(self):
        return [self[f"fixed_{column.key}"] for column in self.sheet.columns if not column.required]

    def clean(self):
        data = super().clean()
        columns = {index: data.get(f"col_{index}") or SKIP for index in range(len(self.office.headers))}
        fixed = {c.key: (data.get(f"fixed_{c.key}") or "").strip() for c in self.sheet.columns}
        chosen: dict[str, int] = {}
        for index, key in columns.items():
            if not key:
                continue
            if key in chosen:
                header = next(c.header for c in self.sheet.columns if c.key == key)
                self.add_error(
                    f"col_{index}",
                    f"“{header}”已对应第{chosen[key] + 1}列“{self.office.headers[chosen[key]]}”；一个字段只能对应一列",
                )
            chosen.setdefault(key, index)
        for column in self.sheet.columns:
            if column.required and column.key not in chosen and not fixed[column.key]:
                self.add_error(
                    f"fixed_{column.key}",
                    f"必填的“{column.header}”没有对应的列：请在上面选一列对应它，或在这里填写所有行统一的值",
                )
        data["columns"], data["fixed"] = columns, {k: v for k, v in fixed.items() if v and k not in chosen}
        return data


def map_page(pages, request, token: str):
    """Confirm how the office's columns map; saved (and remembered), it goes on to the preview."""
    data = _upload(request.user, token)
    office = read_office_sheet(data)
    if office is None:
        messages.error(request, UNREADABLE)
        return redirect(reverse(f"{pages.namespace}:{pages.name}excel_import"))
    sheet = pages.sheet()
    layout = remembered(request.user, pages, office)
    initial_map, initial_fixed = _layout_columns(layout) if layout else (suggest(sheet, office.headers), {})
    form = MappingForm(
        request.POST or None, sheet=sheet, office=office, initial_map=initial_map, initial_fixed=initial_fixed
    )
    if request.method == "POST" and form.is_valid():
        _remember(request.user, pages, office, form.cleaned_data["columns"], form.cleaned_data["fixed"])
        return redirect(reverse(f"{pages.namespace}:{pages.name}excel_map_preview", args=[token]))
    context = {"pages": pages, "form": form, "office": office, "remembered": layout is not None}
    return render(request, "ledger/excel_map.html", context)


def _remember(user, pages, office: OfficeSheet, columns: dict[int, str], fixed: dict[str, str]) -> None:
    org = office_of(user)
    if org is None:
        return
    stored = {"map": {str(i): key for i, key in columns.items()}, "fixed": fixed}
    with transaction.atomic():
        layout, created = ImportLayout.objects.update_or_create(
            org=org,
            sheet=pages.key,
            layout=office.layout,
            defaults={"headers": office.headers, "columns": stored, "saved_by": user},
        )
        shown = {office.headers[i] or f"第{i + 1}列": key or "不导入" for i, key in columns.items()}
        record(
            Action.CREATE if created else Action.UPDATE,
            actor=user,
            target=layout,
            org_id=org.pk,
            changes={"列对应": [None, shown], "统一填写": [None, fixed]},
        )


def preview_page(pages, request, token: str):
    """The first rows as they will be saved and every problem; 导入 runs the ledger's own import."""
    data = _upload(request.user, token)
    office = read_office_sheet(data)
    layout = remembered(request.user, pages, office) if office is not None else None
    if layout is None:
        return redirect(reverse(f"{pages.namespace}:{pages.name}excel_map", args=[token]))
    sheet = pages.sheet()
    columns, fixed = _layout_columns(layout)
    rewritten = rewrite(sheet, office, columns, fixed)
    parsed = parse(sheet, rewritten)
    name = _file_name(request.user, token)
    errors = office_errors(
        every_error(parsed, pages.import_rows, request.user, source=name), sheet, office, columns
    )
    if request.method == "POST" and parsed.ok:
        rows = len(parsed.rows)
        if rows >= settings.FAZHI_JOB_IMPORT_ROWS:
            job = queue_import(pages, request.user, name, rewritten, rows)
            _forget(request.user, token)
            return redirect(job)
        result = pages.import_rows(request.user, parsed.rows, source=name)
        errors = office_errors(result.errors, sheet, office, columns)
        if result.ok:
            _forget(request.user, token)
            messages.success(request, result.summary(pages.counter))
            return redirect(pages.list_url)
    shown_columns = [c for c in sheet.columns if c.key in set(columns.values()) | set(fixed)]
    preview = [
        (row["_row"], [_shown(column, row.get(column.key)) for column in shown_columns])
        for row in parsed.rows[:PREVIEW_ROWS]
    ]
    context = {
        "pages": pages,
        "token": token,
        "errors": errors,
        "columns": shown_columns,
        "preview": preview,
        "total": len(parsed.rows),
        "ok": parsed.ok,
        "map_url": reverse(f"{pages.namespace}:{pages.name}excel_map", args=[token]),
        "import_url": reverse(f"{pages.namespace}:{pages.name}excel_import"),
    }
    return render(request, "ledger/excel_map_preview.html", context)


def _shown(column, value) -> str:
    if value is None or value == "":
        return ""
    if column.kind == "choice":
        return column.label_for(value) or str(value)
    if column.kind == "bool":
        return "是" if value else "否"
    if column.kind in ("id_number", "phone"):
        return "已填写（加密保存）"
    if hasattr(value, "isoformat") and column.kind == "date":
        return cn_date(value)
    return str(value)
