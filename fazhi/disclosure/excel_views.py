"""The disclosure ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import posting_sheet, request_sheet
from .filters import FILTERS, POSTING_FILTERS, base_queryset, posting_queryset
from .importing import export_rows, import_postings, import_requests, posting_rows
from .models import DisclosureRequest, Posting


def _filtered(user, params):
    queryset = FILTERS.apply(base_queryset(user), params, user=user, default=("received_on", "pk"))
    return queryset.prefetch_related("parties")


PAGES = ExcelPages(
    namespace="disclosure",
    title="政府信息公开申请台账",
    counter="件申请",
    model=DisclosureRequest,
    sheet=request_sheet,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_requests,
)

POSTINGS = ExcelPages(
    namespace="disclosure",
    title="主动公开信息登记",
    counter="条主动公开信息",
    model=Posting,
    sheet=posting_sheet,
    filtered=POSTING_FILTERS.export(posting_queryset, default=("formed_on", "pk")),
    export_rows=posting_rows,
    import_rows=import_postings,
    prefix="postings/",
    name="posting_",
    list_name="postings",
)
