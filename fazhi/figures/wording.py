"""Year-on-year change written the way the published reports write it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")

# style → (word for a rise, word for a fall)
STYLES = {
    "同比": ("同比上升", "同比下降"),
    "较去年同期": ("较去年同期增长", "较去年同期减少"),
}


def _decimal(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def change_rate(current, previous) -> Decimal | None:
    """Percentage change to two places (18.22 for +18.22%); None when there is no base to divide by."""
    if current is None or previous is None or previous == 0:
        return None
    rate = (_decimal(current) - _decimal(previous)) * 100 / abs(_decimal(previous))
    return rate.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def format_number(value) -> str:
    """18.20 → "18.2", 100.00 → "100", 3218 → "3218": no trailing zeros, never exponent form."""
    text = format(_decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def describe_change(current, previous, *, style: str = "同比") -> str:
    """ "同比上升18.22%", "同比下降5.1%", "与去年持平", "去年同期为0"; "" when a year has no value.

    ``style="较去年同期"`` writes "较去年同期增长100%" / "较去年同期减少5.1%".
    """
    rise, fall = STYLES[style]
    if current is None or previous is None:
        return ""
    if _decimal(current) == _decimal(previous):
        return "与去年持平"
    if previous == 0:
        return "去年同期为0"
    rate = change_rate(current, previous)
    if rate == 0:  # a change too small to show at two decimals
        return "与去年基本持平"
    word = rise if rate > 0 else fall
    return f"{word}{format_number(abs(rate))}%"


def direction(current, previous) -> str:
    """ "up", "down" or "" — for colouring a change."""
    if current is None or previous is None or _decimal(current) == _decimal(previous):
        return ""
    return "up" if _decimal(current) > _decimal(previous) else "down"


def describe_point_change(current, previous) -> str:
    """A rate's change in percentage points: "同比提高21.45个百分点" (a rate of a rate misleads)."""
    if current is None or previous is None:
        return ""
    points = (_decimal(current) - _decimal(previous)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    if points == 0:
        return "与去年持平"
    word = "同比提高" if points > 0 else "同比降低"
    return f"{word}{format_number(abs(points))}个百分点"
