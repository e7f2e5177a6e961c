"""Excel pages: template download, import with every problem listed, export of the filtered list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from fazhi.ledger.excel import export as export_workbook
from fazhi.ledger.excel import parse, template

from .filters import base_queryset, filter_items
from .forms import ImportForm
from .importing import audit_export, export_rows, import_items, review_sheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


@login_required
def template_download(request):
    return _xlsx(template(review_sheet()), "legal-reviews-template.xlsx")


@login_required
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        parsed = parse(review_sheet(), upload)
        errors = parsed.errors
        if parsed.ok:
            result = import_items(request.user, parsed.rows, source=upload.name)
            errors = result.errors
            if result.ok:
                messages.success(request, f"已导入{len(result.created)}件审查事项。")
                return redirect("legal:list")
    return render(request, "legal/import.html", {"form": form, "errors": errors})


@login_required
def export(request):
    queryset = (
        filter_items(base_queryset(request.user), request.GET)
        .prefetch_related("rounds")
        .order_by("submitted_on", "pk")
    )
    count = queryset.count()
    content = export_workbook(review_sheet(), export_rows(queryset.iterator(chunk_size=2000)))
    audit_export(request.user, count, request.GET.urlencode())
    return _xlsx(content, "legal-reviews.xlsx")
