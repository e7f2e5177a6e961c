"""The office's Excel layout of the dispute ledger (one spec for template, import and export)."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import STATES, Channel, DisputeType, Referral

TITLE = "矛盾纠纷调解台账"


def dispute_sheet() -> Sheet:
    """Built on each use: the types list is edited by the administrator."""
    types = tuple((t.name, t.name) for t in DisputeType.objects.filter(active=True))
    return Sheet(
        TITLE,
        (
            Column("序号", "seq", kind="int", width=6),
            Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
            Column(
                "受理日期",
                "received_on",
                kind="date",
                required=True,
                width=12,
                aliases=("登记日期", "排查日期", "受理时间", "日期"),
            ),
            Column(
                "来源渠道",
                "channel",
                kind="choice",
                required=True,
                choices=Channel.choices,
                aliases=("来源", "纠纷来源"),
            ),
            Column("外部案件编号", "external_number", help="12345、法院委派等其他系统的编号"),
            Column(
                "纠纷类型",
                "dispute_type",
                kind="choice",
                required=True,
                choices=types,
                aliases=("纠纷类别", "类别", "类型"),
            ),
            Column(
                "承办单位",
                "org",
                required=True,
                width=24,
                help="单位代码或全称",
                aliases=("责任单位", "责任单位/责任人", "调解组织", "单位"),
            ),
            Column(
                "申请人",
                "applicant",
                required=True,
                max_length=100,
                aliases=("当事人", "当事人姓名", "申请人姓名"),
            ),
            Column("申请人身份证号", "applicant_id", kind="id_number", width=22),
            Column("申请人电话", "applicant_phone", kind="phone"),
            Column("被申请人", "respondent", max_length=100),
            Column("被申请人电话", "respondent_phone", kind="phone"),
            Column(
                "纠纷简况",
                "summary",
                required=True,
                width=40,
                aliases=("矛盾纠纷简要情况", "简要情况", "纠纷情况", "基本情况"),
            ),
            Column("承办人", "handler", max_length=50, aliases=("责任人", "调解员", "承办调解员")),
            Column("涉及人数", "persons_involved", kind="int", width=8),
            Column("涉及金额", "amount_involved", kind="decimal", help="单位：元"),
            Column("状态", "status", kind="choice", choices=STATES.choices, help="不填为“已受理”"),
            due_column(),
            Column("办结日期", "concluded_on", kind="date", width=12),
            Column(
                "调解结果",
                "result",
                width=30,
                help="调解成功填协议内容；调解不成或撤回填原因",
                aliases=("化解情况", "调处结果", "处理结果"),
            ),
            Column("引导去向", "referred_to", kind="choice", choices=Referral.choices, help="调解不成时必填"),
            Column("协议金额", "amount_agreed", kind="decimal", help="单位：元"),
            Column("挽回经济损失", "amount_recovered", kind="decimal", help="单位：元"),
        ),
    )
