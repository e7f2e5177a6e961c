"""The disclosure ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import request_sheet
from .filters import base_queryset, filter_requests
from .importing import export_rows, import_requests
from .models import DisclosureRequest


def _filtered(user, params):
    return (
        filter_requests(base_queryset(user), params, user=user)
        .prefetch_related("parties")
        .order_by("received_on", "pk")
    )


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
