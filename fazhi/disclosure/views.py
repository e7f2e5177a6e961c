"""Pages of the disclosure ledger: list, registration, detail with the running reply clock, the actions
of one table, and the yearly report's tables 三 and 四 for a unit and year."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from fazhi.audit.models import Action
from fazhi.audit.services import record as audit
from fazhi.dates import today
from fazhi.errors import FazhiError
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
from fazhi.orgs.scoping import visible_orgs

from . import forms, services
from .filters import FILTERS, base_queryset
from .letter import letter_docx
from .models import (
    CONSULTING,
    CORRECTION,
    HOLDER_KINDS,
    RECEIVED,
    REPLIED,
    DisclosureSettings,
)
from .table import annual_tables, scope_for, tables_docx, tables_xlsx
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

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def annual(request):
    """Tables 三 and 四 of the 政府信息公开工作年度报告 for a unit (and everything below it) and a year."""
    try:
        org, year = scope_for(request.user, request.GET)
    except FazhiError as exc:
        return render(request, "disclosure/annual.html", {"error": exc.message}, status=400)
    tables = annual_tables(org, year)
    if request.GET.get("format") == "docx":
        response = HttpResponse(tables_docx(org, year, tables), content_type=DOCX)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''disclosure-{year}.docx"
        return response
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(tables_xlsx(org, year, tables), content_type=XLSX)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''disclosure-{year}.xlsx"
        return response
    context = {
        "org": org,
        "year": year,
        "tables": tables,
        "orgs": visible_orgs(request.user).filter(kind__in=HOLDER_KINDS),
        "years": range(today().year, today().year - 6, -1),
    }
    return render(request, "disclosure/annual.html", context)


@login_required
def letter(request, pk: int):
    """The reply letter of an answered request, as Word (the download is in the audit trail)."""
    record = get_object_or_404(base_queryset(request.user).prefetch_related("parties"), pk=pk, status=REPLIED)
    with transaction.atomic():
        audit(
            Action.EXPORT,
            actor=request.user,
            target=record,
            changes={"导出": [None, "政府信息公开申请答复书"]},
        )
    response = HttpResponse(letter_docx(record), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''disclosure-reply-{record.pk}.docx"
    return response
