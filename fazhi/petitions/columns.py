"""The Excel layout of citizen demands (one spec for template, import and export). A platform's export
(12345 / 民意速办, 网民问政, 基层治理平台) is pasted into it; the 工单编号 identifies a demand, so a file
imported twice creates its demands once."""

from fazhi.ledger.excel import Column, Sheet

from .models import DEMAND_STATES, Channel

DEMAND_SHEET = Sheet(
    "民意诉求台账",
    (
        Column("序号", "seq", kind="int", width=6),
        Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统编号"),
        Column("来源渠道", "channel", kind="choice", required=True, choices=Channel.choices),
        Column("平台工单编号", "external_number", required=True, width=20, max_length=60,
               help="同一渠道同一工单编号只导入一次；再次导入时跳过"),
        Column("受理日期", "received_on", kind="date", required=True, width=12),
        Column("承办单位", "org", required=True, width=24, help="单位代码或全称"),
        Column("诉求类别", "category", max_length=40),
        Column("诉求内容", "content", required=True, width=40),
        Column("办理时限", "due_date", kind="date", width=12, help="平台规定的办理时限，可不填"),
        Column("状态", "status", kind="choice", choices=DEMAND_STATES.choices, help="不填为“待办理”"),
        Column("办结日期", "handled_on", kind="date", width=12),
        Column("办理情况", "reply", width=30),
        Column("是否解决", "resolved", kind="bool"),
        Column("是否满意", "satisfied", kind="bool", help="未评价的不填"),
    ),
)  # fmt: skip
