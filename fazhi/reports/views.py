"""Pages of the annual report: list and create, edit per section, workflow, preview, downloads.

Every report is looked up through ``AnnualReport.objects.visible_to(request.user)``; what a person
may change is decided by the services, which raise a Chinese message shown on the page.
"""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from fazhi.errors import FazhiError, StaleEdit

from . import services
from .completeness import problems
from .compose import section_numbers, to_document
from .forms import CreateReportForm, ParagraphForm, ReportMetaForm
from .models import AnnualReport, Paragraph, Section
from .placeholders import to_runs
from .render import export_format
from .render import render as render_export
from .render_html import render_html
from .values import current_values

DOWNLOADS = ("docx", "md", "txt")


def _report(request, pk) -> AnnualReport:
    return get_object_or_404(AnnualReport.objects.visible_to(request.user).select_related("org"), pk=pk)


def _paragraph(request, pk) -> Paragraph:
    visible = AnnualReport.objects.visible_to(request.user)
    return get_object_or_404(
        Paragraph.objects.select_related("section__report__org").filter(section__report__in=visible), pk=pk
    )


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
def report_list(request):
    reports = AnnualReport.objects.visible_to(request.user).select_related("org")
    form = CreateReportForm(request.user)
    return render(
        request,
        "reports/list.html",
        {"reports": reports, "form": form, "can_create": form.fields["org"].queryset.exists()},
    )


@login_required
def report_create(request):
    form = CreateReportForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.create_report(
                request.user, data["org"], data["year"], title=data["title"], chapters=data["chapters"]
            )
            report = services.draft(request.user, report)
        except FazhiError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已创建并根据台账数据起草“{report.title}”。")
            return redirect("reports:edit", pk=report.pk)
    return render(request, "reports/create.html", {"form": form})


def _paragraph_context(request, paragraph: Paragraph, values, *, editable: bool, form=None, error=""):
    return {
        "paragraph": paragraph,
        "rendered": to_runs(paragraph.text, values),
        "form": form or ParagraphForm(initial={"version": paragraph.version, "text": paragraph.text}),
        "editable": editable,
        "error": error,
    }


@login_required
def report_edit(request, pk):
    report = _report(request, pk)
    values = current_values(report)
    editable = report.editable and services.can_edit(request.user, report)
    numbers = section_numbers(report)
    sections = []
    for section in report.sections.all().prefetch_related("paragraphs"):
        sections.append(
            {
                "section": section,
                "number": numbers.get(section.pk),
                "depth": 0 if section.parent_id is None else 1,
                "paragraphs": [
                    _paragraph_context(request, p, values, editable=editable)
                    for p in section.paragraphs.all()
                ],
            }
        )
    meta = ReportMetaForm(initial={"version": report.version, "title": report.title, "signed": report.signed})
    return render(
        request,
        "reports/edit.html",
        {
            "report": report,
            "sections": sections,
            "problems": problems(report, values),
            "actions": services.allowed_actions(request.user, report),
            "editable": editable,
            "meta": meta,
            "downloads": [export_format(code) for code in DOWNLOADS],
            "deadline_status": report.deadline_status(),
        },
    )


@login_required
@require_POST
def report_meta(request, pk):
    report = _report(request, pk)
    form = ReportMetaForm(request.POST)
    if not form.is_valid():
        messages.error(request, "标题不能为空，成文日期请按 2025-02-18 的格式填写。")
        return redirect("reports:edit", pk=pk)
    try:
        services.update_report(
            request.user,
            report,
            form.cleaned_data["version"],
            title=form.cleaned_data["title"],
            signed=form.cleaned_data["signed"],
        )
        messages.success(request, "已保存报告信息。")
    except FazhiError as exc:
        messages.error(request, exc.message)
    return redirect("reports:edit", pk=pk)


@login_required
@require_POST
def report_draft(request, pk):
    report = _report(request, pk)
    try:
        services.draft(request.user, report, int(request.POST.get("version", 0)))
        messages.success(request, "已根据最新台账数据重新起草；人工编辑过的段落保持不变。")
    except FazhiError as exc:
        messages.error(request, exc.message)
    return redirect("reports:edit", pk=pk)


