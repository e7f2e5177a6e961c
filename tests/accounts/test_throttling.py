"""Throttling by address and by account, progressive lock-out, the trusted proxy (issue 12)."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from fazhi.accounts import lockout
from fazhi.accounts.models import LoginAttempt
from tests.conftest import PASSWORD

LOGIN = "/accounts/login/"


def post_login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def age_attempts(minutes, **filters):
    for attempt in LoginAttempt.objects.filter(**filters):
        attempt.at -= datetime.timedelta(minutes=minutes)
        attempt.save(update_fields=["at"])


def test_password_spraying_from_one_address_is_stopped(client, tree, person, settings):
    settings.FAZHI_THROTTLE_ADDRESS_FAILURES = 6
    victims = [person(f"v{i}", "handler", tree["a-tw"]) for i in range(8)]
    for victim in victims[:6]:
        post_login(client, victim.username, "Sommer2026!")
    # the address is now throttled: even the right password of a fresh account is refused from it
    answer = post_login(client, victims[7].username, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "该地址" in answer.content.decode()
    # and the accounts themselves are not locked by it
    assert not lockout.status(victims[7].username).locked
    # from another address the same person signs in
    other = post_login(client, victims[7].username, PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def test_tries_from_a_throttled_address_do_not_lock_accounts(client, tree, person, settings):
    settings.FAZHI_THROTTLE_ADDRESS_FAILURES = 3
    target = person("target", "handler", tree["a-tw"])
    for _ in range(10):
        post_login(client, "target", "wrong")
    assert not lockout.status("target").locked
    assert post_login(client, "target", PASSWORD, REMOTE_ADDR="10.1.1.1").status_code == 302
    assert target.pk


def test_lock_out_is_progressive(client, tree, person):
    person("clerk", "handler", tree["a-tw"])
    for _ in range(5):
        post_login(client, "clerk", "wrong", REMOTE_ADDR=f"10.0.0.{_}")
    first = lockout.status("clerk").locked_until - timezone.now()
    age_attempts(16, username="clerk")
    for _ in range(5):
        post_login(client, "clerk", "wrong", REMOTE_ADDR=f"10.0.1.{_}")
    second = lockout.status("clerk").locked_until - timezone.now()
    assert second > first + datetime.timedelta(minutes=10)


def test_the_last_security_admin_is_never_locked_out_for_good(client, tree, person):
    person("sec", "sec_admin", tree["district"])
    for round_ in range(4):
        for i in range(5):
            post_login(client, "sec", "wrong", REMOTE_ADDR=f"10.{round_}.0.{i}")
        locked = lockout.status("sec").locked_until - timezone.now()
        assert locked <= datetime.timedelta(minutes=15)
        age_attempts(16, username="sec")


def test_the_client_address_comes_from_the_proxy_header_only_when_trusted(settings):
    rf = RequestFactory()
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8")
    settings.FAZHI_TRUSTED_PROXIES = []
    assert lockout.client_ip(request) == "127.0.0.1"
    settings.FAZHI_TRUSTED_PROXIES = ["127.0.0.1"]
    assert lockout.client_ip(request) == "5.6.7.8"
    settings.FAZHI_TRUSTED_PROXIES = ["127.0.0.1", "5.6.7.0/24"]
    assert lockout.client_ip(request) == "1.2.3.4"
    untrusted = rf.get("/", REMOTE_ADDR="9.9.9.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert lockout.client_ip(untrusted) == "9.9.9.9"
    garbage = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert lockout.client_ip(garbage) == "127.0.0.1"


@pytest.mark.parametrize("header", ["1.2.3.4", "1.2.3.4, 10.0.0.1"])
def test_a_forged_forwarded_header_does_not_escape_the_throttle(client, tree, person, settings, header):
    settings.FAZHI_THROTTLE_ADDRESS_FAILURES = 3
    person("clerk", "handler", tree["a-tw"])
    for i in range(3):
        post_login(client, f"x{i}", "wrong")
    answer = post_login(client, "clerk", PASSWORD, HTTP_X_FORWARDED_FOR=header)
    assert answer.status_code == 200 and "_auth_user_id" not in client.session
