"""The enforcement ledger's Excel pages: cases, inspection batches (mounted under inspections/) and the
专项行动 (under actions/)."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import CASE_SHEET, INSPECTION_SHEET, SPECIAL_ACTION_SHEET
from .filters import (
    CASE_FILTERS,
    INSPECTION_FILTERS,
    SPECIAL_ACTION_FILTERS,
    base_queryset,
    inspection_queryset,
    special_action_queryset,
)
from .importing import (
    export_case_rows,
    export_inspection_rows,
    export_special_action_rows,
    import_cases,
    import_inspections,
    import_special_actions,
)
from .models import EnforcementCase, InspectionBatch, SpecialAction


def _cases(user, params):
    queryset = CASE_FILTERS.apply(base_queryset(user), params, user=user, default=("filed_on", "pk"))
    return queryset.prefetch_related("parties", "officers")


def _inspections(user, params):
    return INSPECTION_FILTERS.apply(inspection_queryset(user), params, user=user, default=("held_on", "pk"))


PAGES = ExcelPages(
    namespace="enforcement",
    title="行政执法案件台账",
    counter="件案件",
    model=EnforcementCase,
    sheet=lambda: CASE_SHEET,
    filtered=_cases,
    export_rows=export_case_rows,
    import_rows=import_cases,
    hint="每行一件案件（一名当事人）；承办执法人员须已在执法人员名册中登记。",
    chunk_size=500,
)

# A nested namespace (enforcement:inspections:…), so that its three pages and its list keep the kit's names.
INSPECTION_PAGES = ExcelPages(
    namespace="enforcement:inspections",
    title="执法检查台账",
    counter="次执法检查",
    model=InspectionBatch,
    sheet=lambda: INSPECTION_SHEET,
    filtered=_inspections,
    export_rows=export_inspection_rows,
    import_rows=import_inspections,
    hint="每行一次检查行动（批量检查只填总数，如检查车辆5741台）。",
)

SPECIAL_ACTION_PAGES = ExcelPages(
    namespace="enforcement",
    title="专项行动",
    counter="项专项行动",
    model=SpecialAction,
    sheet=lambda: SPECIAL_ACTION_SHEET,
    filtered=SPECIAL_ACTION_FILTERS.export(special_action_queryset, default=("starts_on", "pk")),
    export_rows=export_special_action_rows,
    import_rows=import_special_actions,
    hint="每行一项专项行动；案件和执法检查台账的“专项行动”一栏按行动名称对应到这里登记的行动。",
    prefix="actions/",
    name="special_action_",
    list_name="special_actions",
)
