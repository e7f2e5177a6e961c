"""Pages of the legality review ledger. Every queryset starts from ReviewItem.objects.visible_to(user)."""

from fazhi.ledger.pages import (
    LedgerPages,
    ListPage,
    NewPage,
    PageAction,
    allows,
    current,
    edit_action,
    in_status,
    is_open,
    on_today,
)

from . import forms, services
from .filters import FILTERS, base_queryset
from .models import CONCLUDED, RETURNED, REVIEWING, WITHDRAWN, ReviewOpinion
from .opinion_letter import DOCUMENTS
from .timeline import timeline


def _detail(request, item) -> dict:
    rounds = list(item.rounds.select_related("reviewer_org", "reviewer"))
    for r in rounds:
        r.warning = services.timing_warning(r) if r.opinion_on else ""
    return {"rounds": rounds}


ACTIONS = {
    "assign": PageAction(
        "指派审查",
        forms.AssignForm,
        services.assign,
        initial=current("reviewer_org", "reviewer", "co_reviewers"),
        available=lambda item, user: allows(REVIEWING)(item, user) and item.status != RETURNED,
        label=lambda item: "改派审查" if item.status == REVIEWING else "指派审查",
    ),
    "conclude": PageAction(
        "出具审查意见",
        forms.ConcludeForm,
        services.conclude,
        initial=on_today("opinion_on", opinion=ReviewOpinion.LAWFUL, letter_issued=True),
        available=allows(CONCLUDED),
        warning=services.latest_round_warning,
    ),
    "return": PageAction(
        "退回修改",
        forms.ReturnForm,
        services.return_for_revision,
        initial=on_today("opinion_on", letter_issued=True),
        available=allows(RETURNED),
        warning=services.latest_round_warning,
        secondary=True,
    ),
    "resubmit": PageAction(
        "修改后重新送审",
        forms.ResubmitForm,
        services.resubmit,
        initial=on_today("submitted_on"),
        available=in_status(RETURNED),
    ),
    "filing": PageAction(
        "合同备案",
        forms.FilingForm,
        services.file_contract,
        initial=on_today("filed_on"),
        available=lambda item, user: not item.filing_problem() and not item.filed_on,
    ),
    "withdraw": PageAction(
        "撤回",
        forms.WithdrawForm,
        services.withdraw,
        available=allows(WITHDRAWN),
        secondary=True,
    ),
    "edit": edit_action(forms.DetailsForm, services.update_details, services.EDITABLE, available=is_open),
}

PAGES = LedgerPages(
    namespace="legal",
    queryset=base_queryset,
    lists=(ListPage("合法性审查台账", "legal/list.html", FILTERS, empty="没有符合条件的审查事项。"),),
    new=NewPage(
        forms.SubmitForm,
        services.submit,
        "legal/submit.html",
        saved=lambda item: (
            f"已送审：{item.number}" + (f"，审查期限{item.due_label()}" if item.due_date else "") + "。"
        ),
        name="submit",
    ),
    detail_template="legal/detail.html",
    detail=_detail,
    timeline=timeline,
    actions=ACTIONS,
    documents=DOCUMENTS,
)
