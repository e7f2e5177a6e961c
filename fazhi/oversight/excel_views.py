"""The suggestions ledger's Excel pages: template, import and export (/oversight/excel/…)."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import SUGGESTION_SHEET
from .filters import SUGGESTION_FILTERS, suggestion_queryset
from .importing import export_rows, import_suggestions
from .models import Suggestion


def _filtered(user, params):
    return SUGGESTION_FILTERS.apply(
        suggestion_queryset(user), params, user=user, default=("received_on", "pk")
    )


PAGES = ExcelPages(
    namespace="oversight",
    title="司法建议书和检察建议书台账",
    counter="份建议书",
    model=Suggestion,
    sheet=lambda: SUGGESTION_SHEET,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_suggestions,
    hint="每行一份司法建议书或检察建议书；已回复的，填写回复日期和回复情况。",
)
