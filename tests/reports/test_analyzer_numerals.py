"""Large and mixed numerals through cn2an: 万/亿 groups, 两, 余, 近, decimals and full-width digits."""

from decimal import Decimal

import pytest

from fazhi.reports.analyzer import analyze_text
from fazhi.reports.analyzer.numerals import chinese_to_int, parse_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("三亿五千万", 350_000_000),
        ("一千二百三十四万五千", 12_345_000),
        ("十万八千", 108_000),
        ("两亿", 200_000_000),
        ("两千", 2000),
        ("两百", 200),
        ("二○二四", 2024),
        ("一点五", None),  # not a whole number: no count is written so
        ("亿", None),
        ("百", None),
    ],
)
def test_large_chinese_numerals(written, value):
    assert chinese_to_int(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3亿5千万", Decimal(350_000_000)),
        ("1亿2000万", Decimal(120_000_000)),
        ("1.2亿", Decimal(120_000_000)),
    ],
)
def test_mixed_arabic_and_chinese_groups(written, value):
    assert parse_number(written) == value


def only(text):
    result = analyze_text(text)
    (found,) = result.figures
    assert result.text[found.start : found.end] == found.text
    return found


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "base_value", "base_unit", "approx"),
    [
        # A numeral with groups inside is one number; 3,000,050,000,000 was the old reading.
        ("项目投入资金三亿五千万元。", "三亿五千万元", 350_000_000, "元", 350_000_000, "元", []),
        ("覆盖群众三万五千人次。", "三万五千人次", 35000, "人次", 35000, "人次", []),
        ("投入3亿5千万元。", "3亿5千万元", 350_000_000, "元", 350_000_000, "元", []),
        ("投入1亿2000万元。", "1亿2000万元", 120_000_000, "元", 120_000_000, "元", []),
        # A last 万/亿 alone is the unit's multiplier, as with Arabic digits.
        ("发放奖补五千万元。", "五千万元", 5000, "万元", 50_000_000, "元", []),
        ("惠及群众两万余人。", "两万余人", 2, "万人", 20000, "人", ["余"]),
        ("全区执业律师两百余名。", "两百余名", 200, "名", 200, "名", ["余"]),
        ("接待群众近三百人次。", "近三百人次", 300, "人次", 300, "人次", ["近"]),
        ("提供法律咨询1.2万余人次。", "1.2万余人次", Decimal("1.2"), "万人次", 12000, "人次", ["余"]),
        ("发放资料１．２万余份。", "１．２万余份", Decimal("1.2"), "万份", 12000, "份", ["余"]),
        ("开展活动１２０余场。", "１２０余场", 120, "场", 120, "场", ["余"]),
        ("筹集资金三百余万元。", "三百余万元", 300, "万元", 3_000_000, "元", ["余"]),
        ("审查合同近１，０００份。", "近１，０００份", 1000, "份", 1000, "份", ["近"]),
    ],
)
def test_figures_with_large_numerals(text, written, value, unit, base_value, base_unit, approx):
    found = only(text)
    assert (found.text, found.unit, found.base_unit, found.approx) == (written, unit, base_unit, approx)
    assert Decimal(str(found.value)) == Decimal(str(value))
    assert Decimal(str(found.base_value)) == Decimal(str(base_value))


@pytest.mark.parametrize("text", ["千家万户都知晓。", "万人空巷。", "亿万群众。", "数万人参与。"])
def test_group_words_alone_are_not_figures(text):
    assert analyze_text(text).figures == []


def test_a_full_width_comma_between_short_numbers_is_a_pause():
    result = analyze_text("分别培训１２，３４名干部。")
    assert [(f.text, f.value) for f in result.figures] == [("３４名", 34)]
