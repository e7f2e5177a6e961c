"""The Excel layout of the disclosure ledger (one spec for template, import and export): last year's
requests can be imported with their replies, so table 三 of this year starts from the right 上年结转."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import ApplicantKind, Channel, Outcome, PostingKind, Venue

TITLE = "政府信息公开申请台账"
POSTINGS_TITLE = "主动公开信息登记"


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


def posting_sheet() -> Sheet:
    """The 主动公开 log as offices keep it beside their portal: one row a piece of information; a row with a
    公开日期 is already out, one without runs its 20 工作日 from the 形成日期."""
    return Sheet(
        POSTINGS_TITLE,
        (
            Column("序号", "seq", kind="int", width=6),
            Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
            Column("公开单位", "org", required=True, width=24, help="单位代码或全称（街道办事处或党政办）"),
            Column("公开类别", "kind", kind="choice", required=True, choices=PostingKind.choices, width=16),
            Column("信息名称", "title", required=True, max_length=200, width=40),
            Column("文号", "document_number", max_length=100, width=20),
            Column(
                "公开载体", "venue", kind="choice", choices=Venue.choices, width=14, help="不填为政府门户网站"
            ),
            Column(
                "信息形成（变更）日期",
                "formed_on",
                kind="date",
                required=True,
                width=14,
                help="规范性文件为印发日期，许可、处罚、强制为决定日期",
            ),
            Column("公开日期", "published_on", kind="date", width=12, help="尚未公开的留空"),
            Column(
                "处理决定数量",
                "decisions",
                kind="int",
                width=10,
                help="行政许可、处罚、强制决定必填，至少1件",
            ),
            Column(
                "收费金额（万元）",
                "fee_amount",
                kind="decimal",
                width=14,
                help="行政事业性收费必填，没有收费的填0",
            ),
            Column("链接或位置", "link", max_length=300, width=30),
            Column("废止日期", "repealed_on", kind="date", width=12, help="规章、规范性文件已废止的填写"),
            due_column("公开期限"),
        ),
    )
