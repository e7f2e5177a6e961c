"""Pages of the disclosure ledger: list, registration, detail with the running reply clock, the actions
of one table, and the yearly report's tables 三 and 四 for a unit and year."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.dates import today
from fazhi.errors import FazhiError
from fazhi.jobs.models import State
from fazhi.ledger.downloads import DOCX, XLSX, docx_download, file_response, pdf_download
from fazhi.ledger.forms import add_service_error
from fazhi.ledger.pages import (
    LedgerPages,
    ListPage,
    NewPage,
    PageAction,
    allows,
    edit_action,
    in_status,
    is_open,
    on_today,
)
from fazhi.ledger.parties import masked_parties
from fazhi.orgs.scoping import can_write, visible_orgs

from . import forms, proactive, report_text, services
from . import jobs as letter_jobs
from .annual_report import drafts, report_docx, report_xlsx, text_parts
from .filters import FILTERS, POSTING_FILTERS, base_queryset, posting_queryset
from .letter import LETTER_NAME, letter_attachment, letter_filename, sent_letter, stored_letter
from .models import (
    CONSULTING,
    CORRECTION,
    DECISION_KINDS,
    DOCUMENT_KINDS,
    HOLDER_KINDS,
    PUBLISHED,
    RECEIVED,
    REPEALED,
    REPLIED,
    DisclosureSettings,
    ReportPart,
)
from .report_text import stored_texts
from .table import annual_tables, scope_for
from .timeline import timeline

LISTS = (
    ListPage(
        "政府信息公开申请台账",
        "disclosure/list.html",
        FILTERS,
        related=("parties",),
        empty="没有符合条件的申请。",
    ),
)


def _detail(request, record) -> dict:
    consultations = list(record.consultations.all())
    return {
        "parties": masked_parties(request.user, record),
        "consultations": consultations,
        "deadline_text": record.clock_lines(consultations),
        "events": timeline(record, consultations),
        "cases": record.cases.all(),
        "remedy": DisclosureSettings.current().remedy_text() if record.status == REPLIED else "",
        "letter_pdf": letter_pdf_state(record) if record.status == REPLIED else None,
        "may_write": can_write(request.user, record.org),
    }


def _not_corrected(record, user) -> bool:
    return record.status == RECEIVED and not record.correction_requested_on


def _may_extend(record, user) -> bool:
    return record.status in (RECEIVED, CONSULTING) and not record.extension_days


def _replied(record, user) -> bool:
    return record.status == REPLIED


ACTIONS = {
    "correction": PageAction(
        "告知补正",
        forms.CorrectionForm,
        services.request_correction,
        initial=on_today("requested_on"),
        available=_not_corrected,
        warning=services.correction_warning,
    ),
    "corrected": PageAction(
        "收到补正",
        forms.CorrectedForm,
        services.receive_correction,
        initial=on_today("received_on"),
        available=in_status(CORRECTION),
    ),
    "consult": PageAction(
        "征求意见",
        forms.ConsultForm,
        services.consult,
        initial=on_today("sent_on"),
        available=in_status(RECEIVED),
    ),
    "opinion": PageAction(
        "登记意见结果",
        forms.OpinionForm,
        services.record_opinion,
        initial=on_today("answered_on"),
        available=in_status(CONSULTING),
    ),
    "extend": PageAction(
        "延长答复期限",
        forms.ExtendForm,
        services.extend,
        initial=on_today("approved_on", "notified_on"),
        available=_may_extend,
        secondary=True,
    ),
    "defer": PageAction(
        "延迟答复（第三十五条）",
        forms.DeferForm,
        services.defer,
        initial=on_today("notified_on"),
        available=in_status(RECEIVED, CONSULTING),
        secondary=True,
    ),
    "reply": PageAction(
        "答复",
        forms.ReplyForm,
        services.reply,
        initial=on_today("replied_on"),
        available=allows(REPLIED),
        warning=services.reply_warning,
    ),
    "link_case": PageAction(
        "关联复议诉讼",
        forms.LinkCaseForm,
        services.link_case,
        available=_replied,
        form_context=True,
        secondary=True,
    ),
    "edit": edit_action(forms.DetailsForm, services.update_details, services.EDITABLE, available=is_open),
}

PAGES = LedgerPages(
    namespace="disclosure",
    queryset=base_queryset,
    lists=LISTS,
    new=NewPage(
        forms.RegisterForm,
        services.register,
        "disclosure/new.html",
        saved=lambda r: f"已登记：{r.number}，答复期限{r.due_label()}。",
        parties=forms.ApplicantFormSet,
        party=services.PartyData,
    ),
    detail_template="disclosure/detail.html",
    detail=_detail,
    has_parties=True,
    actions=ACTIONS,
)

# --- 主动公开 postings -----------------------------------------------------------------------------------


def _repealable(posting, user) -> bool:
    return posting.status == PUBLISHED and posting.kind in DOCUMENT_KINDS


POSTING_ACTIONS = {
    "publish": PageAction(
        "登记公开",
        forms.PublishForm,
        proactive.publish,
        initial=on_today("published_on"),
        available=allows(PUBLISHED),
        warning=proactive.publish_warning,
    ),
    "repeal": PageAction(
        "登记废止",
        forms.RepealForm,
        proactive.repeal,
        initial=on_today("repealed_on"),
        available=_repealable,
        secondary=True,
    ),
    # a published posting may still be put right (its counts feed table 二); a repealed one is history
    "edit": edit_action(
        forms.PostingDetailsForm,
        proactive.update_details,
        proactive.EDITABLE,
        available=lambda posting, user: posting.status != REPEALED,
    ),
}

POSTING_PAGES = LedgerPages(
    namespace="disclosure",
    queryset=posting_queryset,
    lists=(
        ListPage(
            "主动公开政府信息台账",
            "disclosure/postings.html",
            POSTING_FILTERS,
            empty="没有符合条件的主动公开信息。",
        ),
    ),
    new=NewPage(
        forms.PostingNewForm,
        proactive.register,
        "ledger/new.html",
        saved=lambda p: f"已登记：{p.number}（{p.status_label}）。",
        name="posting_new",
        back="postings",
        title="登记主动公开信息",
    ),
    detail_template="disclosure/posting.html",
    detail=lambda request, posting: {"decision_kinds": sorted(DECISION_KINDS)},
    actions=POSTING_ACTIONS,
    prefix="postings/",
    list_name="postings",
    detail_name="posting",
    action_name="posting_action",
)


@login_required
def annual(request):
    """The 政府信息公开工作年度报告 for a unit (and everything below it) and a year: tables 二, 三 and 四
    on the page with the forms of parts 五 and 六, the whole report as Word or Excel."""
    try:
        org, year = scope_for(request.user, request.GET)
    except FazhiError as exc:
        return render(request, "disclosure/annual.html", {"error": exc.message}, status=400)
    tables = annual_tables(org, year)
    name = f"{org.name}{year}年政府信息公开工作年度报告"
    if request.GET.get("format") == "docx":
        return file_response(report_docx(org, year, tables), f"{name}.docx", DOCX)
    if request.GET.get("format") == "xlsx":
        return file_response(report_xlsx(org, year, tables), f"{name}.xlsx", XLSX)
    return render(request, "disclosure/annual.html", _annual_context(request, org, year, tables))


def _annual_context(request, org, year: int, tables, bound=None) -> dict:
    """The page's context; ``bound``: the part's form as it was sent back with its errors."""
    stored = stored_texts(org, year)
    may_write = can_write(request.user, org)
    texts = []
    for part, draft in drafts(tables).items():
        if bound is not None and bound.prefix == part:
            form = bound
        else:
            initial = stored.get(part) or "\n".join(draft.paragraphs)
            form = forms.ReportTextForm(prefix=part, initial={"org": org.code, "year": year, "text": initial})
        texts.append(
            {"part": part, "heading": ReportPart(part).label, "stored": part in stored, "form": form}
        )
    return {
        "org": org,
        "year": year,
        "tables": tables,
        "overview": text_parts(org, year, tables)[0],
        "texts": texts,
        "may_write": may_write,
        "orgs": visible_orgs(request.user).filter(kind__in=HOLDER_KINDS),
        "years": range(today().year, today().year - 6, -1),
    }


@login_required
@require_POST
def annual_text(request):
    """Save the office's own text of part 五 or 六 for the unit and year of the page; on a refusal the page
    comes back with what was typed and the reason on the field."""
    part = request.POST.get("part", "")
    if part not in ReportPart.values:
        return render(request, "disclosure/annual.html", {"error": "请选择第五部分或第六部分。"}, status=400)
    form = forms.ReportTextForm(request.POST, prefix=part)
    if not form.is_valid():
        return render(
            request,
            "disclosure/annual.html",
            {"error": "提交的单位或年度无效，请从年度报告页面重新填写。"},
            status=400,
        )
    try:
        org, year = scope_for(
            request.user, {"org": form.cleaned_data["org"], "year": str(form.cleaned_data["year"])}
        )
    except FazhiError as exc:
        raise Http404(exc.message) from exc
    if not can_write(request.user, org):
        raise PermissionDenied(f"您无权填写{org.name}的政府信息公开工作年度报告。")
    try:
        report_text.save_text(request.user, org, year, part, form.cleaned_data["text"])
    except FazhiError as exc:
        add_service_error(form, exc)
        context = _annual_context(request, org, year, annual_tables(org, year), bound=form)
        return render(request, "disclosure/annual.html", context, status=400)
    messages.success(request, f"已保存“{ReportPart(part).label}”，导出 Word 和 Excel 时使用。")
    return redirect(f"{reverse('disclosure:annual')}?org={org.code}&year={year}#part-{part}")


def _replied_record(request, pk: int):
    return get_object_or_404(base_queryset(request.user).prefetch_related("parties"), pk=pk, status=REPLIED)


@login_required
def letter(request, pk: int):
    """The reply letter of an answered request as sent, as Word (the download is in the audit trail)."""
    record = _replied_record(request, pk)
    return docx_download(
        request.user,
        record,
        sent_letter(record),
        filename=letter_filename(record, "docx"),
        what=LETTER_NAME,
    )


@login_required
def letter_pdf(request, pk: int):
    """The same letter as PDF, as the worker stored it in the attachments after the reply (the Word file
    as sent, converted once): never made anew here, so the letter cannot change after the reply."""
    record = _replied_record(request, pk)
    content = stored_letter(record, "pdf")
    if content is None:
        messages.error(request, f"{LETTER_NAME}的 PDF 尚未生成：{letter_pdf_state(record)['text']}")
        return redirect(record)
    return pdf_download(
        request.user,
        record,
        content,
        filename=letter_filename(record, "pdf"),
        what=f"{LETTER_NAME}（PDF）",
    )


def letter_pdf_state(record) -> dict:
    """What the record page says about the letter's PDF: stored, being made, or to be made (again)."""
    if letter_attachment(record, "pdf") is not None:
        return {"stored": True, "text": ""}
    if letter_jobs.pending(record) is not None:
        return {"pending": True, "text": "后台正在生成，请稍后刷新本页。"}
    last = letter_jobs.letter_jobs(record).first()
    if last is not None and last.state == State.FAILED:
        return {"again": True, "text": f"上次生成失败：{last.error}可以重新生成。"}
    return {"again": True, "text": "尚未生成，可以点击“生成答复书 PDF”。"}


@login_required
@require_POST
def letter_pdf_make(request, pk: int):
    """Make the letter's PDF (again) in the background: after a failed conversion (no LibreOffice then), or
    for a reply recorded without one. Only for those who may write the record."""
    record = _replied_record(request, pk)
    if not can_write(request.user, record.org):
        raise PermissionDenied("您无权为该申请生成答复书 PDF；如需权限，请联系系统管理员。")
    state = letter_pdf_state(record)
    if state.get("again"):
        job = letter_jobs.queue_letter_pdf(request.user, record)
        messages.success(request, f"已提交后台任务“{job.label}”，完成后 PDF 存入本申请的附件。")
    else:
        messages.info(request, "答复书 PDF 已在附件中。" if state.get("stored") else state["text"])
    return redirect(record)
