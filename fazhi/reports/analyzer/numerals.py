"""Numbers as reports write them: 3212, 5467.4733, 1.2万, 十二, 一百零五, 两, 三亿五千万, 3亿5千万, 二〇二四.

Chinese numerals are read by cn2an, a maintained converter, not by rules of our own: it knows 两, 廿,
零 inside a number, and 万/亿 groups in any mix ("一千二百三十四万五千"). What stays here is only which
strings count as a number at all (a lone 百 or 万 does not) and the Decimal arithmetic of multipliers.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

DIGIT_CHARS = "零〇○一二两三四五六七八九"
SMALL_UNIT_CHARS = "十百千"
BIG_UNIT_CHARS = "万亿"
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000)}
CHINESE_NUMERAL_CHARS = DIGIT_CHARS + SMALL_UNIT_CHARS + BIG_UNIT_CHARS
ARABIC_CHARS = "0123456789."


@lru_cache(maxsize=4096)  # a report repeats its numerals (一、 二是 十二月); cn2an takes ~0.1 ms a call
def chinese_to_int(text: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 两 → 2, 三亿五千万 → 350000000, 二〇二四 → 2024.

    None when the text is not a whole Chinese numeral (a lone 百/千/万/亿, letters, a fraction).
    """
    if not text or any(char not in CHINESE_NUMERAL_CHARS for char in text):
        return None
    value = _cn2an(text.replace("○", "〇"), "normal")
    if value is None or value != int(value):
        return None
    return int(value)


@lru_cache(maxsize=1024)
def mixed_to_decimal(text: str) -> Decimal | None:
    """Arabic digits with Chinese group units, as in "3亿5千万" or "1亿2000万" → 350000000, 120000000."""
    if not text or any(char not in ARABIC_CHARS + CHINESE_NUMERAL_CHARS for char in text):
        return None
    value = _cn2an(text, "smart")
    return None if value is None else plain(Decimal(str(value)))


def _cn2an(text: str, mode: str) -> int | float | None:
    import cn2an  # imported on first use: it takes a second to load, which no other page should pay

    try:
        return cn2an.cn2an(text, mode)
    except (ValueError, KeyError, IndexError, TypeError):  # cn2an's refusals of what is not a numeral
        return None


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
    if all(char in CHINESE_NUMERAL_CHARS for char in text):
        integer = chinese_to_int(text)
        return None if integer is None else Decimal(integer)
    multiplier = Decimal(1)
    number = text
    if len(text) > 1 and text[-1] in BIG_UNIT_CHARS:
        multiplier = MULTIPLIERS[text[-1]]
        number = text[:-1]
    value = arabic_to_decimal(number) if number[0].isascii() else None
    if value is not None:
        return plain(value * multiplier)
    return mixed_to_decimal(text)


def plain(value: Decimal) -> Decimal:
    """Drop trailing zeros a multiplication leaves (5467.4733 × 10000 = 54674733.0000 → 54674733)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def as_int_if_whole(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value
