"""The enforcement ledger's Excel pages: cases, and inspection batches (mounted under inspections/)."""

from fazhi.ledger.excel_pages import ExcelPages

from .columns import CASE_SHEET, INSPECTION_SHEET
from .filters import CASE_FILTERS, INSPECTION_FILTERS, base_queryset, inspection_queryset
from .importing import export_case_rows, export_inspection_rows, import_cases, import_inspections
from .models import EnforcementCase, InspectionBatch


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
