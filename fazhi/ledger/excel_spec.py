"""The column spec of a ledger's Excel layout: declared once, used by template, export and parse."""

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

KINDS = ("text", "int", "decimal", "date", "choice", "bool", "id_number", "phone")

# What the user is told to type, in the instructions sheet and the header comments.
KIND_HINTS = {
    "text": "文字",
    "int": "整数，如 12",
    "decimal": "数字，最多两位小数，如 1234.50（可带“元”和千分位逗号）",
    "date": "日期，如 2024-03-05（也可写 2024/3/5、2024年3月5日）",
    "choice": "从下拉列表中选择",
    "bool": "是 或 否",
    "id_number": "18位居民身份证号码，最后一位可为X；请把单元格设为文本格式",
    "phone": "手机号（11位）或带区号的座机号，如 0571-88888888",
}

BOOL_LABELS = ("是", "否")

# Characters Excel refuses in sheet names.
_BAD_TITLE_CHARS = set("[]:*?/\\")


def fold(text: str) -> str:
    """The spelling two ways of typing one token share: full-width folded, spaces removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())


def header_key(text: str) -> str:
    """Header text as matched: spaces anywhere and a trailing required-mark (*) do not count."""
    return fold(text).rstrip("*")


@dataclass(frozen=True)
class Column:
    """One column of a ledger sheet; ``choices`` are (code, label) pairs, e.g. a model's ``Kind.choices``."""

    header: str
    key: str
    kind: str = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    width: int = 14
    help: str = ""
    max_length: int | None = None
    # A ledger's numbers are amounts in 元 and counts of people or items: never below zero unless a column says.
    negative: bool = False
    # What offices' own sheets call this column (e.g. "矛盾纠纷简要情况" for 纠纷简况): suggested first when
    # an office's sheet is mapped onto the import (fazhi.ledger.excel_mapping).
    aliases: tuple[str, ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"列「{self.header}」的类型 {self.kind!r} 未知，应为 {', '.join(KINDS)} 之一")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"选择列「{self.header}」必须给出 choices")
        if self.kind != "choice" and self.choices:
            raise ValueError(f"列「{self.header}」不是 choice 类型，不能给出 choices")
        if not header_key(self.header):
            raise ValueError("列标题不能为空")
        if not self.key or self.key.startswith("_"):
            raise ValueError(
                f"列「{self.header}」的 key {self.key!r} 不能为空或以下划线开头（_row 为行号保留）"
            )
        # Django's choices come as a list with lazy labels; codes keep their type (IntegerChoices give int).
        object.__setattr__(self, "choices", tuple((code, str(label)) for code, label in self.choices))

    @property
    def labels(self) -> tuple[str, ...]:
        """What the drop-down list offers."""
        if self.kind == "bool":
            return BOOL_LABELS
        return tuple(label for _, label in self.choices)

    @property
    def empty(self):
        """What an empty cell becomes: "" where Django keeps blank text, None where it keeps no value."""
        if self.kind in ("text", "id_number", "phone"):
            return ""
        if self.kind == "choice" and all(isinstance(code, str) for code, _ in self.choices):
            return ""
        return None

    @cached_property
    def _label_of_code(self) -> dict[str, str]:
        return {str(code): label for code, label in self.choices}

    @cached_property
    def code_lookup(self) -> dict:
        """Folded label or code → code; labels win where a label spells another choice's code."""
        lookup = {fold(str(code)): code for code, _ in self.choices}
        lookup.update({fold(label): code for code, label in self.choices})
        return lookup

    def label_for(self, code) -> str | None:
        return self._label_of_code.get(str(code))


def due_column(header: str = "办理期限") -> Column:
    """The computed due date in an export, 「暂定」 where it is; an import ignores it (the system computes it)."""
    return Column(
        header,
        "due",
        width=18,
        help="导出时填写：系统按法定期限计算，标“暂定”的跨入尚未录入节假日安排的年份；导入时忽略",
    )


@dataclass(frozen=True)
class Sheet:
    """A ledger's sheet: its title (also the worksheet name) and columns; headers sit on ``header_row``."""

    title: str
    columns: tuple[Column, ...]
    header_row: int = 1
    _by_key: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if not self.title or len(self.title) > 31 or _BAD_TITLE_CHARS & set(self.title):
            raise ValueError(f"工作表名称 {self.title!r} 无效：1至31个字符，不能含 [ ] : * ? / \\")
        if self.header_row < 1:
            raise ValueError("header_row 从 1 开始")
        columns = tuple(self.columns)
        if not columns:
            raise ValueError(f"工作表「{self.title}」没有列")
        object.__setattr__(self, "columns", columns)
        keys = [c.key for c in columns]
        headers = [header_key(c.header) for c in columns]
        for name, values in (("key", keys), ("列标题", headers)):
            duplicates = sorted({v for v in values if values.count(v) > 1})
            if duplicates:
                raise ValueError(f"工作表「{self.title}」的{name}重复：{', '.join(duplicates)}")
        object.__setattr__(self, "_by_key", {c.key: c for c in columns})

    def column(self, key: str) -> Column:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"工作表「{self.title}」没有 key 为 {key!r} 的列") from None
