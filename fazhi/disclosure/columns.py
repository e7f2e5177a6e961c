"""The Excel layout of the disclosure ledger (one spec for template, import and export): last year's
requests can be imported with their replies, so table 三 of this year starts from the right 上年结转."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import ApplicantKind, Channel, Outcome

TITLE = "政府信息公开申请台账"


def request_sheet() -> Sheet:
    return Sheet(
        TITLE,
        (
            Column("序号", "seq", kind="int", width=6),
            Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
            Column("办理单位", "org", required=True, width=24, help="单位代码或全称"),
            Column("申请方式", "channel", kind="choice", required=True, choices=Channel.choices),
            Column("申请提交日期", "submitted_on", kind="date", required=True, width=12),
            Column(
                "收到申请日期",
                "received_on",
                kind="date",
                required=True,
                width=12,
                help="按条例第三十一条确定",
            ),
            Column(
                "申请人类别", "applicant_kind", kind="choice", required=True, choices=ApplicantKind.choices
            ),
            Column("申请人", "applicant", required=True, max_length=100),
            Column("申请人证件号码", "applicant_id", kind="id_number", width=22),
            Column("申请人电话", "applicant_phone", kind="phone"),
            Column("申请公开的政府信息", "content", required=True, width=40),
            due_column("答复期限"),
            Column("答复日期", "replied_on", kind="date", width=12, help="未答复的留空"),
            Column(
                "办理结果", "outcome", kind="choice", choices=Outcome.choices, width=30, help="已答复的必填"
            ),
            Column("答复内容", "reply_summary", width=30),
        ),
    )
