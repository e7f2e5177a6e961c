"""The case list, declared once: its filters (the same meaning on the page, in the API and in the Excel
export; the API's parameters and the page's form come from here) and its columns."""

from django.db.models import QuerySet

from fazhi.ledger.filters import (
    Choice,
    Contact,
    DateRange,
    Deadline,
    LedgerFilterSet,
    ListColumn,
    Search,
    Unit,
)

from .models import CASE_STATES, Case, CaseKind, CaseStage, LitigationOutcome

CASE_FILTERS = LedgerFilterSet(
    Choice("kind", "类别", CaseKind.choices),
    Choice("stage", "审级", CaseStage.choices),
    Choice("status", "状态", CASE_STATES.choices),
    Choice("outcome", "结果", LitigationOutcome.choices),
    Unit("org", "单位"),
    DateRange("copy_received_on", "收到副本", "received_from", "received_to"),
    Deadline(CASE_STATES.closed, overdue="答辩已超期"),
    Search(
        "编号、案号、法院、当事人", ("number", "external_number", "court", "disputed_act", "parties__name")
    ),
    Contact(),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("类别", "kind"),
        ListColumn("案号", "external_number"),
        ListColumn("对方当事人"),
        ListColumn("责任单位", "org__path"),
        ListColumn("收到副本", "copy_received_on", key="received_on"),
        ListColumn("答辩（答复）期限", "reply_due"),
        ListColumn("状态", "status"),
        ListColumn("结果", "outcome"),
    ),
)


def case_queryset(user, *, write: bool = False) -> QuerySet:
    return Case.objects.visible_to(user, write=write).select_related("org", "previous")
