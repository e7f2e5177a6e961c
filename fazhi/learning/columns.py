"""The office's Excel layout of the legal-service activity list (one spec for template, import and export)."""

from fazhi.ledger.excel import Column, Sheet

from .models import ClientKind, ServiceKind

TITLE = "公共法律服务台账"


def service_sheet() -> Sheet:
    return Sheet(
        TITLE,
        (
            Column("序号", "seq", kind="int", width=6),
            Column(
                "日期", "served_on", kind="date", required=True, width=12, help="按周或按月汇总的，填期末日期"
            ),
            Column("服务类别", "kind", kind="choice", required=True, choices=ServiceKind.choices, width=18),
            Column(
                "数量",
                "count",
                kind="int",
                required=True,
                width=8,
                help="咨询为次，体检为家，讲座为场，文书为份，宣传为篇",
            ),
            Column("驿站或法律顾问室", "org", required=True, width=24, help="单位代码或全称"),
            Column("服务对象", "client_kind", kind="choice", choices=ClientKind.choices),
            Column("律师或法律顾问", "lawyer", max_length=100),
            Column("事项摘要", "summary", width=40, max_length=300),
        ),
    )
