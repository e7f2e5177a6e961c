"""Tables 三 and 四 of the 政府信息公开工作年度报告 (the national template, 国办公开办函〔2021〕30号),
counted from the ledger for a set of units and a period. The figures (figures.py) read the same counts,
so a cell of the table and its figure code are one number.

Counting rule for table 三 (rows and columns add up, and years chain):
- 新收: requests received (收到申请日期) in the period;
- 上年结转: received before the period and not replied to before it;
- 办理结果: requests replied to (答复日期) in the period, by outcome — new and carried-in alike;
- 结转下年度: received by the period's end and not replied to by then.
So 上年结转 + 新收 = 总计 + 结转下年度, and a year's 结转下年度 is the next year's 上年结转.

Table 四 counts the 行政复议 and 行政诉讼 cases linked to the units' requests whose copy was received in
the period: 维持, 纠正 (纠错 or 败诉), 其他结果, 尚未审结 (not concluded by the period's end); a suit on a
request that was also taken to reconsideration counts as 复议后起诉.
"""

import datetime
import io
from dataclasses import dataclass

from django.db.models import Count, Q

from fazhi.dates import today
from fazhi.errors import FazhiError
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import OUTCOME_GROUPS, ApplicantKind, DisclosureRequest, Outcome, outcome_group

COLUMNS = tuple(ApplicantKind.values)
COLUMN_LABELS = dict(ApplicantKind.choices)


def _requests(orgs):
    return DisclosureRequest.objects.filter(org__in=orgs)


def received_q(start, end) -> Q:
    return Q(received_on__gte=start, received_on__lte=end)


def carried_in_q(start) -> Q:
    return Q(received_on__lt=start) & (Q(replied_on__isnull=True) | Q(replied_on__gte=start))


def replied_q(start, end) -> Q:
    return Q(replied_on__gte=start, replied_on__lte=end)


def carried_over_q(end) -> Q:
    return Q(received_on__lte=end) & (Q(replied_on__isnull=True) | Q(replied_on__gt=end))


def by_kind(queryset) -> dict[str, int]:
    counts = dict.fromkeys(COLUMNS, 0)
    for kind, n in queryset.values_list("applicant_kind").annotate(n=Count("pk")).order_by():
        counts[kind] = n
    return counts


