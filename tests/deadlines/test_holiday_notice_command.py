"""`fazhi holiday_notice`: the timer's check of next year's holiday notice, from October (exit 1 while it
is missing), silent before October and once the notice is entered."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import clock_at

pytestmark = pytest.mark.django_db


def test_missing_from_october_fails_naming_the_year_and_where_to_enter_it():
    with (
        clock_at(datetime.date(2026, 10, 8)),
        pytest.raises(CommandError, match=r"2027年节假日安排通知尚未录入.*节假日安排"),
    ):
        call_command("holiday_notice")


def test_before_october_it_is_not_yet_due(capsys):
    with clock_at(datetime.date(2026, 9, 30)):
        call_command("holiday_notice")
    assert "尚未到提醒时间" in capsys.readouterr().out


def test_a_year_the_package_knows_passes(capsys):
    with clock_at(datetime.date(2025, 11, 3)):  # 2026 is built in
        call_command("holiday_notice")
    assert "2026年节假日安排已录入" in capsys.readouterr().out
