"""The disclosure ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import request_sheet
from .filters import FILTERS, base_queryset
from .importing import export_rows, import_requests
from .models import DisclosureRequest


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
