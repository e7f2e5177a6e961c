"""The three Excel pages every ledger has: the template, the import that lists every problem, and the
export of the filtered list. A ledger declares what differs (its sheet, its import and export rows,
its filtered queryset) once, and mounts ``pages.urls()`` under its namespace."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Model, QuerySet
from django.shortcuts import redirect, render
from django.urls import path, reverse

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import today
from fazhi.db import BULK_ROWS, refresh_planner_statistics, replica_reads
from fazhi.orgs.scoping import personal_data_orgs, require_some_write, visible_orgs

from . import excel_mapping
from .downloads import XLSX, file_response
from .excel import Sheet, export, parse, template
from .excel_jobs import queue_export, queue_import
from .excel_read import MAX_BYTES, estimated_rows
from .filtering import ExportParams
from .holders import holder_units
from .importing import ImportResult, every_error
from .parties import PERSONAL


class ImportForm(forms.Form):
    file = forms.FileField(label="Excel 文件（.xlsx）")


@dataclass(frozen=True)
class ExcelPages:
    namespace: str  # the ledger's URL namespace, e.g. "disputes"
    title: str  # the ledger's name on the pages and in the audit trail, e.g. "纠纷调解台账"
    counter: str  # how imported records are counted, e.g. "件纠纷"
    model: type[Model]
    sheet: Callable[[], Sheet]
    filtered: Callable[..., QuerySet]  # (user, query params) → the person's records, filtered and ordered
    export_rows: Callable[..., Iterable[dict]]  # (user, records) → sheet rows, masked for that person
    # (user, parsed rows, source=file name) → a fazhi.ledger.importing.ImportResult
    import_rows: Callable[..., ImportResult]
    hint: str = "按模板逐行填写后上传。"
    chunk_size: int = 2000
    unit_columns: tuple[str, ...] = ("org",)  # columns whose drop-down offers the person's units
    # A namespace with several sheets (one per record type) mounts each under its own prefix: URLs
    # "<prefix>excel/…" named "<name>excel_template" etc., and the import returns to ``list_name``.
    prefix: str = ""
    name: str = ""
    list_name: str = "list"

    def urls(self) -> list:
        p, n = self.prefix, self.name
        return [
            path(f"{p}excel/template/", login_required(self.template_download), name=f"{n}excel_template"),
            path(f"{p}excel/import/", login_required(self.import_upload), name=f"{n}excel_import"),
            path(f"{p}excel/export/", login_required(self.export), name=f"{n}excel_export"),
            path(f"{p}excel/map/<str:token>/", login_required(self.map_columns), name=f"{n}excel_map"),
            path(
                f"{p}excel/map/<str:token>/preview/",
                login_required(self.map_preview),
                name=f"{n}excel_map_preview",
            ),
        ]

    @property
    def key(self) -> str:
        """Names these pages in a job's parameters (fazhi.ledger.excel_jobs.pages_named)."""
        return f"{self.namespace}:{self.name}"

    @property
    def template_url(self) -> str:
        return f"{self.namespace}:{self.name}excel_template"

    @property
    def file_stem(self) -> str:
        """The export's file name, in Chinese and dated (made safe for Windows by downloads.file_response)."""
        return f"{self.title}（{today():%Y-%m-%d}导出）"

    @property
    def list_url(self) -> str:
        return f"{self.namespace}:{self.list_name}"

    def template_download(self, request):
        writable = visible_orgs(request.user, write=True).order_by("path")
        # the holder's column offers only the units the import accepts as holders (not the 街道 itself, a
        # 社区 or an 内设机构 where the ledger says so); the other unit columns every unit the person writes for
        suggestions = {
            column: list(
                (holder_units(self.model, writable) if column == "org" else writable).values_list(
                    "name", flat=True
                )
            )
            for column in self.unit_columns
        }
        return file_response(template(self.sheet(), suggestions), f"{self.title}导入模板.xlsx", XLSX)

    def import_upload(self, request):
        require_some_write(request.user)
        form = ImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read(MAX_BYTES + 1)
            if len(data) <= MAX_BYTES and excel_mapping.needs_mapping(self.sheet(), data):
                # An office's own sheet: its columns are mapped onto ours (remembered for its layout).
                token = excel_mapping.keep_upload(request.user, data, upload.name)
                office = excel_mapping.read_office_sheet(data, head_only=True)  # its layout is in the head
                step = (
                    "excel_map_preview"
                    if excel_mapping.remembered(request.user, self, office)
                    else "excel_map"
                )
                return redirect(reverse(f"{self.namespace}:{self.name}{step}", args=[token]))
            rows = estimated_rows(data)
            if rows >= settings.FAZHI_JOB_IMPORT_ROWS:
                # A big file goes to the worker: the page answers at once and shows the job's progress.
                job = queue_import(self, request.user, upload.name, data, rows)
                return redirect(job)
            parsed = parse(self.sheet(), data)
            errors = every_error(parsed, self.import_rows, request.user, source=upload.name)
            if parsed.ok:
                result = self.import_rows(request.user, parsed.rows, source=upload.name)
                errors = result.errors
                if result.ok:
                    if len(result.created) >= BULK_ROWS:
                        refresh_planner_statistics()
                    messages.success(request, result.summary(self.counter))
                    return redirect(self.list_url)
        context = {"form": form, "errors": errors, "pages": self, "job_rows": settings.FAZHI_JOB_IMPORT_ROWS}
        return render(request, "ledger/excel_import.html", context)

    def map_columns(self, request, token: str):
        return excel_mapping.map_page(self, request, token)

    def map_preview(self, request, token: str):
        return excel_mapping.preview_page(self, request, token)

    def export(self, request):
        params = ExportParams(request.GET)
        with replica_reads():
            # A refused filter (FilterRefused, a FazhiError) is answered with its Chinese message and
            # status by the response middleware (fazhi.web.responses), before anything is written or audited.
            queryset = self.filtered(request.user, params)
            params.check()
            count = queryset.count()
        if count >= settings.FAZHI_JOB_EXPORT_ROWS:
            # A big export is written by the worker; the person downloads it from the job's page.
            return redirect(queue_export(self, request.user, request.GET.urlencode(), count))
        content, count = self.export_file(request.user, params)
        return file_response(content, f"{self.file_stem}.xlsx", XLSX)

    def export_file(self, user, params: ExportParams, on_row=None) -> tuple[bytes, int]:
        """The workbook of ``user``'s records as ``params`` filter them, and its entry in the audit trail;
        ``on_row(count)`` is told the rows written so far (a job's progress) and may stop the export."""
        exported: list[tuple[int, int]] = []  # (record id, owner unit id) as the rows are written
        sheet = self.sheet()
        with replica_reads():
            queryset = self.filtered(user, params)
            params.check()
            records = _noted(queryset.iterator(chunk_size=self.chunk_size), exported, on_row)
            content = export(sheet, self.export_rows(user, records))
        with transaction.atomic():
            record(
                Action.EXPORT,
                actor=user,
                target_type=self.model._meta.label_lower,
                target_repr=f"导出{self.title}{len(exported)}件",
                changes=self._audit_changes(user, params, sheet, exported),
            )
        return content, len(exported)

    def _audit_changes(self, user, params: ExportParams, sheet: Sheet, exported) -> dict:
        """Which records and which columns left the system, and where ID numbers and phones went out
        unmasked; the filter as typed, except the values of personal-data filters."""
        full_units = set(personal_data_orgs(user).values_list("pk", flat=True))
        columns = [column.header for column in sheet.columns]
        personal = [column.header for column in sheet.columns if column.kind in PERSONAL]
        unmasked = [pk for pk, org_id in exported if org_id in full_units] if personal else []
        return {
            "筛选条件": [None, params.filters() or "全部"],
            "件数": [None, len(exported)],
            "记录": [None, id_ranges(pk for pk, _ in exported)],
            "字段": [None, columns],
            "未遮盖个人信息的记录": [None, id_ranges(unmasked)],
            "未遮盖的字段": [None, personal if unmasked else []],
        }


def _noted(records, exported: list, on_row=None):
    for item in records:
        exported.append((item.pk, item.org_id))
        if on_row is not None and len(exported) % 1000 == 0:
            on_row(len(exported))
        yield item


def id_ranges(ids) -> str:
    """Record ids as compact ranges ("3-7,9"), so that an export of 200,000 records stays one entry."""
    ranges: list[list[int]] = []
    for pk in sorted(ids):
        if ranges and pk == ranges[-1][1] + 1:
            ranges[-1][1] = pk
        else:
            ranges.append([pk, pk])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)
