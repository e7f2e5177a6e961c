"""Excel pages: template download, import with every problem listed, export of the filtered list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from fazhi.ledger.excel import export as export_workbook
from fazhi.ledger.excel import parse, template

from .columns import CASE_SHEET
from .filters import case_queryset, filter_cases
from .forms import ImportForm
from .importing import audit_export, export_rows, import_cases

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


@login_required
def template_download(request):
    return _xlsx(template(CASE_SHEET), "litigation-template.xlsx")


@login_required
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        parsed = parse(CASE_SHEET, upload)
        errors = parsed.errors
        if parsed.ok:
            result = import_cases(request.user, parsed.rows, source=upload.name)
            errors = result.errors
            if result.ok:
                messages.success(request, f"已导入{len(result.created)}件案件。")
                return redirect("litigation:list")
    return render(request, "litigation/import.html", {"form": form, "errors": errors})


@login_required
def export(request):
    queryset = (
        filter_cases(case_queryset(request.user), request.GET)
        .prefetch_related("parties", "hearings")
        .order_by("copy_received_on", "pk")
    )
    count = queryset.count()
    content = export_workbook(CASE_SHEET, export_rows(request.user, queryset.iterator(chunk_size=500)))
    audit_export(request.user, count, request.GET.urlencode())
    return _xlsx(content, "litigation.xlsx")
