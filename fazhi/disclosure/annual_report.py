"""The 政府信息公开工作年度报告 of a unit and year in the statutory format (国办公开办函〔2021〕30号): six
parts — 一 总体情况, 二 主动公开政府信息情况 (table), 三 收到和处理政府信息公开申请情况 (table),
四 政府信息公开行政复议、行政诉讼情况 (table), 五 存在的主要问题及改进情况, 六 其他需要报告的事项.

The tables are counted by ``table.py``. Part 一 is drafted from the same counts (what was published and how
requests were handled). Parts 五 and 六 are the office's own text, written on the report's page and kept per
unit and year (``report_text``); until it writes them, the draft stands in: 六 from the counts (requests
dropped for an unpaid 信息处理费), 五 saying what the office has to write. Exported as Word (A4, 仿宋) and as
Excel."""

import datetime
import io
from dataclasses import dataclass

from .models import OUTCOME_GROUPS, PostingKind, ReportPart
from .report_text import stored_texts
from .table import CASE_GROUPS, RESULT_COLUMNS, AnnualTables, published_by_kind, subtree
from .word import CENTER, grid, heading, new_document, paragraph, shrink, title, to_bytes, widths

TABLE_TWO = "二、主动公开政府信息情况"
TABLE_THREE = "三、收到和处理政府信息公开申请情况"
TABLE_FOUR = "四、政府信息公开行政复议、行政诉讼情况"
THREE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
PORTAL_UNITS = {PostingKind.NEWS: "篇", PostingKind.NOTICE: "篇", PostingKind.FINANCE: "篇",
                PostingKind.INTERPRETATION: "篇"}  # fmt: skip


@dataclass
class TextPart:
    heading: str
    paragraphs: list[str]


def _rows(tables: AnnualTables) -> dict:
    return {row.key: row for row in tables.three}


