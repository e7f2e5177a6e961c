"""The learning ledger's Excel pages: the legal-service activity list's template, import and export."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import service_sheet
from .filters import filter_services, services
from .importing import export_rows, import_services
from .models import ServiceRecord


def _filtered(user, params):
    return filter_services(services(user), params, user=user).order_by("served_on", "pk")


PAGES = ExcelPages(
    namespace="learning",
    title="公共法律服务台账",
    counter="条法律服务记录",
    model=ServiceRecord,
    sheet=service_sheet,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_services,
)
