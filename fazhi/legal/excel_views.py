"""The legality review ledger's Excel pages: template, import and export of the filtered list."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import review_sheet
from .filters import base_queryset, filter_items
from .importing import export_rows, import_items
from .models import ReviewItem


def _filtered(user, params):
    return filter_items(base_queryset(user), params).prefetch_related("rounds").order_by("submitted_on", "pk")


PAGES = ExcelPages(
    namespace="legal",
    title="合法性审查台账",
    counter="件审查事项",
    model=ReviewItem,
    sheet=review_sheet,
    filtered=_filtered,
    export_rows=lambda user, items: export_rows(items),
    import_rows=import_items,
    unit_columns=("submitted_by", "reviewer_org"),
)