def by_outcome_and_kind(orgs, start, end) -> dict[tuple[str, str], int]:
    rows = (
        _requests(orgs)
        .filter(replied_q(start, end))
        .values_list("outcome", "applicant_kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(outcome, kind): n for outcome, kind, n in rows}


@dataclass
class Row:
    key: str
    label: str
    cells: list[int | None]  # one per column, then the total; None where the template has no number
    level: int = 0  # 0 a numbered row, 1 an item under a group

    @property
    def total(self):
        return self.cells[-1]


def _row(key, label, counts: dict[str, int], level=0) -> Row:
    values = [counts.get(k, 0) for k in COLUMNS]
    return Row(key, label, [*values, sum(values)], level)


def table_three(orgs, start, end) -> list[Row]:
    requests = _requests(orgs)
    replies = by_outcome_and_kind(orgs, start, end)
    rows = [
        _row(
            "received", "一、本年新收政府信息公开申请数量", by_kind(requests.filter(received_q(start, end)))
        ),
        _row("carried_in", "二、上年结转政府信息公开申请数量", by_kind(requests.filter(carried_in_q(start)))),
        Row("results", "三、本年度办理结果", [None] * (len(COLUMNS) + 1)),
    ]
    numerals = "一二三四五六七"
    for index, (group, label) in enumerate(OUTCOME_GROUPS):
        members = [o for o in Outcome if outcome_group(o.value) == group]
        heading = f"（{numerals[index]}）{label}"
        if group == "partial":
            heading += "（区分处理的，只计这一情形，不计其他情形）"
        if len(members) == 1:
            rows.append(_row(group, heading, {k: replies.get((group, k), 0) for k in COLUMNS}))
            continue
        rows.append(Row(group, heading, [None] * (len(COLUMNS) + 1)))
        for number, outcome in enumerate(members, start=1):
            item = outcome.label.split("：", 1)[1]
            counts = {k: replies.get((outcome.value, k), 0) for k in COLUMNS}
            rows.append(_row(outcome.value, f"{number}.{item}", counts, level=1))
    totals = {k: sum(n for (_, kind), n in replies.items() if kind == k) for k in COLUMNS}
    rows.append(_row("total", "（七）总计", totals))
    rows.append(_row("carried_over", "四、结转下年度继续办理", by_kind(requests.filter(carried_over_q(end)))))
    return rows


# --- table 四 ----------------------------------------------------------------------------------------

RESULT_COLUMNS = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
CASE_GROUPS = (
    ("reconsideration", "行政复议"),
    ("direct", "行政诉讼：未经复议直接起诉"),
    ("after_reconsideration", "行政诉讼：复议后起诉"),
)
# The litigation ledger's outcome codes, as they count in table 四.
UPHELD = {"upheld"}
CORRECTED = {"corrected", "lost"}


def case_result(case, end) -> str:
    if case.status != "concluded" or not case.concluded_on or case.concluded_on > end:
        return "pending"
    if case.outcome in UPHELD:
        return "upheld"
    if case.outcome in CORRECTED:
        return "corrected"
    return "other"


def table_four(orgs, start, end) -> dict[str, dict[str, int]]:
    """{group: {result: count, "total": count}} over the CASE_GROUPS and RESULT_COLUMNS."""
    Case = DisclosureRequest.cases.field.related_model
    requests = _requests(orgs)
    cases = (
        Case.objects.filter(
            disclosure_requests__in=requests, copy_received_on__gte=start, copy_received_on__lte=end
        )
        .distinct()
        .prefetch_related("disclosure_requests")
    )
    table = {group: dict.fromkeys([*(k for k, _ in RESULT_COLUMNS), "total"], 0) for group, _ in CASE_GROUPS}
    reconsidered = set(requests.filter(cases__kind="reconsideration").values_list("pk", flat=True))
    for case in cases:
        if case.kind == "reconsideration":
            group = "reconsideration"
        elif any(r.pk in reconsidered for r in case.disclosure_requests.all()):
            group = "after_reconsideration"
        else:
            group = "direct"
        table[group][case_result(case, end)] += 1
        table[group]["total"] += 1
    return table


# --- for a unit and year ---------------------------------------------------------------------------


@dataclass
class AnnualTables:
    three: list[Row]
    four: dict
    columns: list[str]
    result_columns: tuple = RESULT_COLUMNS
    case_groups: tuple = CASE_GROUPS

    @property
    def adds_up(self) -> bool:
        rows = {row.key: row for row in self.three}
        for i in range(len(COLUMNS) + 1):
            if rows["carried_in"].cells[i] + rows["received"].cells[i] != (
                rows["total"].cells[i] + rows["carried_over"].cells[i]
            ):
                return False
        return True

    def four_rows(self) -> list[tuple[str, list[int]]]:
        return [
            (label, [self.four[group][k] for k, _ in RESULT_COLUMNS] + [self.four[group]["total"]])
            for group, label in CASE_GROUPS
        ]


def subtree(org: Organisation):
    return Organisation.objects.subtree_of([org])


def annual_tables(org: Organisation, year: int) -> AnnualTables:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    orgs = subtree(org)
    return AnnualTables(
        table_three(orgs, start, end),
        table_four(orgs, start, end),
        [COLUMN_LABELS[k] for k in COLUMNS] + ["总计"],
    )


def scope_for(user, params) -> tuple[Organisation, int]:
    """The unit (by code, among the person's; default the first 街道 they see) and year (default last year)."""
    orgs = visible_orgs(user)
    code = (params.get("org") or "").strip()
    if code:
        org = orgs.filter(code=code).first()
        if org is None:
            raise FazhiError(f"没有找到代码为“{code}”的单位，或您无权查看。", fields={"org": "请选择单位"})
    else:
        org = orgs.filter(kind="street").order_by("path").first() or orgs.order_by("path").first()
        if org is None:
            raise FazhiError("您没有可以查看的单位。", code="permission_denied")
    raw = (params.get("year") or "").strip()
    if not raw:
        return org, today().year - 1
    if not raw.isdigit() or not 2000 <= int(raw) <= today().year:
        raise FazhiError(f"年度“{raw}”无效，请填写2000年至今年之间的年份。", fields={"year": "年度无效"})
    return org, int(raw)


def tables_xlsx(org: Organisation, year: int, tables: AnnualTables) -> bytes:
    """The two tables as the yearly report's Excel annex."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "收到和处理政府信息公开申请情况"
    sheet.append([f"{org.name}{year}年政府信息公开工作年度报告"])
    sheet.append(["三、收到和处理政府信息公开申请情况"])
    sheet.append(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *tables.columns])
    for row in tables.three:
        sheet.append(
            [("    " if row.level else "") + row.label, *("" if v is None else v for v in row.cells)]
        )
    sheet.append([])
    sheet.append(["四、政府信息公开行政复议、行政诉讼情况"])
    sheet.append(["", *(label for _, label in RESULT_COLUMNS), "总计"])
    for label, values in tables.four_rows():
        sheet.append([label, *values])
    sheet.column_dimensions["A"].width = 60
    for cell in sheet[1]:
        cell.font = Font(bold=True, size=14)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def tables_docx(org: Organisation, year: int, tables: AnnualTables) -> bytes:
    """Tables 三 and 四 in the layout of the national template, as Word (A4, 仿宋), for the yearly
    report; the text sections (一 总体情况, 二 主动公开, 五 问题, 六 其他) are the office's own."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    doc.styles["Normal"].font.name = "仿宋"
    doc.styles["Normal"].font.size = Pt(10.5)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(f"{org.name}{year}年政府信息公开工作年度报告（依申请公开部分）")
    run.bold, run.font.size = True, Pt(16)

    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    grid = doc.add_table(rows=3, cols=len(tables.columns) + 1)
    grid.style = "Table Grid"
    head = grid.rows[0].cells
    head[0].text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    head[1].merge(head[-1]).text = "申请人情况"
    second, third = grid.rows[1].cells, grid.rows[2].cells
    second[1].text, third[1].text = "自然人", ""
    second[2].merge(second[-2]).text = "法人或其他组织"
    second[-1].text = "总计"
    for cell, label in zip(third[2:-1], tables.columns[1:-1], strict=True):
        cell.text = label
    grid.cell(0, 0).merge(grid.cell(2, 0))
    grid.cell(1, 1).merge(grid.cell(2, 1))
    grid.cell(1, len(tables.columns)).merge(grid.cell(2, len(tables.columns)))
    for row in tables.three:
        cells = grid.add_row().cells
        cells[0].text = ("    " if row.level else "") + row.label
        for cell, value in zip(cells[1:], row.cells, strict=True):
            cell.text = "" if value is None else str(value)

    doc.add_paragraph("")
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    results = [label for _, label in RESULT_COLUMNS] + ["总计"]
    four = doc.add_table(rows=2, cols=len(results) * 3)
    four.style = "Table Grid"
    for index, (_, label) in enumerate(CASE_GROUPS):
        first = four.cell(0, index * len(results))
        first.merge(four.cell(0, index * len(results) + len(results) - 1)).text = label
        for offset, result in enumerate(results):
            four.cell(1, index * len(results) + offset).text = result
    values = [v for _, group in tables.four_rows() for v in group]
    for cell, value in zip(four.add_row().cells, values, strict=True):
        cell.text = str(value)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
