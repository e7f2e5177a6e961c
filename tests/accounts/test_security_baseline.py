import datetime
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

from django.conf import settings as django_settings
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.utils import timezone

from fazhi.audit.models import Action, AuditEntry

PASSWORD_PAGE = "/accounts/password/"
REPO = Path(__file__).resolve().parents[2]


def test_security_headers_on_a_page(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_page_that_uses_the_nonce_gets_it_in_the_header(rf):
    from django.middleware.csp import ContentSecurityPolicyMiddleware

    def view(request):
        body = Template('<script nonce="{{ csp_nonce }}"></script>').render(RequestContext(request))
        return HttpResponse(body)

    response = ContentSecurityPolicyMiddleware(view)(rf.get("/"))
    nonce = response.content.decode().split('"')[1]
    assert len(nonce) >= 16
    assert f"script-src 'self' 'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert f"style-src 'self' 'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_login_page_is_chinese_with_no_inline_style_or_script(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "用户名" in html and "密码" in html and "登录" in html
    assert "style=" not in html and "<style" not in html
    assert "<script>" not in html and "onclick" not in html


def test_idle_timeout_is_thirty_minutes_from_the_last_request():
    assert django_settings.SESSION_COOKIE_AGE == 1800
    order = django_settings.MIDDLEWARE
    assert order.index("fazhi.accounts.middleware.IdleTimeoutMiddleware") > order.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )


def test_session_expiry_follows_each_request(client, clerk):
    client.force_login(clerk)
    client.get(PASSWORD_PAGE)
    assert 1790 <= client.session.get_expiry_age() <= 1800


def _session_writes(client, path, at):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with (
        mock.patch("fazhi.accounts.middleware.time.time", return_value=at),
        CaptureQueriesContext(connection) as queries,
    ):
        assert client.get(path).status_code == 200
    return [q for q in queries.captured_queries if "django_session" in q["sql"] and "SELECT" not in q["sql"]]


def test_the_session_is_renewed_at_most_once_a_minute_and_never_lives_past_thirty_minutes(client, clerk):
    """Requests within a minute of the last renewal write nothing; the next one after it does, and the
    stored expiry is then 30 minutes from that request."""
    from django.contrib.sessions.models import Session

    client.force_login(clerk)
    began = time.time()
    assert _session_writes(client, PASSWORD_PAGE, began)  # the first request of the session renews it
    assert not _session_writes(client, PASSWORD_PAGE, began + 30)
    assert not _session_writes(client, PASSWORD_PAGE, began + 59)
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(seconds=61)
    ):
        assert _session_writes(client, PASSWORD_PAGE, began + 61)
    expiry = Session.objects.get(session_key=client.session.session_key).expire_date
    left = (expiry - timezone.now()).total_seconds()
    assert 1800 < left <= 1861  # renewed at (mocked) now + 61 s, for 30 minutes from then


def test_an_anonymous_visit_stores_no_session(client, db):
    from django.contrib.sessions.models import Session

    assert client.get("/accounts/login/").status_code == 200
    assert not Session.objects.exists()


def expire_password(user, days=91):
    type(user).objects.filter(pk=user.pk).update(
        password_changed_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_an_expired_password_forces_the_change_page(client, clerk, password, policy_allows):
    expire_password(clerk)
    client.post("/accounts/login/", {"username": "clerk", "password": password})
    assert not policy_allows("/")
    response = client.get("/")
    assert response.status_code == 302 and response.url == f"{PASSWORD_PAGE}?next=%2F"
    assert client.get("/admin/").url.startswith(PASSWORD_PAGE)
    page = client.get(PASSWORD_PAGE)
    html = page.content.decode()
    assert page.status_code == 200 and "已超过90天未修改" in html
    assert "大写字母、小写字母、数字、符号中的至少3类" in html

    response = client.post(
        PASSWORD_PAGE,
        {"old_password": password, "new_password1": "abcdefghijkl", "new_password2": "abcdefghijkl"},
    )
    assert response.status_code == 200 and "至少3类" in response.content.decode()
    response = client.post(
        PASSWORD_PAGE,
        {"old_password": password, "new_password1": password, "new_password2": password},
    )
    assert "新密码不能与当前密码相同" in response.content.decode()

    new = "Xin-mima-2025!"
    response = client.post(
        PASSWORD_PAGE, {"old_password": password, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302 and response.url == "/"
    clerk.refresh_from_db()
    assert not clerk.password_expired and clerk.check_password(new)
    assert "_auth_user_id" in client.session, "the person stays signed in after the change"
    assert policy_allows("/")
    assert AuditEntry.objects.filter(action=Action.UPDATE, target_id=str(clerk.pk)).exists()


def test_a_fresh_password_is_not_sent_to_the_change_page(client, clerk, password):
    expire_password(clerk, days=89)
    client.post("/accounts/login/", {"username": "clerk", "password": password})
    response = client.get(PASSWORD_PAGE)
    assert response.status_code == 200 and "已超过" not in response.content.decode()


def test_logout_stays_open_with_an_expired_password(client, clerk):
    expire_password(clerk)
    client.force_login(clerk)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response.url == "/accounts/login/"
    assert "_auth_user_id" not in client.session


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    # A clean environment: the test process may carry variables (e.g. DJANGO_ALLOW_ASYNC_UNSAFE set for
    # browser tests) that a production deployment would not have.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "FAZHI_ENV": "production",
        "FAZHI_SECRET_KEY": secrets.token_urlsafe(50),
        "FAZHI_DATA_KEY": "00112233445566778899aabbccddeeff",
        "FAZHI_LOOKUP_KEY": secrets.token_hex(32),
        "FAZHI_AUDIT_KEY": secrets.token_hex(32),
        "FAZHI_ALLOWED_HOSTS": "fazhi.example.gov.cn",
        "FAZHI_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "fazhi.settings",
    }
    result = subprocess.run(
        [sys.executable, "-m", "fazhi.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output.upper().replace("--FAIL-LEVEL WARNING", "")
