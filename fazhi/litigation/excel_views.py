"""The reconsideration and litigation ledger's Excel pages: template, import and export."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import CASE_SHEET
from .filters import case_queryset, filter_cases
from .importing import export_rows, import_cases
from .models import Case


def _filtered(user, params):
    return (
        filter_cases(case_queryset(user), params, user=user)
        .prefetch_related("parties", "hearings")
        .order_by("copy_received_on", "pk")
    )


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
