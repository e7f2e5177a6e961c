from fazhi.ledger.excel import Column, Sheet, due_column

from .models import STATES


def notice_sheet() -> Sheet:
    return Sheet(
        "整改事项台账",
        (
            Column("序号", "seq", kind="int", width=6),
            Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
            Column("承办单位", "org", required=True, width=24, help="单位代码或全称"),
            Column("事项名称", "title", required=True, width=36, max_length=200),
            Column("交办日期", "issued_on", kind="date", required=True, width=12),
            Column(
                "状态", "status", kind="choice", choices=STATES.choices, help="导出时填写；导入的均为“办理中”"
            ),
            due_column("办理期限"),
        ),
    )
