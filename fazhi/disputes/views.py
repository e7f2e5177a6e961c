"""Pages of the dispute ledger. Every queryset starts from Dispute.objects.visible_to(user)."""

from fazhi.dates import today
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

from . import forms, services
from .documents import DOCUMENTS
from .filters import FILTERS, base_queryset
from .models import DISPATCHED, SUCCESS, WITHDRAWN
from .timeline import timeline


def inbox(user, queryset):
    """Disputes dispatched to the person's own units and not yet taken up (接收 or 退回): the inbox list
    and the home page's 收件箱."""
    return queryset.filter(status=DISPATCHED, org__in=user.roles.values_list("org", flat=True))


def _inbox(request, queryset):
    return inbox(request.user, queryset)


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
    "accept": PageAction("接收", forms.AcceptForm, services.accept, available=in_status(DISPATCHED)),
    "return": PageAction(
        "退回",
        forms.ReturnForm,
        services.return_dispatch,
        available=lambda d, u: d.status == DISPATCHED and d.dispatches.exists(),
        secondary=True,
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
    has_parties=True,
    actions=ACTIONS,
    documents=DOCUMENTS,
    bulk=("dispatch",),  # 批量分派: a 街道's morning of new cases handed to the communities at once
)
