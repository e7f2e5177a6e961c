"""The disclosure list, declared once: its filters (the same meaning on the page, in the API and in the
Excel export; the API's parameters and the page's form come from here) and its columns."""

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

from .models import (
    POSTING_STATES,
    STATES,
    ApplicantKind,
    Channel,
    DisclosureRequest,
    Outcome,
    Posting,
    PostingKind,
    Venue,
)

FILTERS = LedgerFilterSet(
    Choice("status", "状态", STATES.choices),
    Unit("org", "单位"),
    Choice("channel", "申请方式", Channel.choices),
    Choice("applicant_kind", "申请人类别", ApplicantKind.choices),
    Choice("outcome", "办理结果", Outcome.choices),
    DateRange("received_on", "收到日期", "received_from", "received_to"),
    DateRange("replied_on", "答复日期", "replied_from", "replied_to"),
    Deadline(STATES.closed),
    Search("编号、申请内容、申请人", ("number", "content", "parties__name")),
    Contact(),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("收到日期", "received_on"),
        ListColumn("申请人"),
        ListColumn("申请内容"),
        ListColumn("状态", "status"),
        ListColumn("答复期限", "due_date"),
        ListColumn("办理结果", "outcome"),
    ),
)


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return DisclosureRequest.objects.visible_to(user, write=write).select_related("org")


POSTING_FILTERS = LedgerFilterSet(
    Choice("status", "状态", POSTING_STATES.choices),
    Unit("org", "单位"),
    Choice("kind", "公开类别", PostingKind.choices),
    Choice("venue", "公开载体", Venue.choices),
    DateRange("formed_on", "形成日期", "formed_from", "formed_to"),
    DateRange("published_on", "公开日期", "published_from", "published_to"),
    Deadline(POSTING_STATES.closed),
    Search("编号、信息名称、文号", ("number", "title", "document_number")),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("公开类别", "kind"),
        ListColumn("信息名称", "title"),
        ListColumn("形成日期", "formed_on"),
        ListColumn("公开日期", "published_on"),
        ListColumn("状态", "status"),
        ListColumn("公开期限", "due_date"),
    ),
)


def posting_queryset(user, *, write: bool = False) -> QuerySet:
    return Posting.objects.visible_to(user, write=write).select_related("org")
