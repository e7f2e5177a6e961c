"""The Excel pages of the ledger: petitions (the office's 信访台账) under ``petitions``, and citizen demands
(the import of a platform's export) under ``petitions:demands``: template, import and filtered export."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import DEMAND_SHEET, PETITION_SHEET
from .filters import DEMAND_FILTERS, PETITION_FILTERS, demand_queryset, petition_queryset
from .importing import export_petitions, export_rows, import_demands, import_petitions
from .models import CitizenDemand, Petition


def _filtered(user, params):
    return DEMAND_FILTERS.apply(demand_queryset(user), params, user=user, default=("received_on", "pk"))


DEMAND_EXCEL = ExcelPages(
    namespace="petitions:demands",
    title="民意诉求台账",
    counter="件民意诉求",
    model=CitizenDemand,
    sheet=lambda: DEMAND_SHEET,
    filtered=_filtered,
    export_rows=export_rows,
    import_rows=import_demands,
    hint="每行一件诉求；可把12345、民意速办等平台导出的表格按模板列整理后上传，已导入过的工单按本次文件更新（如办结情况），内容相同的不变。",
)


def _filtered_petitions(user, params):
    queryset = PETITION_FILTERS.apply(
        petition_queryset(user), params, user=user, default=("received_on", "pk")
    )
    return queryset.prefetch_related("parties")


PETITION_EXCEL = ExcelPages(
    namespace="petitions",
    title="信访事项台账",
    counter="件信访事项",
    model=Petition,
    sheet=lambda: PETITION_SHEET,
    filtered=_filtered_petitions,
    export_rows=export_petitions,
    import_rows=import_petitions,
    hint="每行一件信访事项（含一名信访人）；复查、复核请在页面登记。",
    chunk_size=1000,
)
