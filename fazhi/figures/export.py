"""The figure table as an Excel workbook (the same rows as the API), in the ledgers' Excel layout."""

from __future__ import annotations

from fazhi.ledger.excel import Column, Sheet, export

from .periods import Period

COLUMNS = (
    Column("指标代码", "code", width=30),
    Column("指标", "label", width=24),
    Column("单位", "unit", width=8),
    Column("本期", "value", kind="decimal"),
    Column("去年同期", "previous", kind="decimal"),
    Column("增减", "change", kind="decimal", width=12),
    Column("增减率（%）", "rate", kind="decimal", width=12, help="较去年同期的增减百分比"),
    Column("同比", "change_text", width=24),
    Column("数据来源", "source", width=12),
)
SOURCES = {"ledger": "台账统计", "manual": "手工填报", "baseline": "已发布报告", "": "无数据"}
MAX_TITLE = 31  # Excel's limit for a worksheet name, which the title row repeats


def sheet_for(org, period: Period) -> Sheet:
    title = f"{org.short_name or org.name}{period.label}主要指标"
    if len(title) > MAX_TITLE or set(title) & set("[]:*?/\\"):
        title = f"{period.label}主要指标"[:MAX_TITLE]
    return Sheet(title, COLUMNS, header_row=2)


def workbook_bytes(org, period: Period, rows: list[dict]) -> bytes:
    shown = [{**row, "source": SOURCES.get(row.get("source") or "", row.get("source"))} for row in rows]
    return export(sheet_for(org, period), shown)


def filename(org, period: Period) -> str:
    return f"{org.name}{period.label}指标.xlsx"
