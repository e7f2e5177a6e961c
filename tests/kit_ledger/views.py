"""The ledger's pages: one action table; the kit makes the detail, new and action pages and buttons."""

from fazhi.ledger.pages import LedgerPages, ListPage, NewPage, PageAction, allows, current, is_open, on_today

from . import forms, services
from .filters import FILTERS, queryset
from .models import CANCELLED, DONE

ACTIONS = {
    "finish": PageAction(
        "办结", forms.FinishForm, services.finish, initial=on_today("done_on"), available=allows(DONE)
    ),
    "cancel": PageAction(
        "撤销", forms.CancelForm, services.cancel, available=allows(CANCELLED), secondary=True
    ),
    "edit": PageAction(
        "修改基本信息",
        forms.DetailsForm,
        services.update_details,
        initial=current(*services.EDITABLE),
        available=is_open,
        secondary=True,
    ),
}

PAGES = LedgerPages(
    namespace="kit",
    queryset=queryset,
    lists=(ListPage("整改事项台账", "kit_ledger/list.html", FILTERS, empty="没有符合条件的整改事项。"),),
    new=NewPage(
        forms.NewForm,
        services.register,
        "ledger/new.html",
        saved=lambda notice: f"已登记：{notice.number}，办理期限{notice.due_label()}。",
        title="登记整改事项",
    ),
    detail_template="kit_ledger/detail.html",
    detail=lambda request, notice: {"events": []},
    actions=ACTIONS,
)
