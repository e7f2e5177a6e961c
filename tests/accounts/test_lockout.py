import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from fazhi.accounts import lockout
from fazhi.accounts.models import LoginAttempt
from fazhi.accounts.testing import login_with_second_factor
from fazhi.accounts.tokens import issue_token
from fazhi.audit.models import Action, AuditEntry

LOGIN = "/accounts/login/"


def post_login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def errors_of(response) -> str:
    return " ".join(response.context["form"].non_field_errors())


def age_attempts(username, minutes):
    """Move the recorded tries into the past instead of waiting."""
    for attempt in LoginAttempt.objects.filter(username=username):
        attempt.at -= datetime.timedelta(minutes=minutes)
        attempt.save(update_fields=["at"])


def test_wrong_password_says_how_many_tries_are_left_and_keeps_the_username(client, clerk):
    response = post_login(client, "clerk", "wrong")
    assert response.status_code == 200
    assert errors_of(response) == "用户名或密码错误，还可尝试4次"
    assert 'value="clerk"' in response.content.decode()
    assert errors_of(post_login(client, "clerk", "wrong")) == "用户名或密码错误，还可尝试3次"


def test_five_failures_lock_even_the_right_password_until_fifteen_minutes_pass(client, clerk, password):
    for _ in range(5):
        response = post_login(client, "clerk", "wrong")
    until = timezone.localtime(lockout.status("clerk").locked_until)
    assert errors_of(response) == f"账户已锁定，请于{until:%H:%M}后再试或联系安全管理员解锁"

    response = post_login(client, "clerk", password)
    assert response.status_code == 200 and "账户已锁定" in errors_of(response)
    assert "_auth_user_id" not in client.session

    age_attempts("clerk", 16)
    response = post_login(client, "clerk", password)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(clerk.pk)


def test_failures_outside_the_window_do_not_lock(client, clerk):
    for _ in range(4):
        post_login(client, "clerk", "wrong")
    age_attempts("clerk", 16)
    response = post_login(client, "clerk", "wrong")
    assert errors_of(response) == "用户名或密码错误，还可尝试4次"


def test_a_success_starts_the_count_afresh(client, clerk, password):
    for _ in range(4):
        post_login(client, "clerk", "wrong")
    assert post_login(client, "clerk", password).status_code == 302
    client.logout()
    assert errors_of(post_login(client, "clerk", "wrong")) == "用户名或密码错误，还可尝试4次"


def test_tries_while_locked_do_not_extend_the_lock(client, clerk, password):
    for _ in range(5):
        post_login(client, "clerk", "wrong")
    until = lockout.status("clerk").locked_until
    post_login(client, "clerk", password)
    post_login(client, "clerk", "wrong")
    assert lockout.status("clerk").locked_until == until


def test_lockout_limits_come_from_settings(client, clerk, settings, password):
    settings.FAZHI_LOCKOUT_FAILURES = 2
    post_login(client, "clerk", "wrong")
    assert "账户已锁定" in errors_of(post_login(client, "clerk", "wrong"))
    settings.FAZHI_LOCKOUT_MINUTES = 0
    assert post_login(client, "clerk", password).status_code == 302


def test_unknown_usernames_are_locked_alike(client, db):
    for _ in range(5):
        response = post_login(client, "nobody", "wrong")
    assert "账户已锁定" in errors_of(response)


def test_api_token_shares_the_lockout(rf, clerk, password):
    request = rf.post("/api/auth/token/")
    for left in (4, 3, 2, 1):
        key, error = issue_token(request, "clerk", "wrong")
        assert key is None and error == f"用户名或密码错误，还可尝试{left}次"
    key, error = issue_token(request, "clerk", "wrong")
    assert key is None and error.startswith("账户已锁定")

    key, error = issue_token(request, "clerk", password)
    assert key is None and error.startswith("账户已锁定")

    age_attempts("clerk", 16)
    key, error = issue_token(request, "clerk", password)
    assert error == "" and len(key) == 40


def test_web_failures_lock_the_api_too(client, rf, clerk, password):
    for _ in range(5):
        post_login(client, "clerk", "wrong")
    key, error = issue_token(rf.post("/api/auth/token/"), "clerk", password)
    assert key is None and "账户已锁定" in error


def test_django_admin_login_shares_the_lockout(client, clerk, password):
    for _ in range(5):
        post_login(client, "clerk", "wrong")
    clerk.is_staff = True
    clerk.save()
    client.post("/admin/login/?next=/admin/", {"username": "clerk", "password": password})
    assert "_auth_user_id" not in client.session


def test_security_admin_unlocks_and_it_is_audited(client, clerk, sec_admin, password):
    for _ in range(5):
        post_login(client, "clerk", "wrong")
    assert lockout.unlock("clerk", actor=sec_admin) is True
    entry = AuditEntry.objects.filter(target_repr="clerk", action=Action.UPDATE).last()
    assert entry.actor == sec_admin and entry.changes["unlocked"] == [None, True]
    assert post_login(client, "clerk", password).status_code == 302


def test_only_a_security_admin_may_unlock(clerk):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        lockout.unlock("secadmin", actor=clerk)


def test_unlock_command(client, clerk, capsys):
    for _ in range(5):
        post_login(client, "clerk", "wrong")
    call_command("unlock", "clerk")
    assert "已解锁" in capsys.readouterr().out
    assert not lockout.status("clerk").locked


def test_login_failure_lock_and_login_are_audited(client, clerk, password):
    post_login(client, "clerk", "wrong")
    failed = AuditEntry.objects.filter(action=Action.LOGIN_FAILED).last()
    assert (failed.target_type, failed.target_id, failed.target_repr) == (
        "accounts.user",
        str(clerk.pk),
        "clerk",
    )
    for _ in range(4):
        post_login(client, "clerk", "wrong")
    assert AuditEntry.objects.filter(action=Action.LOCKED, target_repr="clerk").count() == 1
    assert AuditEntry.objects.filter(action=Action.LOGIN_FAILED, target_repr="clerk").count() == 5

    age_attempts("clerk", 16)
    post_login(client, "clerk", password)
    login = AuditEntry.objects.filter(action=Action.LOGIN).last()
    assert login.actor == clerk and login.target_id == str(clerk.pk)
    client.post("/accounts/logout/")
    assert AuditEntry.objects.filter(action=Action.LOGOUT, actor=clerk).exists()
    assert "_auth_user_id" not in client.session


def test_logout_needs_post(client, clerk):
    client.force_login(clerk)
    assert client.get("/accounts/logout/").status_code == 405


def test_admin_action_unlocks(client, clerk, sec_admin):
    for _ in range(5):
        post_login(client, "clerk", "wrong")
    login_with_second_factor(client, sec_admin)
    response = client.post(
        "/admin/accounts/user/", {"action": "unlock_accounts", "_selected_action": [clerk.pk]}, follow=True
    )
    assert "已解锁：clerk" in response.content.decode()
    assert not lockout.status("clerk").locked
