"""The Excel pages of citizen demands (template, import of a platform's export, export of the filtered
list), mounted under ``petitions:demands``."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import DEMAND_SHEET
from .filters import demand_queryset, filter_demands
from .importing import export_rows, import_demands
from .models import CitizenDemand


def _filtered(user, params):
    return filter_demands(demand_queryset(user), params, user=user).order_by("received_on", "pk")


DEMAND_EXCEL = ExcelPages(
    namespace="petitions:demands",
    title="民意诉求台账",
    counter="件民意诉求",
    model=CitizenDemand,
    sheet=lambda: DEMAND_SHEET,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_demands,
    hint="每行一件诉求；可把12345、民意速办等平台导出的表格按模板列整理后上传，已导入过的工单自动跳过。",
)
