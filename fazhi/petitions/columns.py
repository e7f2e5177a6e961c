"""The Excel layout of citizen demands (one spec for template, import and export). A platform's export
(12345 / 民意速办, 网民问政, 基层治理平台) is pasted into it; the 工单编号 identifies a demand, so a file
imported twice creates its demands once."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import ACCEPTED, ANSWERED, DEMAND_STATES, NOT_ACCEPTED, RECEIVED, STATES, Channel, Form, Result

DEMAND_SHEET = Sheet(
    "民意诉求台账",
    (
        Column("序号", "seq", kind="int", width=6),
        Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统编号"),
        Column("来源渠道", "channel", kind="choice", required=True, choices=Channel.choices),
        Column("平台工单编号", "external_number", required=True, width=20, max_length=60,
               help="同一渠道同一工单编号只登记一次；再次导入时按本行更新该工单"),
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


# The office's 信访台账: one row a petition, its first petitioner and where it stands. An import takes
# petitions received, accepted or answered (the stages after the opinion are recorded on the pages).
IMPORTABLE_STATES = ((RECEIVED, STATES.labels[RECEIVED]), (ACCEPTED, STATES.labels[ACCEPTED]),
                     (NOT_ACCEPTED, STATES.labels[NOT_ACCEPTED]), (ANSWERED, STATES.labels[ANSWERED]))  # fmt: skip

PETITION_SHEET = Sheet(
    "信访事项台账",
    (
        Column("序号", "seq", kind="int", width=6),
        Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统编号"),
        Column("收到日期", "received_on", kind="date", required=True, width=12),
        Column("信访形式", "form", kind="choice", required=True, choices=Form.choices),
        Column("转送、交办机关", "transferred_from", max_length=100, help="直接提出的不填"),
        Column("承办单位", "org", required=True, width=24, help="单位代码或全称"),
        Column("姓名住址不清", "identity_unclear", kind="bool",
               help="信访人姓名（名称）、住址不清，无法书面告知的填“是”；转送、交办的不适用"),
        Column("信访人", "name", required=True, max_length=100),
        Column("信访人身份证号", "id_number", kind="id_number", width=22),
        Column("信访人电话", "phone", kind="phone"),
        Column("来访人数", "persons", kind="int", width=8, help="不填为1人"),
        Column("领导接访日", "leader_reception", kind="bool"),
        Column("接访领导", "receiving_leader", max_length=50, help="领导接访日接待的必填"),
        Column("信访事项", "matter", required=True, width=40),
        Column("问题类别", "category", max_length=40),
        Column("状态", "status", kind="choice", choices=IMPORTABLE_STATES, help="不填为“待受理”；复查、复核请在页面登记"),
        Column("告知日期", "decided_on", kind="date", width=12, help="受理、不予受理的书面告知日期"),
        Column("不予受理理由", "decision_note", width=30),
        due_column("当前期限"),
        Column("出具处理意见书日期", "opinion_on", kind="date", width=12),
        Column("处理意见", "opinion_result", kind="choice", choices=Result.choices),
        Column("处理意见书要点", "opinion_text", width=30),
    ),
)  # fmt: skip
