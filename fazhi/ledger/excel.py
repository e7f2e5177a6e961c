"""The Excel engine every ledger uses: one column spec per ledger serves template, import and export.

A ledger declares its layout once, in its ``columns.py``::

    SHEET = Sheet("纠纷调解台账", (
        Column("当事人姓名", "party_name", required=True, max_length=50),
        Column("纠纷类型", "category", kind="choice", required=True, choices=Category.choices),
        Column("受理日期", "accepted_on", kind="date", required=True),
        Column("涉及金额（元）", "amount", kind="decimal"),
        Column("身份证号码", "id_number", kind="id_number"),
    ))

and then ``template(SHEET)`` for the download, ``export(SHEET, rows)`` for the records (values already
masked by the caller where the person may not see them) and ``parse(SHEET, upload)`` for an import,
which returns every row converted (plus ``"_row"``, the Excel row number) and every problem found.
"""

from fazhi.ledger.excel_read import MAX_ROWS, CellError, ParseResult, parse
from fazhi.ledger.excel_spec import KINDS, Column, Sheet, due_column
from fazhi.ledger.excel_write import export, template

__all__ = [
    "KINDS",
    "MAX_ROWS",
    "CellError",
    "Column",
    "ParseResult",
    "Sheet",
    "due_column",
    "export",
    "parse",
    "template",
]
