"""The Excel layout of the oversight items (one spec for template, import and export): the common columns,
then one column per kind-specific field (KIND_FIELDS), made from the model field so that a kind's fields are
declared once — each column's note says which kinds fill it and which of them must."""

from django.db import models

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import KIND_FIELDS, KIND_REQUIRED, KIND_SPECIFIC, Suggestion, SuggestionKind

TITLE = "监督事项台账"

# A field's cell type where the model field's own type does not say it.
CELL_KINDS = {"proposer_phone": "phone"}


def _kinds(name: str, table: dict) -> str:
    return "、".join(str(label) for kind, label in SuggestionKind.choices if name in table.get(kind, ()))


def kind_column(name: str) -> Column:
    field = Suggestion._meta.get_field(name)
    if name in CELL_KINDS:
        kind = CELL_KINDS[name]
    elif field.choices:
        kind = "choice"
    elif isinstance(field, models.BooleanField):
        kind = "bool"
    elif isinstance(field, models.IntegerField):
        kind = "int"
    else:
        kind = "text"
    note = f"仅{_kinds(name, KIND_FIELDS)}填写，其他类别留空"
    if required := _kinds(name, KIND_REQUIRED):
        note += f"；{required}必填"
    return Column(
        str(field.verbose_name),
        name,
        kind=kind,
        choices=tuple(field.choices or ()),
        width=16,
        help=note,
        max_length=field.max_length if kind == "text" else None,
    )


SUGGESTION_SHEET = Sheet(
    TITLE,
    (
        Column("序号", "seq", kind="int", width=6),
        Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
        Column("类别", "kind", kind="choice", required=True, choices=SuggestionKind.choices),
        Column("承办单位", "org", required=True, width=24, help="单位代码或全称"),
        Column("发出（交办）机关", "issuer", required=True, width=24, max_length=100),
        Column("文号", "letter_number", width=20, max_length=80),
        Column("收到（交办）日期", "received_on", kind="date", required=True, width=12),
        Column("建议内容", "content", required=True, width=36),
        Column("来文载明的回复期限", "letter_reply_due", kind="date", width=14,
               help="司法建议书、督办、审计、督察事项以此为准；检察建议书、人大代表建议、政协提案载明的期限早于法定期限的，"
                    "以来文为准"),
        due_column("回复期限"),
        Column("回复日期", "replied_on", kind="date", width=12),
        Column("回复（整改）情况", "reply_text", width=36),
        *(kind_column(name) for name in KIND_SPECIFIC),
    ),
)  # fmt: skip
