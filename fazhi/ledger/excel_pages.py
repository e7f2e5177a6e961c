"""The three Excel pages every ledger has: the template, the import that lists every problem, and the
export of the filtered list. A ledger declares what differs (its sheet, its import and export rows,
its filtered queryset) once, and mounts ``pages.urls()`` under its namespace."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.ops.statistics import BULK_ROWS, refresh_planner_statistics
from fazhi.orgs.scoping import visible_orgs

from .excel import Sheet, export, parse, template
from .importing import ImportResult

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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

    def urls(self) -> list:
        return [
            path("excel/template/", login_required(self.template_download), name="excel_template"),
            path("excel/import/", login_required(self.import_upload), name="excel_import"),
            path("excel/export/", login_required(self.export), name="excel_export"),
        ]

    def template_download(self, request):
        units = list(visible_orgs(request.user, write=True).order_by("path").values_list("name", flat=True))
        suggestions = dict.fromkeys(self.unit_columns, units)
        return _xlsx(template(self.sheet(), suggestions), f"{self.namespace}-template.xlsx")

    def import_upload(self, request):
        form = ImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            parsed = parse(self.sheet(), upload)
            errors = parsed.errors
            if parsed.ok:
                result = self.import_rows(request.user, parsed.rows, source=upload.name)
                errors = result.errors
                if result.ok:
                    if len(result.created) >= BULK_ROWS:
                        refresh_planner_statistics()
                    messages.success(request, f"已导入{len(result.created)}{self.counter}。")
                    return redirect(f"{self.namespace}:list")
        context = {"form": form, "errors": errors, "pages": self}
        return render(request, "ledger/excel_import.html", context)

    def export(self, request):
        queryset = self.filtered(request.user, request.GET)
        count = queryset.count()
        content = export(
            self.sheet(), self.export_rows(request.user, queryset.iterator(chunk_size=self.chunk_size))
        )
        with transaction.atomic():
            record(
                Action.EXPORT,
                actor=request.user,
                target_type=self.model._meta.label_lower,
                target_repr=f"导出{self.title}{count}件",
                changes={"筛选条件": [None, request.GET.urlencode() or "全部"], "件数": [None, count]},
            )
        return _xlsx(content, f"{self.namespace}.xlsx")


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response
