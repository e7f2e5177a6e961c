"""The office's Excel layout of the legality review ledger (one spec for template, import and export)."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import STATES, ReviewKind, ReviewOpinion

TITLE = "合法性审查台账"


def review_sheet() -> Sheet:
    return Sheet(
        TITLE,
        (
            Column("序号", "seq", kind="int", width=6),
            Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
            Column("审查事项类别", "kind", kind="choice", required=True, choices=ReviewKind.choices),
            Column("事项名称", "title", required=True, width=36, max_length=200),
            Column("送审单位", "submitted_by", required=True, width=24, help="单位代码或全称"),
            Column("送审日期", "submitted_on", kind="date", required=True, width=12),
            Column("合同相对方", "counterparty", width=28, max_length=200, help="合同必填"),
            Column("合同金额", "amount", kind="decimal", help="单位：元；合同必填"),
            Column("审查单位", "reviewer_org", width=24, help="单位代码或全称；已提交以外的状态必填"),
            Column("状态", "status", kind="choice", choices=STATES.choices, help="不填为“已提交”"),
            due_column("审查期限"),
            Column(
                "审查意见", "opinion", kind="choice", choices=ReviewOpinion.choices, help="已出具意见时必填"
            ),
            Column("出具意见日期", "concluded_on", kind="date", width=12),
            Column("意见内容", "opinion_text", width=40),
            Column("出具法律意见书", "letter_issued", kind="bool", help="是/否"),
            Column("备案日期", "filed_on", kind="date", width=12, help="达到备案标准的合同备案后填写"),
        ),
    )
