"""The dispute ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import dispute_sheet
from .filters import base_queryset, filter_disputes
from .importing import export_rows, import_disputes
from .models import Dispute


def _filtered(user, params):
    return (
        filter_disputes(base_queryset(user), params, user=user)
        .prefetch_related("parties")
        .order_by("received_on", "pk")
    )


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
