"""The dispute ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import dispute_sheet
from .filters import FILTERS, base_queryset
from .importing import export_rows, import_disputes
from .models import Dispute

PAGES = ExcelPages(
    namespace="disputes",
    title="纠纷调解台账",
    counter="件纠纷",
    model=Dispute,
    sheet=dispute_sheet,
    filtered=FILTERS.export(base_queryset, default=("received_on", "pk"), related=("parties",)),
    export_rows=export_rows,
    import_rows=import_disputes,
)
