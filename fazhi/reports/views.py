"""Pages of the annual report: list and create, edit per section, workflow, preview, downloads.

Every report is looked up through ``AnnualReport.objects.visible_to(request.user)``; what a person
may change is decided by the services, which raise a Chinese message shown on the page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from fazhi.errors import FazhiError, StaleEdit
from fazhi.figures import registry
from fazhi.ids import record_id
from fazhi.ledger.downloads import file_response

from . import figure_source, services
from . import jobs as report_jobs
from . import sections as outline_edits
from .completeness import problems
from .compose import section_numbers, to_document, tree_rows
from .forms import CreateReportForm, DraftManyForm, ParagraphForm, ReportMetaForm
from .models import AnnualReport, Paragraph, Section
from .outline import MAX_DEPTH
from .placeholders import to_runs
from .render import export_format
from .render import render as render_export
from .render_html import render_html
from .shortcomings import evidence_codes, suggestions
from .values import current_values, styled

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
def report_list(request, many=None):
    reports = AnnualReport.objects.visible_to(request.user).select_related("org")
    years = sorted(set(reports.values_list("year", flat=True)), reverse=True)
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        reports = reports.filter(year=int(year))
    form = CreateReportForm(request.user)
    many = many or DraftManyForm(request.user)
    context = {
        "reports": reports,
        "years": years,
        "year": year,
        "can_create": form.fields["org"].queryset.exists(),
        "many": many,
        # Drafting several at once is offered to those who write for more than one unit (a district office).
        # (and shown with its errors to anyone who sent it).
        "can_draft_many": many.is_bound or many.fields["orgs"].queryset.count() > 1,
    }
    return render(request, "reports/list.html", context, status=400 if many.is_bound else 200)


@login_required
@require_POST
def report_draft_many(request):
    form = DraftManyForm(request.user, request.POST)
    if not form.is_valid():
        return report_list(request, many=form)
    orgs = list(form.cleaned_data["orgs"])
    return redirect(report_jobs.queue_drafts(request.user, form.cleaned_data["year"], orgs))


@login_required
def report_create(request):
    form = CreateReportForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        earlier = None
        if data["reuse_outline"]:
            earlier = services.last_report(data["org"], data["year"])
        try:
            report = services.create_report(
                request.user,
                data["org"],
                data["year"],
                title=data["title"],
                chapters=data["chapters"],
                outline_from=earlier,
            )
            report = services.draft(request.user, report)
        except FazhiError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已创建并根据台账数据起草“{report.title}”。")
            return redirect("reports:edit", pk=report.pk)
    return render(request, "reports/create.html", {"form": form})


def _targets(report: AnnualReport) -> list[tuple[int, str]]:
    """The sections a paragraph may be moved to, as the select lists them."""
    numbers = section_numbers(report)
    return [
        (s.pk, f"{'　' * (depth - 1)}{numbers.get(s.pk) or ''}{s.title}") for s, depth in tree_rows(report)
    ]


def _paragraph_context(
    request, paragraph: Paragraph, values, *, editable: bool, form=None, error="", targets=None
):
    return {
        "targets": targets if targets is not None else _targets(paragraph.section.report),
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
    rows = tree_rows(report)
    targets = _targets(report)
    evidence = (
        styled(report, figure_source.fetch(report.org, evidence_codes(), report.year)) if editable else {}
    )
    sections = []
    for section, depth in rows:
        sections.append(
            {
                "section": section,
                "number": numbers.get(section.pk),
                "depth": depth - 1,
                "can_nest": section.heading and depth < MAX_DEPTH,
                "paragraphs": [
                    _paragraph_context(request, p, values, editable=editable, targets=targets)
                    for p in sorted(section.paragraphs.all(), key=lambda p: (p.order, p.pk))
                ],
            }
        )
    meta = ReportMetaForm(
        initial={
            "version": report.version,
            "title": report.title,
            "signed": report.signed,
            "issuer": report.issuer or report.org.name,
            "keyword": report.keyword,
            "count_word": report.count_word,
            "money_style": report.money_style,
        }
    )
    return render(
        request,
        "reports/edit.html",
        {
            "report": report,
            "sections": sections,
            "targets": targets,
            "figures": sorted(registry.all_figures(), key=lambda fig: fig.code) if editable else [],
            "suggestions": [
                {"key": item.key, "rendered": to_runs(item.text, evidence)}
                for item in suggestions(report, evidence)
            ]
            if editable
            else [],
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
            **{name: form.cleaned_data[name] for name in services.WORDING_FIELDS},
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
    if fmt == "pdf":  # LibreOffice's seconds of work go to the worker; the job's page offers the file
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return redirect(report_jobs.queue_pdf(request.user, report))
    try:
        export = export_format(fmt)
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    body = render_export(to_document(report), export.code)
    services.record_export(request.user, report, export.code)
    return file_response(body, f"{report.title}{export.extension}", export.media_type)


def _section(request, pk) -> Section:
    visible = AnnualReport.objects.visible_to(request.user)
    return get_object_or_404(Section.objects.select_related("report__org").filter(report__in=visible), pk=pk)


def _version(request) -> int | None:
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        return None


def _posted_section(report, value) -> Section | None:
    """The report's section a form names by its id, or None (not an id, or not this report's)."""
    pk = record_id(value)
    return None if pk is None else Section.objects.filter(pk=pk, report=report).first()


def _outline_change(request, report, change, success: str, anchor: str = ""):
    try:
        change()
        messages.success(request, success)
    except FazhiError as exc:
        messages.error(request, exc.message)
    return redirect(f"{report.get_absolute_url()}{anchor}")


@login_required
@require_POST
def section_add(request, pk):
    """A new top-level part, or (with ``parent``) a sub-heading under an existing part."""
    report = _report(request, pk)
    parent = None
    if request.POST.get("parent"):
        parent = _posted_section(report, request.POST["parent"])
        if parent is None:
            raise Http404("没有这个标题。")
    title = request.POST.get("title", "")
    return _outline_change(
        request,
        report,
        lambda: outline_edits.add_section(
            request.user, report, title, parent=parent, expected_version=_version(request)
        ),
        f"已新增标题“{title.strip()}”。",
    )


@login_required
@require_POST
def section_rename(request, pk):
    section = _section(request, pk)
    title = request.POST.get("title", "")
    return _outline_change(
        request,
        section.report,
        lambda: outline_edits.rename_section(request.user, section, title, _version(request)),
        "标题已修改。",
        f"#section-{section.pk}",
    )


@login_required
@require_POST
def section_move(request, pk, direction):
    section = _section(request, pk)
    return _outline_change(
        request,
        section.report,
        lambda: outline_edits.move_section(request.user, section, direction, _version(request)),
        "顺序已调整。",
        f"#section-{section.pk}",
    )


@login_required
@require_POST
def section_delete(request, pk):
    section = _section(request, pk)
    return _outline_change(
        request,
        section.report,
        lambda: outline_edits.delete_section(request.user, section, _version(request)),
        f"已删除“{section.title}”。",
    )


@login_required
@require_POST
def paragraph_move(request, pk):
    paragraph = _paragraph(request, pk)
    report = paragraph.section.report
    target = _posted_section(report, request.POST.get("section"))
    if target is None:
        messages.error(request, "请选择要移入的部分。")
        return redirect(report.get_absolute_url())
    return _outline_change(
        request,
        report,
        lambda: outline_edits.move_paragraph(request.user, paragraph, target, _version(request) or 0),
        f"段落已移至“{target.title}”。",
        f"#section-{target.pk}",
    )


@login_required
@require_POST
def suggestion_adopt(request, pk, key):
    report = _report(request, pk)
    return _outline_change(
        request,
        report,
        lambda: services.adopt_suggestion(request.user, report, key),
        "已将该问题写入“存在的不足和原因”，请按实际情况修改。",
    )


@login_required
def plan_notes(request):
    """Plans for next year, noted when they come up (a meeting, a 督查 finding), for item 四."""
    from fazhi.orgs.scoping import visible_orgs

    from .models import PlanNote
    from .services import REPORT_KINDS

    orgs = visible_orgs(request.user, write=True).filter(kind__in=REPORT_KINDS)
    if request.method == "POST":
        org = orgs.filter(pk=record_id(request.POST.get("org"))).first()
        try:
            if org is None:
                raise FazhiError("请选择单位。")
            year = int(request.POST.get("year") or 0)
            services.add_plan_note(request.user, org, year, request.POST.get("text", ""))
            messages.success(request, f"已记录{year}年工作打算，起草{year - 1}年度报告时将写入“主要安排”。")
        except ValueError:
            messages.error(request, "计划年度请填写四位年份，如2025。")
        except FazhiError as exc:
            messages.error(request, exc.message)
        return redirect("reports:plans")
    notes = PlanNote.objects.visible_to(request.user).select_related("org")
    return render(
        request,
        "reports/plans.html",
        {"notes": notes, "orgs": orgs, "next_year": timezone.localdate().year + 1},
    )


@login_required
@require_POST
def plan_note_delete(request, pk):
    from .models import PlanNote

    note = get_object_or_404(PlanNote.objects.visible_to(request.user), pk=pk)
    try:
        services.delete_plan_note(request.user, note)
        messages.success(request, "已删除该工作打算。")
    except FazhiError as exc:
        messages.error(request, exc.message)
    return redirect("reports:plans")
