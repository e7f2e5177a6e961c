"""The legality review ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import review_sheet
from .filters import FILTERS, base_queryset
from .importing import export_rows, import_items
from .models import ReviewItem

PAGES = ExcelPages(
    namespace="legal",
    title="合法性审查台账",
    counter="件审查事项",
    model=ReviewItem,
    sheet=review_sheet,
    filtered=FILTERS.export(base_queryset, default=("submitted_on", "pk"), related=("rounds",)),
    export_rows=lambda user, items: export_rows(items),
    import_rows=import_items,
    unit_columns=("submitted_by", "reviewer_org"),
)
