"""Pages of the dispute ledger. Every queryset starts from Dispute.objects.visible_to(user)."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import today
from fazhi.ledger.pages import (
    LedgerPages,
    ListPage,
    NewPage,
    PageAction,
    allows,
    current,
    in_status,
    is_closed,
    is_open,
    on_today,
)
from fazhi.ledger.parties import masked_parties

from . import forms, services
from .agreement import agreement_docx
from .filters import FILTERS, base_queryset
from .models import DISPATCHED, SUCCESS, WITHDRAWN
from .timeline import timeline

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _inbox(request, queryset):
    """Disputes dispatched to the person's own units and not yet taken up."""
    return queryset.filter(status=DISPATCHED, org__in=request.user.roles.values_list("org", flat=True))


LISTS = (
    ListPage(
        "矛盾纠纷台账", "disputes/list.html", FILTERS, related=("parties",), empty="没有符合条件的纠纷。"
    ),
    ListPage(
        "待办收件箱（分派给本单位）",
        "disputes/list.html",
        FILTERS,
        related=("parties",),
        narrow=_inbox,
        path="inbox/",
        name="inbox",
        empty="收件箱是空的：没有分派给本单位待接手的纠纷。",
    ),
)


def _detail(request, dispute) -> dict:
    parties = masked_parties(request.user, dispute)
    return {
        "parties": parties,
        "events": timeline(dispute),
        "is_success": dispute.status == SUCCESS,
    }


@login_required
def agreement(request, pk: int):
    dispute = get_object_or_404(base_queryset(request.user), pk=pk, status=SUCCESS)
    parties = masked_parties(request.user, dispute, in_file=True)
    with transaction.atomic():
        record(Action.EXPORT, actor=request.user, target=dispute, changes={"导出": [None, "人民调解协议书"]})
    response = HttpResponse(agreement_docx(dispute, parties), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''agreement-{dispute.pk}.docx"
    return response


def _may_dispatch(dispute, user) -> bool:
    return allows(DISPATCHED)(dispute, user) and forms.dispatch_targets(user, dispute).exists()


def _session_initial(dispute, user) -> dict:
    return {"held_on": today(), "mediators": getattr(user, "full_name", "") or str(user)}


# "dispatch" is APIView.dispatch: the API's method is dispatch_to, its URL keeps the office's word.
ACTIONS = {
    "dispatch": PageAction(
        "分派/委派",
        forms.DispatchForm,
        services.dispatch,
        available=_may_dispatch,
        form_context=True,
        api="dispatch_to",
        api_path="dispatch",
    ),
    "session": PageAction(
        "登记调解记录",
        forms.SessionForm,
        services.add_session,
        initial=_session_initial,
        available=is_open,
        api="sessions",
    ),
    "conclude": PageAction(
        "办结",
        forms.ConcludeForm,
        services.conclude,
        initial=on_today("concluded_on", outcome="success"),
        available=allows(SUCCESS),
    ),
    "withdraw": PageAction(
        "撤回",
        forms.WithdrawForm,
        services.withdraw,
        initial=on_today("concluded_on"),
        available=allows(WITHDRAWN),
        secondary=True,
    ),
    "edit": PageAction(
        "修改基本信息",
        forms.DetailsForm,
        services.update_details,
        initial=current(*services.EDITABLE),
        secondary=True,
    ),
    "confirmation": PageAction(
        "司法确认",
        forms.ConfirmationForm,
        services.record_confirmation,
        initial=on_today("applied_on"),
        available=in_status(SUCCESS),
        secondary=True,
    ),
    "visit": PageAction(
        "回访",
        forms.VisitForm,
        services.record_visit,
        initial=on_today("visited_on", satisfaction="satisfied"),
        available=is_closed,
        secondary=True,
    ),
}

PAGES = LedgerPages(
    namespace="disputes",
    queryset=base_queryset,
    lists=LISTS,
    new=NewPage(
        forms.IntakeForm,
        services.intake,
        "disputes/intake.html",
        saved=lambda d: f"已登记：{d.number}，办理期限{d.due_label()}。",
        parties=forms.PartyFormSet,
        party=services.PartyData,
        name="intake",
    ),
    detail_template="disputes/detail.html",
    detail=_detail,
    has_parties=True,
    actions=ACTIONS,
)