@login_required
@require_POST
def report_action(request, pk, action):
    report = _report(request, pk)
    try:
        report = services.run_action(request.user, report, action, int(request.POST.get("version", 0)))
        messages.success(request, f"报告状态已变更为“{report.get_status_display()}”。")
    except FazhiError as exc:
        messages.error(request, exc.message)
    return redirect("reports:edit", pk=pk)


def _paragraph_response(request, paragraph, *, form=None, error="", message=""):
    report = paragraph.section.report
    editable = report.editable and services.can_edit(request.user, report)
    context = _paragraph_context(
        request, paragraph, current_values(report), editable=editable, form=form, error=error
    )
    context["message"] = message
    return render(request, "reports/_paragraph.html", context)


@login_required
@require_POST
def paragraph_save(request, pk):
    paragraph = _paragraph(request, pk)
    form = ParagraphForm(request.POST)
    error = ""
    if not form.is_valid():
        error = "提交的内容不完整，请刷新页面后重试。"
    else:
        try:
            paragraph = services.save_paragraph(
                request.user, paragraph, form.cleaned_data["version"], form.cleaned_data["text"]
            )
            form = None
        except StaleEdit as exc:
            # Show the latest text above and keep the person's text in the box, now against the
            # latest version: saving again is a conscious choice made after seeing the other edit.
            paragraph.refresh_from_db()
            error = exc.message + "上方为最新内容；如仍要使用您的文字，请再次保存。"
            form = ParagraphForm(initial={"version": paragraph.version, "text": form.cleaned_data["text"]})
        except FazhiError as exc:
            error = exc.message
    if not _is_htmx(request):
        (messages.error if error else messages.success)(request, error or "段落已保存。")
        return redirect("reports:edit", pk=paragraph.section.report_id)
    # On failure the person's text stays in the box, so that nothing typed is lost.
    return _paragraph_response(request, paragraph, form=form, error=error, message="" if error else "已保存")


@login_required
@require_POST
def paragraph_redraft(request, pk):
    paragraph = _paragraph(request, pk)
    error = ""
    try:
        paragraph = services.redraft_paragraph(request.user, paragraph, int(request.POST.get("version", 0)))
    except FazhiError as exc:
        error = exc.message
    if not _is_htmx(request):
        (messages.error if error else messages.success)(request, error or "段落已重新生成。")
        return redirect("reports:edit", pk=paragraph.section.report_id)
    return _paragraph_response(request, paragraph, error=error, message="" if error else "已重新生成")


@login_required
@require_POST
def paragraph_delete(request, pk):
    paragraph = _paragraph(request, pk)
    report_id = paragraph.section.report_id
    try:
        services.delete_paragraph(request.user, paragraph, int(request.POST.get("version", 0)))
        messages.success(request, "段落已删除。")
    except FazhiError as exc:
        messages.error(request, exc.message)
    return redirect("reports:edit", pk=report_id)


@login_required
@require_POST
def section_add_paragraph(request, pk):
    visible = AnnualReport.objects.visible_to(request.user)
    section = get_object_or_404(
        Section.objects.select_related("report__org").filter(report__in=visible), pk=pk
    )
    try:
        services.add_paragraph(request.user, section, request.POST.get("text", ""))
        messages.success(request, f"已在“{section.title}”中新增段落，请填写内容。")
    except FazhiError as exc:
        messages.error(request, exc.message)
    return redirect(f"{section.report.get_absolute_url()}#section-{section.pk}")


@login_required
def report_preview(request, pk):
    report = _report(request, pk)
    # render_html escapes every text it writes; the fragment holds no script or style.
    fragment = mark_safe(render_html(to_document(report)))
    return render(request, "reports/preview.html", {"report": report, "fragment": fragment})


@login_required
def report_export(request, pk, fmt):
    report = _report(request, pk)
    try:
        export = export_format(fmt)
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    body = render_export(to_document(report), export.code)
    services.record_export(request.user, report, export.code)
    response = HttpResponse(body, content_type=export.media_type)
    filename = f"{report.title}{export.extension}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
