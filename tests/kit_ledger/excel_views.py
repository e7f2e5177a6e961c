from fazhi.ledger.excel_pages import ExcelPages

from .columns import notice_sheet
from .filters import FILTERS, queryset
from .importing import export_rows, import_rows
from .models import Notice

PAGES = ExcelPages(
    namespace="kit",
    title="整改事项台账",
    counter="件整改事项",
    model=Notice,
    sheet=notice_sheet,
    filtered=lambda user, params: FILTERS.apply(
        queryset(user), params, user=user, default=("issued_on", "pk")
    ),
    export_rows=export_rows,
    import_rows=import_rows,
)
