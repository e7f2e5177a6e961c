"""`fazhi load_demo` loads years past the last holiday notice (issue 10), which also covers a 1 January
without one. The December day, periods running into a year without a notice, is the other module of this
folder, which loads the demo once for all its checks: each day is a full demo load, the suite's dearest."""

import datetime
import io

import pytest
from django.core.management import call_command

from tests.conftest import clock_at
from tests.demo.fits_its_day import assert_the_demo_fits

pytestmark = pytest.mark.django_db


def test_the_demo_loads_years_past_the_last_holiday_notice(django_user_model):
    day = datetime.date(2031, 3, 3)
    out = io.StringIO()
    with clock_at(day):
        call_command("load_demo", stdout=out)
        assert_the_demo_fits(day, out.getvalue(), django_user_model)
