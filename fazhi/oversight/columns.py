"""The Excel layout of the suggestions ledger (one spec for template, import and export)."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import SuggestionKind

TITLE = "司法建议书和检察建议书台账"

SUGGESTION_SHEET = Sheet(
    TITLE,
    (
        Column("序号", "seq", kind="int", width=6),
        Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
        Column("建议类别", "kind", kind="choice", required=True, choices=SuggestionKind.choices),
        Column("承办单位", "org", required=True, width=24, help="单位代码或全称"),
        Column("发出机关", "issuer", required=True, width=24, max_length=100),
        Column("建议书文号", "letter_number", width=20, max_length=80),
        Column("收到日期", "received_on", kind="date", required=True, width=12),
        Column("建议内容", "content", required=True, width=36),
        Column("建议书载明的回复期限", "letter_reply_due", kind="date", width=14,
               help="司法建议书以此为准；检察建议书载明的期限早于收到之日起2个月的，以建议书为准"),
        due_column("回复期限"),
        Column("回复日期", "replied_on", kind="date", width=12),
        Column("回复（整改）情况", "reply_text", width=36),
    ),
)  # fmt: skip
