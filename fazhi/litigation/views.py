"""Pages of reconsideration and litigation and of its analysis meetings. Every queryset starts from
``Model.objects.visible_to(user)`` (through the filters module)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from fazhi.dates import today
from fazhi.deadlines.engine import due_for_rule
from fazhi.errors import FazhiError
from fazhi.ledger.attachments import attachments_of
from fazhi.ledger.forms import add_service_error
from fazhi.ledger.pages import LedgerPages, ListPage, NewPage, PageAction, allows, current, is_open, on_today
from fazhi.ledger.parties import masked_parties
from fazhi.orgs.scoping import visible_orgs
from fazhi.paging import paginate

from . import forms, services
from . import serializers as s
from .documents import DOCUMENTS
from .filters import CASE_FILTERS, case_queryset
from .models import (
    ANSWERED,
    CONCLUDED,
    REPLY_RULES,
    AnalysisMeeting,
    CaseStage,
)
from .timeline import case_timeline


def _page(request, queryset):
    return {**paginate(request, queryset), "params": request.GET, "today": today()}


# --- cases ---------------------------------------------------------------------------------------------


def _case_detail(request, case) -> dict:
    parties = masked_parties(request.user, case)
    explanation = []
    if case.reply_due:
        explanation = due_for_rule(REPLY_RULES[case.kind], case.copy_received_on).explanation
    appeal = services.appeal_deadline(case)
    return {
        "parties": parties,
        "documents": case.documents.select_related("attachment"),
        "hearings": case.hearings.all(),
        "meetings": case.meetings.all(),
        "follow_ups": case.follow_ups.all(),
        "attachments": attachments_of(case),
        "explanation": explanation,
        "appeal": appeal,
        "today": today(),
        "events": case_timeline(case),
    }


CASE_ACTIONS = {
    "reply": PageAction(
        "登记答辩（答复）",
        forms.ReplyForm,
        services.record_reply,
        initial=on_today("replied_on"),
        available=lambda case, user: allows(ANSWERED)(case, user) and bool(case.reply_due),
    ),
    "document": PageAction(
        "登记收到文书",
        forms.DocumentForm,
        services.add_document,
        initial=on_today("received_on"),
        serializer=s.CaseDocumentInputSerializer,
        api="documents",
    ),
    "hearing": PageAction(
        "登记庭审",
        forms.HearingForm,
        services.add_hearing,
        initial=on_today("held_on"),
        available=is_open,
        api="hearings",
    ),
    "conclude": PageAction(
        "结案",
        forms.ConcludeForm,
        services.conclude,
        initial=on_today("concluded_on"),
        available=allows(CONCLUDED),
    ),
    "appeal": PageAction(
        "登记上诉或再审",
        forms.AppealForm,
        services.appeal,
        initial=on_today("copy_received_on", stage=CaseStage.APPEAL, court="杭州市中级人民法院"),
        available=lambda case, user: case.is_closed and not case.follow_ups.exists(),
        creates=True,
        secondary=True,
    ),
    "edit": PageAction(
        "修改案件信息",
        forms.CaseEditForm,
        services.update_case,
        initial=current(*services.CASE_EDITABLE),
        secondary=True,
    ),
}

PAGES = LedgerPages(
    namespace="litigation",
    queryset=case_queryset,
    lists=(
        ListPage(
            "行政复议与诉讼案件台账",
            "litigation/list.html",
            CASE_FILTERS,
            related=("parties",),
            empty="没有符合条件的案件。",
        ),
    ),
    new=NewPage(
        forms.CaseForm,
        services.register_case,
        "litigation/case_form.html",
        saved=lambda case: (
            f"已登记：{case.number}"
            + (f"，答辩（答复）期限{case.due_label('reply_due')}" if case.reply_due else "")
            + "。"
        ),
        parties=forms.PartyFormSet,
        party=services.PartyData,
    ),
    detail_template="litigation/detail.html",
    detail=_case_detail,
    has_parties=True,
    actions=CASE_ACTIONS,
    documents=DOCUMENTS,
)


# --- analysis meetings -----------------------------------------------------------------------------------


@login_required
def meeting_list(request):
    queryset = (
        AnalysisMeeting.objects.filter(org__in=visible_orgs(request.user))
        .select_related("org")
        .prefetch_related("cases")
    )
    return render(request, "litigation/meetings.html", _page(request, queryset))


@login_required
def meeting_new(request):
    cases = case_queryset(request.user).filter(org__in=visible_orgs(request.user, write=True))
    form = forms.MeetingForm(request.POST or None, user=request.user, cases=cases)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.record_meeting(request.user, cases=list(data.pop("cases")), **data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "涉诉案件分析会已登记。")
            return redirect("litigation:meetings")
    return render(request, "ledger/new.html", {"form": form, "title": "登记涉诉案件分析会",
                                                     "back": "litigation:meetings"})  # fmt: skip
