"""Numbers as reports write them: 3212, 5467.4733, 1.2万, 十二, 一百零五, 两, 二〇二四."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000)}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def chinese_to_int(text: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 两 → 2, 三千五百 → 3500, 一万二千 → 12000, 二〇二四 → 2024.

    None when the text is not a well-formed Chinese numeral.
    """
    if not text or any(char not in CHINESE_NUMERAL_CHARS for char in text):
        return None
    if all(char in DIGITS for char in text):
        # Digit by digit, as years are written (二〇二四); a single char is just that digit.
        value = 0
        for char in text:
            value = value * 10 + DIGITS[char]
        return value
    total = 0  # completed 万/亿 groups
    section = 0  # below the current 万
    digit: int | None = None
    for char in text:
        if char in DIGITS:
            if digit is not None and DIGITS[char] != 0:
                return None  # two digits in a row ("三五") is not a numeral here
            digit = DIGITS[char] if DIGITS[char] != 0 else None
        elif char in SMALL_UNITS:
            # 十 alone means 一十 (十二 = 12)
            section += (digit if digit is not None else 1) * SMALL_UNITS[char]
            digit = None
        else:
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                return None
            total = (total + section) * BIG_UNITS[char]
            section = 0
    return total + section + (digit or 0)


def arabic_to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def parse_number(text: str) -> Decimal | None:
    """Any written number, with an optional trailing 万/亿 multiplier: "1.2万" → 12000."""
    text = text.strip()
    if not text:
        return None
    multiplier = Decimal(1)
    if len(text) > 1 and text[-1] in ("万", "亿") and not all(char in CHINESE_NUMERAL_CHARS for char in text):
        multiplier = MULTIPLIERS[text[-1]]
        text = text[:-1]
    value = arabic_to_decimal(text) if text[0].isascii() else None
    if value is None:
        integer = chinese_to_int(text)
        if integer is None:
            return None
        value = Decimal(integer)
    return plain(value * multiplier)


def plain(value: Decimal) -> Decimal:
    """Drop trailing zeros a multiplication leaves (5467.4733 × 10000 = 54674733.0000 → 54674733)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def as_int_if_whole(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value
