"""The oversight items' Excel pages: template, import and export (/oversight/excel/…)."""

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
    title="监督事项台账",
    counter="件监督事项",
    model=Suggestion,
    sheet=lambda: SUGGESTION_SHEET,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_suggestions,
    hint=(
        "每行一件监督事项（人大代表建议、政协提案、检察建议、司法建议、督办、审计整改、督察反馈）；"
        "只填写本类别适用的列（见各列批注），已回复的，填写回复日期和回复情况。"
    ),
)
