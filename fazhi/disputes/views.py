"""Pages of the dispute ledger. Every queryset starts from Dispute.objects.visible_to(user)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from fazhi.dates import today
from fazhi.ledger.downloads import docx_download
from fazhi.ledger.pages import (
    LedgerPages,
    ListPage,
    NewPage,
    PageAction,
    allows,
    edit_action,
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


@login_required
def agreement(request, pk: int):
    dispute = get_object_or_404(base_queryset(request.user), pk=pk, status=SUCCESS)
    content = agreement_docx(dispute, masked_parties(request.user, dispute, in_file=True))
    return docx_download(
        request.user,
        dispute,
        content,
        filename=f"人民调解协议书-{dispute.number}.docx",
        what="人民调解协议书",
    )


def _may_dispatch(dispute, user) -> bool:
    return allows(DISPATCHED)(dispute, user) and forms.dispatch_targets(user, dispute).exists()


def _session_initial(dispute, user) -> dict:
    return {"held_on": today(), "mediators": getattr(user, "full_name", "") or str(user)}


ACTIONS = {
    "dispatch": PageAction(
        "分派/委派",
        forms.DispatchForm,
        services.dispatch,
        available=_may_dispatch,
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
    "edit": edit_action(forms.DetailsForm, services.update_details, services.EDITABLE),
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
    timeline=timeline,
    detail=lambda request, dispute: {"is_success": dispute.status == SUCCESS},
    has_parties=True,
    actions=ACTIONS,
)
