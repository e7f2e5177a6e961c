import datetime
from decimal import Decimal

import pytest

from fazhi.figures.periods import Period
from fazhi.figures.wording import change_rate, describe_change, describe_point_change, format_number

D = datetime.date


def test_year_quarter_month_bounds():
    assert Period.year(2024) == Period(D(2024, 1, 1), D(2024, 12, 31))
    assert Period.quarter(2024, 1) == Period(D(2024, 1, 1), D(2024, 3, 31))
    assert Period.quarter(2024, 4) == Period(D(2024, 10, 1), D(2024, 12, 31))
    assert Period.month(2024, 2) == Period(D(2024, 2, 1), D(2024, 2, 29))
    assert Period.month(2023, 2).end == D(2023, 2, 28)


def test_previous_year_is_the_same_period_a_year_before():
    assert Period.year(2024).previous_year() == Period.year(2023)
    assert Period.month(2024, 2).previous_year() == Period.month(2023, 2)  # 29 Feb → 28 Feb
    assert Period(D(2024, 2, 29), D(2024, 3, 10)).previous_year() == Period(D(2023, 2, 28), D(2023, 3, 10))


def test_labels_as_reports_write_them():
    assert Period.year(2024).label == "2024年"
    assert Period.quarter(2024, 2).label == "2024年第二季度"
    assert Period.month(2024, 3).label == "2024年3月"
    assert Period.months(2024, 1, 6).label == "2024年1—6月"
    assert Period(D(2024, 1, 5), D(2024, 2, 3)).label == "2024年1月5日至2024年2月3日"


def test_whole_year_and_month_periods():
    assert Period.year(2024).whole_year == 2024
    assert Period.months(2024, 1, 6).whole_year is None
    months = Period(D(2023, 12, 15), D(2024, 2, 10)).month_periods()
    assert months == [
        Period(D(2023, 12, 15), D(2023, 12, 31)),
        Period(D(2024, 1, 1), D(2024, 1, 31)),
        Period(D(2024, 2, 1), D(2024, 2, 10)),
    ]
    assert len(Period.year(2024).month_periods()) == 12


def test_invalid_periods_are_refused_in_chinese():
    with pytest.raises(ValueError, match="晚于"):
        Period(D(2024, 5, 1), D(2024, 4, 1))
    with pytest.raises(ValueError, match="季度"):
        Period.quarter(2024, 5)
    with pytest.raises(ValueError, match="月份"):
        Period.months(2024, 7, 3)


def test_rise_as_in_the_wuchang_report():
    assert describe_change(3218, 2722) == "同比上升18.22%"
    assert change_rate(3218, 2722) == Decimal("18.22")


def test_doubling_in_both_styles():
    assert describe_change(4, 2) == "同比上升100%"
    assert describe_change(4, 2, style="较去年同期") == "较去年同期增长100%"


def test_decrease_drops_trailing_zeros():
    assert describe_change(949, 1000) == "同比下降5.1%"
    assert describe_change(949, 1000, style="较去年同期") == "较去年同期减少5.1%"
    assert describe_change(Decimal("94.5"), 100) == "同比下降5.5%"


def test_unchanged_zero_and_missing():
    assert describe_change(12, 12) == "与去年持平"
    assert describe_change(0, 0) == "与去年持平"
    assert describe_change(7, 0) == "去年同期为0"
    assert change_rate(7, 0) is None
    assert describe_change(7, None) == ""
    assert describe_change(100001, 100000) == "与去年基本持平"


def test_format_number():
    assert format_number(Decimal("18.20")) == "18.2"
    assert format_number(Decimal("100.00")) == "100"
    assert format_number(3218) == "3218"
    assert format_number(Decimal("1E+2")) == "100"


def test_a_rate_changes_in_percentage_points():
    assert describe_point_change(Decimal("99.81"), Decimal("78.36")) == "同比提高21.45个百分点"
    assert describe_point_change(Decimal("90"), Decimal("92.5")) == "同比降低2.5个百分点"
    assert describe_point_change(100, 100) == "与去年持平"
