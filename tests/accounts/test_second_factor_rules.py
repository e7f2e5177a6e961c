"""The TOTP window and the session key at the second factor: one-line breaks that a test must see."""

import datetime

import pyotp
import pytest
from django.utils import timezone

from fazhi.accounts import otp
from tests.accounts.test_second_factor import enrolled, secret, sign_in  # noqa: F401


@pytest.mark.parametrize("steps", [-20, -2, 2, 20])
def test_a_code_outside_thirty_seconds_either_way_is_refused(enrolled, steps):  # noqa: F811
    totp = pyotp.TOTP(secret(enrolled))
    at = timezone.now() + datetime.timedelta(seconds=30 * steps)
    assert not otp.verify(enrolled, totp.at(at))


@pytest.mark.parametrize("steps", [-1, 0, 1])
def test_a_code_within_thirty_seconds_is_accepted(enrolled, steps):  # noqa: F811
    totp = pyotp.TOTP(secret(enrolled))
    assert otp.verify(enrolled, totp.at(timezone.now() + datetime.timedelta(seconds=30 * steps)))


def test_the_session_key_changes_at_the_second_factor(client, enrolled, password):  # noqa: F811
    sign_in(client, enrolled, password)
    before = client.session.session_key
    code = pyotp.TOTP(secret(enrolled)).now()
    assert client.post("/accounts/otp/", {"code": code}).status_code == 302
    assert client.session.session_key != before
    assert client.session.get(otp.SESSION_KEY)
