"""The review list, declared once: its filters (the same meaning on the page, in the API and in the
Excel export; the API's parameters and the page's form come from here) and its columns. Review items
have no parties, so no lookup by ID number or phone."""

from django.db.models import QuerySet

from fazhi.ledger.filters import Choice, DateRange, Deadline, Flag, LedgerFilterSet, ListColumn, Search, Unit

from .models import STATES, ReviewItem, ReviewKind, ReviewOpinion


def _to_file(queryset: QuerySet) -> QuerySet:
    """Contracts to be filed and not yet filed (an unlawful one is never filed)."""
    return queryset.filter(requires_filing=True, filed_on__isnull=True).exclude(
        opinion=ReviewOpinion.UNLAWFUL
    )


FILTERS = LedgerFilterSet(
    Choice("status", "状态", STATES.choices),
    Choice("kind", "类别", ReviewKind.choices),
    Choice("opinion", "审查意见", ReviewOpinion.choices),
    Unit("org", "所在单位"),
    Unit("submitted_by", "送审单位", field="submitted_by"),
    DateRange("submitted_on", "送审日期", "submitted_from", "submitted_to"),
    Deadline(STATES.closed),
    Flag("to_file", "待备案合同", _to_file),
    Search("编号、名称、合同相对方", ("number", "title", "counterparty")),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("类别", "kind"),
        ListColumn("事项名称", "title"),
        ListColumn("送审单位", "submitted_by__path", key="submitted_by"),
        ListColumn("送审日期", "submitted_on"),
        ListColumn("审查单位", "reviewer_org__path", key="reviewer_org"),
        ListColumn("状态", "status"),
        ListColumn("审查意见", "opinion"),
        ListColumn("审查期限", "due_date"),
    ),
)


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return ReviewItem.objects.visible_to(user, write=write).select_related(
        "org", "submitted_by", "reviewer_org", "reviewer"
    )
