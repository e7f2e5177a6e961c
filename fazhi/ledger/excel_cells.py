"""One cell's value, both ways: what a user typed → the Python value, and the Python value → the cell."""

import datetime
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.datetime import from_excel

from fazhi.ledger.excel_spec import Column, fold
from fazhi.ledger.personal import clean_id_number, clean_phone

_SPACES = " \t\r\n\u3000\xa0"
_CENT = Decimal("0.01")
# Beyond this a float no longer holds cents exactly; no ledger amount comes near it.
_DECIMAL_LIMIT = Decimal(10) ** 13
_INT_RE = re.compile(r"[+-]?\d+(?:\.0*)?")
_DECIMAL_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_MONEY_NOISE_RE = re.compile(r"[,元¥￥]|人民币|RMB", re.IGNORECASE)
_DATE_PATTERNS = (
    re.compile(
        r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    ),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_BOOLS = {
    "是": True,
    "否": False,
    "y": True,
    "n": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
    "true": True,
    "false": False,
}
# Excel keeps 15 significant digits: an 18-digit ID number typed into a number cell has lost its tail.
_EXCEL_DIGITS = 15
_FIRST_SERIAL = 7306  # 1920-01-01
_LAST_SERIAL = 73051  # 2100-01-01


class CellProblem(Exception):
    """A cell's content cannot be used; the message says why and how to fix it (Chinese)."""


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(_SPACES))


def shown(value) -> str:
    """The value as quoted back to the user in an error message."""
    text = as_text(value)
    return text if len(text) <= 30 else text[:30] + "…"


def as_text(value) -> str:
    if isinstance(value, str):
        return value.strip(_SPACES)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


# --- reading -----------------------------------------------------------------------------------


def _text(column: Column, value) -> str:
    text = as_text(value)
    if column.max_length is not None and len(text) > column.max_length:
        raise CellProblem(
            f"内容过长：最多 {column.max_length} 个字，现在有 {len(text)} 个字；请删减后重新填写"
        )
    return text


def _not_negative(column: Column, number, value):
    if number < 0 and not column.negative:
        raise CellProblem(f"不能为负数；现在是「{shown(value)}」，请填写0或正数")
    return number


def _int(column: Column, value) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return _not_negative(column, value, value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return _not_negative(column, int(value), value)
    if isinstance(value, str):
        text = fold(value).replace(",", "")
        if _INT_RE.fullmatch(text):
            return _not_negative(column, int(text.split(".")[0]), value)
    raise CellProblem(f"应填写整数（如 12），不能带小数或文字；现在是「{shown(value)}」")


def _decimal(column: Column, value) -> Decimal:
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        # A sum computed in Excel carries binary noise (0.30000000000000004); cents are what was meant.
        rounded = round(value, 2)
        number = (
            Decimal(repr(rounded)) if abs(value - rounded) <= 1e-9 * max(1.0, abs(value)) else Decimal(value)
        )
    elif isinstance(value, str):
        text = _MONEY_NOISE_RE.sub("", fold(value))
        if _DECIMAL_RE.fullmatch(text):
            number = Decimal(text)
    if number is None:
        raise CellProblem(f"应填写数字（如 1234.50，可带“元”和千分位逗号）；现在是「{shown(value)}」")
    if abs(number) >= _DECIMAL_LIMIT:
        raise CellProblem(f"数值过大：「{shown(value)}」；请核对单位和位数")
    try:
        cents = number.quantize(_CENT)
    except InvalidOperation:
        cents = None
    if cents is None or cents != number:
        raise CellProblem(f"最多保留两位小数；现在是「{shown(value)}」，请四舍五入到分后重新填写")
    return _not_negative(column, cents, value)


def _date(column: Column, value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    found = None
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        found = _date_from_number(value)
    elif isinstance(value, str):
        found = _date_from_text(unicodedata.normalize("NFKC", value).strip())
    if found is None:
        raise CellProblem(f"无法识别的日期「{shown(value)}」；请填写如 2024-03-05 的日期")
    year, month, day = found
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise CellProblem(f"日期「{shown(value)}」不存在（月份或日期超出范围）；请核对后重新填写") from None
    if not 1900 <= date.year <= 2100:
        raise CellProblem(f"日期「{shown(value)}」的年份不合理；请填写四位年份，如 2024-03-05")
    return date


def _date_from_number(value: float) -> tuple[int, int, int] | None:
    if value == int(value) and 19000101 <= value <= 21001231:
        number = int(value)
        return number // 10000, number // 100 % 100, number % 100
    # A date cell without date formatting arrives as its serial number. Small numbers (a typed "5")
    # would be days of 1900 and are far more likely a mistake than a date.
    if _FIRST_SERIAL <= value < _LAST_SERIAL:
        moment = from_excel(math.floor(value))
        return moment.year, moment.month, moment.day
    return None


def _date_from_text(text: str) -> tuple[int, int, int] | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return int(match[1]), int(match[2]), int(match[3])
    return None


def _choice(column: Column, value):
    code = column.code_lookup.get(fold(as_text(value)))
    if code is None:
        raise CellProblem(f"「{shown(value)}」不是可选的值；请从下拉列表中选择：{_listing(column.labels)}")
    return code


def _listing(labels: tuple[str, ...]) -> str:
    if len(labels) <= 20:
        return "、".join(labels)
    return "、".join(labels[:20]) + f" 等 {len(labels)} 项（完整列表见「填写说明」工作表）"


def _bool(column: Column, value) -> bool:
    if isinstance(value, bool):
        return value
    found = _BOOLS.get(fold(as_text(value)).lower())
    if found is None:
        raise CellProblem(f"应填写“是”或“否”；现在是「{shown(value)}」")
    return found


def _id_number(column: Column, value) -> str:
    if isinstance(value, float) and abs(value) >= 10**_EXCEL_DIGITS:
        raise CellProblem(
            "身份证号码被 Excel 当成数字保存，后几位已经丢失；请把该列设为“文本”格式后重新输入号码"
        )
    return _cleaned(clean_id_number, as_text(value))


def _phone(column: Column, value) -> str:
    return _cleaned(clean_phone, as_text(value))


def _cleaned(clean, text: str) -> str:
    try:
        return clean(text)
    except ValidationError as exc:
        raise CellProblem(exc.messages[0]) from None


READERS = {
    "text": _text,
    "int": _int,
    "decimal": _decimal,
    "date": _date,
    "choice": _choice,
    "bool": _bool,
    "id_number": _id_number,
    "phone": _phone,
}


def read_cell(column: Column, value):
    """The Python value of a non-empty cell; raises CellProblem."""
    return READERS[column.kind](column, value)


# --- writing -----------------------------------------------------------------------------------


def cell_value(column: Column, value):
    """What goes into the cell for a row's value (export): labels for codes, 是/否, real dates."""
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == "choice":
        return column.label_for(value) or clean_text(str(value))
    if kind == "bool":
        if isinstance(value, bool):
            return "是" if value else "否"
        return clean_text(str(value))
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return clean_text(str(value))
    if (
        kind in ("int", "decimal")
        and isinstance(value, int | float | Decimal)
        and not isinstance(value, bool)
    ):
        return value
    return clean_text(value if isinstance(value, str) else as_text(value))


def clean_text(text: str) -> str:
    """Control characters make the file unreadable to Excel; they carry nothing a user meant."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)
