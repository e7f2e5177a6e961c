"""Several analysed reports side by side as an Excel workbook: their figures per registry figure, and
the mandated items each report has.

The analysis page keeps nothing on the server (see ``analysis_views``): what the workbook needs travels
with the download form as a signed token, made by :func:`comparison_payload` when the page is drawn and
read back by :func:`comparison_workbook`.
"""

from __future__ import annotations

from decimal import Decimal

from fazhi.ledger.excel_spec import Column, Sheet, header_key
from fazhi.ledger.excel_write import export_sheets

from .analysis_forms import figure_label

FIGURES_TITLE = "指标对比"
MANDATED_TITLE = "法定必报事项"
MAX_HEADER = 40  # a report column's header: the issuer, else the file name


def comparison_payload(reports: list[dict]) -> list[dict]:
    """What the workbook needs of each analysed report (the page's entries with a ``result``), in the
    page's order: small plain data, to be signed into the download form."""
    return [
        {
            "name": report["name"],
            "issuer": report["result"].issuer or "",
            "year": report["result"].year,
            "figures": {
                code: {"value": c["value"], "unit": c["unit"], "approx": c["approx"], "text": c["text"]}
                for code, c in report["chosen"].items()
            },
            "mandated": [
                {
                    "label": item.label,
                    "required": item.required,
                    "present": item.present,
                    "heading": f"{item.heading.number}{item.heading.title}" if item.heading else "",
                }
                for item in report["result"].mandated
            ],
        }
        for report in reports
    ]


def report_headers(reports: list[dict]) -> list[str]:
    """One distinct column header per report: its issuer (or file name); a repeated one gets （2）…"""
    headers: list[str] = []
    for report in reports:
        base = (report["issuer"] or report["name"] or "报告")[:MAX_HEADER]
        header, n = base, 1
        while header_key(header) in {header_key(h) for h in headers}:
            n += 1
            header = f"{base}（{n}）"
        headers.append(header)
    return headers


def _report_columns(headers: list[str], kind: str) -> list[Column]:
    return [Column(header, f"r{index}", kind=kind, width=18) for index, header in enumerate(headers)]


def figures_sheet(reports: list[dict], headers: list[str]) -> tuple[Sheet, list[dict]]:
    """A row per figure code any report gives (by code, so one ledger's figures stay together): the
    Chinese label, the unit, each report's value as a number; approximate values named in 说明."""
    columns = [
        Column("指标", "label", width=28),
        Column("单位", "unit", width=8),
        # "int": numbers in Excel's General format, so 4532 and 83.33 read as the reports write them
        # ("decimal" would show 4532.00)
        *_report_columns(headers, "int"),
        Column("说明", "note", width=40),
    ]
    codes = sorted({code for report in reports for code in report["figures"]})
    rows = []
    for code in codes:
        row = {"label": figure_label(code) or "（未登记的指标）", "unit": ""}
        notes = []
        for index, report in enumerate(reports):
            found = report["figures"].get(code)
            if found is None:
                continue
            row["unit"] = row["unit"] or found["unit"]
            value = Decimal(found["value"])
            row[f"r{index}"] = int(value) if value == value.to_integral_value() else value
            if found["approx"]:
                notes.append(f"{headers[index]}：约数（报告原文“{found['text']}”）")
        row["note"] = "；".join(notes)
        rows.append(row)
    return Sheet(FIGURES_TITLE, tuple(columns), header_row=2), rows


def mandated_sheet(reports: list[dict], headers: list[str]) -> tuple[Sheet, list[dict]]:
    """A row per mandated item (the six, in the rules' order): whether each report has it, and where."""
    columns = [
        Column("事项", "label", width=36),
        Column("是否必报", "required", kind="bool", width=10),
        *_report_columns(headers, "text"),
    ]
    rows = []
    for position, item in enumerate(reports[0]["mandated"] if reports else []):
        row = {"label": item["label"], "required": item["required"]}
        for index, report in enumerate(reports):
            cell = report["mandated"][position]
            if cell["present"]:
                row[f"r{index}"] = f"有（{cell['heading']}）" if cell["heading"] else "有"
            else:
                row[f"r{index}"] = "缺少" if item["required"] else "无"
        rows.append(row)
    return Sheet(MANDATED_TITLE, tuple(columns), header_row=2), rows


def comparison_workbook(reports: list[dict]) -> bytes:
    headers = report_headers(reports)
    return export_sheets([figures_sheet(reports, headers), mandated_sheet(reports, headers)])


def comparison_filename(reports: list[dict]) -> str:
    years = {report["year"] for report in reports}
    year = f"{years.pop()}年" if len(years) == 1 and None not in years else ""
    return f"{year}法治政府建设年度报告对比（{len(reports)}份）.xlsx"