def overview(org, year: int, tables: AnnualTables) -> TextPart:
    """一、总体情况: drafted from the postings log and the requests ledger."""
    published = published_by_kind(subtree(org), datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    parts = [
        f"{PostingKind(kind).label}{n}{PORTAL_UNITS.get(kind, '条')}" for kind, n in published.items() if n
    ]
    first = (
        f"{year}年，{org.name}坚持以公开为常态、不公开为例外，依照《中华人民共和国政府信息公开条例》"
        "做好政府信息公开工作。"
    )
    if parts:
        first += f"全年主动公开政府信息{sum(published.values())}条，其中{'、'.join(parts)}。"
    rows = _rows(tables)
    received, carried_in = rows["received"].total, rows["carried_in"].total
    replied, carried_over = rows["total"].total, rows["carried_over"].total
    second = (
        f"全年收到政府信息公开申请{received}件，上年结转{carried_in}件，办结{replied}件，"
        f"结转下年度继续办理{carried_over}件。"
    )
    if replied:
        groups = dict(OUTCOME_GROUPS)
        outcomes = [f"{groups[k]}{rows[k].total}件" for k in groups if rows[k].total]
        second += f"办结的申请中，{'、'.join(outcomes)}。"
    reconsideration = tables.four["reconsideration"]["total"]
    suits = tables.four["direct"]["total"] + tables.four["after_reconsideration"]["total"]
    third = f"因政府信息公开引发行政复议{reconsideration}件、行政诉讼{suits}件。"
    return TextPart("一、总体情况", [first, second, third])


def problems() -> TextPart:
    return TextPart(
        "五、存在的主要问题及改进情况",
        ["（请填写本年度政府信息公开工作存在的主要问题、改进措施，以及上年度问题的整改情况。）"],
    )


def other_matters(tables: AnnualTables) -> TextPart:
    unpaid = _rows(tables)["other_no_fee"].total
    return TextPart(
        "六、其他需要报告的事项",
        [
            f"本年度因申请人逾期未按收费通知要求缴纳费用、本机关不再处理的政府信息公开申请{unpaid}件。"
            "（请补充：依据《政府信息公开信息处理费管理办法》发出收费通知的件数和总金额、实际收取的总金额；"
            "本年度政务公开工作要点落实情况等。）"
        ],
    )


def drafts(tables: AnnualTables) -> dict[str, TextPart]:
    """Parts 五 and 六 as the system drafts them: the suggestion the page offers before the office writes."""
    return {ReportPart.PROBLEMS: problems(), ReportPart.OTHER: other_matters(tables)}


def own_text(part: str, text: str) -> TextPart:
    return TextPart(ReportPart(part).label, [line.strip() for line in text.splitlines() if line.strip()])


def text_parts(org, year: int, tables: AnnualTables) -> tuple[TextPart, TextPart, TextPart]:
    """一 drafted from the counts; 五 and 六 as the office wrote them for the unit and year, else drafted."""
    stored = stored_texts(org, year)
    fifth, sixth = (
        own_text(part, stored[part]) if part in stored else draft for part, draft in drafts(tables).items()
    )
    return overview(org, year, tables), fifth, sixth


def report_title(org, year: int) -> str:
    return f"{org.name}{year}年政府信息公开工作年度报告"


# --- Word ----------------------------------------------------------------------------------------------


def _text(doc, part: TextPart) -> None:
    heading(doc, part.heading)
    for text in part.paragraphs:
        paragraph(doc, text)


def _table_two(doc, tables: AnnualTables) -> None:
    heading(doc, TABLE_TWO)
    table = grid(doc, 0, 4)
    for section in tables.two:
        cells = table.add_row().cells
        cells[0].merge(cells[3]).text = section.item
        head = table.add_row().cells
        head[0].text = "信息内容"
        values_from = 4 - len(section.headers)
        if values_from > 1:  # one value column: it spans the width of the template's three
            head[1].merge(head[3])
        for offset, header in enumerate(section.headers):
            head[1 + offset].text = header
        for label, values in section.rows:
            row = table.add_row().cells
            row[0].text = label
            if len(values) == 1:
                row[1].merge(row[3])
            for offset, value in enumerate(values):
                row[1 + offset].text = str(value)
    widths(table, 40)
    shrink(table)


def _table_three(doc, tables: AnnualTables) -> None:
    heading(doc, TABLE_THREE)
    table = grid(doc, 3, len(tables.columns) + 1)
    head = table.rows[0].cells
    head[0].text = THREE_NOTE
    head[1].merge(head[-1]).text = "申请人情况"
    second, third = table.rows[1].cells, table.rows[2].cells
    second[1].text = "自然人"
    second[2].merge(second[-2]).text = "法人或其他组织"
    second[-1].text = "总计"
    for cell, label in zip(third[2:-1], tables.columns[1:-1], strict=True):
        cell.text = label
    table.cell(0, 0).merge(table.cell(2, 0))
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(1, len(tables.columns)).merge(table.cell(2, len(tables.columns)))
    for row in tables.three:
        cells = table.add_row().cells
        cells[0].text = ("    " if row.level else "") + row.label
        for cell, value in zip(cells[1:], row.cells, strict=True):
            cell.text = "" if value is None else str(value)
    widths(table, 60)
    shrink(table)


def _table_four(doc, tables: AnnualTables) -> None:
    heading(doc, TABLE_FOUR)
    results = [label for _, label in RESULT_COLUMNS] + ["总计"]
    table = grid(doc, 2, len(results) * 3)
    for index, (_, label) in enumerate(CASE_GROUPS):
        first = table.cell(0, index * len(results))
        first.merge(table.cell(0, index * len(results) + len(results) - 1)).text = label
        for offset, result in enumerate(results):
            table.cell(1, index * len(results) + offset).text = result
    values = [v for _, group in tables.four_rows() for v in group]
    for cell, value in zip(table.add_row().cells, values, strict=True):
        cell.text = str(value)
    shrink(table, 9)


def report_docx(org, year: int, tables: AnnualTables) -> bytes:
    """The whole report as Word: the six parts in the template's order, the three tables in its layout."""
    first, fifth, sixth = text_parts(org, year, tables)
    doc = new_document()
    doc.core_properties.title = report_title(org, year)
    title(doc, report_title(org, year))
    paragraph(doc, "")
    _text(doc, first)
    _table_two(doc, tables)
    _table_three(doc, tables)
    _table_four(doc, tables)
    _text(doc, fifth)
    _text(doc, sixth)
    paragraph(doc, "")
    paragraph(doc, org.name, align=CENTER, indent=False)
    return to_bytes(doc)


# --- Excel ---------------------------------------------------------------------------------------------


def report_xlsx(org, year: int, tables: AnnualTables) -> bytes:
    """The three tables on one sheet (二, 三, 四 in order), the drafted text parts on a second."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "年度报告表格"
    sheet.append([report_title(org, year)])
    sheet.append([TABLE_TWO])
    for section in tables.two:
        sheet.append([section.item])
        sheet.append(["信息内容", *section.headers])
        for label, values in section.rows:
            sheet.append([label, *values])
    sheet.append([])
    sheet.append([TABLE_THREE])
    sheet.append([THREE_NOTE, *tables.columns])
    for row in tables.three:
        sheet.append(
            [("    " if row.level else "") + row.label, *("" if v is None else v for v in row.cells)]
        )
    sheet.append([])
    sheet.append([TABLE_FOUR])
    sheet.append(["", *(label for _, label in RESULT_COLUMNS), "总计"])
    for label, values in tables.four_rows():
        sheet.append([label, *values])
    sheet.column_dimensions["A"].width = 60
    for cell in sheet[1]:
        cell.font = Font(bold=True, size=14)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    text = book.create_sheet("文字部分")
    text.column_dimensions["A"].width = 100
    for part in text_parts(org, year, tables):
        text.append([part.heading])
        for line in part.paragraphs:
            text.append([line])
            text.cell(text.max_row, 1).alignment = Alignment(wrap_text=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
