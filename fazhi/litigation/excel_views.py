"""The reconsideration and litigation ledger's Excel pages: template, import and export."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import CASE_SHEET
from .filters import CASE_FILTERS, case_queryset
from .importing import export_rows, import_cases
from .models import Case


def _filtered(user, params):
    queryset = CASE_FILTERS.apply(case_queryset(user), params, user=user, default=("copy_received_on", "pk"))
    return queryset.prefetch_related("parties", "hearings")


PAGES = ExcelPages(
    namespace="litigation",
    title="复议诉讼案件台账",
    counter="件案件",
    model=Case,
    sheet=lambda: CASE_SHEET,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_cases,
    hint="每行一件案件（含一名对方当事人和第一次开庭）。",
    chunk_size=500,
)
