"""The dispute ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import dispute_sheet
from .filters import FILTERS, base_queryset
from .importing import export_rows, import_disputes
from .models import Dispute


def _filtered(user, params):
    queryset = FILTERS.apply(base_queryset(user), params, user=user, default=("received_on", "pk"))
    return queryset.prefetch_related("parties")


PAGES = ExcelPages(
    namespace="disputes",
    title="纠纷调解台账",
    counter="件纠纷",
    model=Dispute,
    sheet=dispute_sheet,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_disputes,
)
