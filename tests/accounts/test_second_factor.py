from urllib.parse import unquote

import pyotp
import pytest

from fazhi.accounts import otp, tokens
from fazhi.accounts.models import LoginAttempt
from fazhi.accounts.testing import login_with_second_factor
from fazhi.accounts.tokens import issue_token
from fazhi.audit.models import Action, AuditEntry
from fazhi.orgs.models import RoleAssignment

VERIFY = "/accounts/otp/"
ENROL = "/accounts/otp/enrol/"


@pytest.fixture
def enrolled(sec_admin):
    otp.start_enrolment(sec_admin)
    sec_admin.totp_confirmed = True
    sec_admin.save()
    return sec_admin


def secret(user) -> str:
    user.refresh_from_db()
    return otp.secret_of(user)


def sign_in(client, user, password):
    response = client.post("/accounts/login/", {"username": user.username, "password": password})
    assert response.status_code == 302, response.content.decode()
    return response


def test_a_non_admin_needs_no_second_factor(client, clerk, password, policy_allows):
    response = sign_in(client, clerk, password)
    assert response.url == "/"
    assert policy_allows("/")
    assert client.get("/accounts/password/").status_code == 200


def test_an_admin_is_held_at_the_second_factor_until_the_code_is_right(
    client, enrolled, password, policy_allows
):
    sign_in(client, enrolled, password)
    assert not policy_allows("/")
    response = client.get("/")
    assert response.status_code == 302 and response.url == f"{VERIFY}?next=%2F"
    assert client.get("/accounts/password/").status_code == 302
    assert client.get("/admin/").url.startswith(VERIFY)

    response = client.post(VERIFY, {"code": "000000", "next": "/"})
    assert response.status_code == 200
    assert "动态口令错误" in response.content.decode()
    assert client.get("/").url.startswith(VERIFY)

    code = pyotp.TOTP(secret(enrolled)).now()
    response = client.post(VERIFY, {"code": code, "next": "/accounts/password/"})
    assert response.status_code == 302 and response.url == "/accounts/password/"
    assert client.get("/accounts/password/").status_code == 200
    assert policy_allows("/")
    login = AuditEntry.objects.filter(action=Action.LOGIN, actor=enrolled).last()
    assert login.changes["factor"] == [None, "密码+动态口令"]


def test_a_code_is_accepted_only_once(client, enrolled, password):
    code = pyotp.TOTP(secret(enrolled)).now()
    sign_in(client, enrolled, password)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post("/accounts/logout/")
    sign_in(client, enrolled, password)
    assert client.post(VERIFY, {"code": code}).status_code == 200


def test_the_api_answers_in_its_error_format_until_verified(client, enrolled, password):
    sign_in(client, enrolled, password)
    response = client.get("/api/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "security_step_required"


def test_wrong_codes_count_towards_the_lockout_and_end_the_session(client, enrolled, password):
    sign_in(client, enrolled, password)
    for _ in range(4):
        client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 302 and response.url == "/accounts/login/"
    assert "_auth_user_id" not in client.session
    assert LoginAttempt.objects.filter(username="secadmin", reason="otp").count() == 5
    response = client.post("/accounts/login/", {"username": "secadmin", "password": password})
    assert "账户已锁定" in response.content.decode()


def test_an_admin_without_a_device_enrols_first(client, sec_admin, password):
    sign_in(client, sec_admin, password)
    assert client.get("/").url.startswith(ENROL)
    assert client.get(VERIFY).url == ENROL

    page = client.get(ENROL)
    html = page.content.decode()
    assert page.status_code == 200
    qr = page.context["qr_code"]
    assert qr.startswith("data:image/svg+xml") and f'src="{qr}"' in html.replace("&amp;", "&")
    assert "style=" not in html and "<script>" not in html
    pending = secret(sec_admin)
    assert page.context["secret"].replace(" ", "") == pending
    assert sec_admin.totp_secret.startswith("sm4:"), "the secret is kept encrypted"
    assert client.get(ENROL).context["secret"].replace(" ", "") == pending, "a reload keeps the secret"

    assert "动态口令错误" in client.post(ENROL, {"code": "123456"}).content.decode()
    response = client.post(ENROL, {"code": pyotp.TOTP(pending).now()})
    assert response.status_code == 302
    sec_admin.refresh_from_db()
    assert sec_admin.totp_confirmed
    assert client.get("/accounts/password/").status_code == 200


def test_qr_code_is_an_svg_data_uri_of_the_provisioning_uri(sec_admin):
    secret_b32 = pyotp.random_base32()
    uri = otp.qr_data_uri(otp.provisioning_uri(sec_admin, secret_b32))
    header, body = uri.split(",", 1)
    assert header == "data:image/svg+xml;charset=utf-8"
    svg = unquote(body)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<script" not in svg
    assert f"secret={secret_b32}" in otp.provisioning_uri(sec_admin, secret_b32)


def test_all_three_admin_roles_need_the_second_factor(django_user_model, street):
    for role in ("sys_admin", "sec_admin", "audit_admin"):
        user = django_user_model.objects.create_user(role)
        RoleAssignment.objects.create(user=user, org=street, role=role)
        assert otp.needs_second_factor(user)
    assert not otp.needs_second_factor(django_user_model.objects.create_user("plain"))


def test_testing_helper_passes_the_second_factor(client, enrolled):
    login_with_second_factor(client, enrolled)
    assert client.get("/accounts/password/").status_code == 200


def test_api_token_requires_the_code_for_admins(rf, enrolled, password):
    request = rf.post("/api/auth/token/")
    key, error = issue_token(request, "secadmin", password)
    assert key is None and "动态口令" in error
    key, error = issue_token(request, "secadmin", password, otp="000000")
    assert key is None and "动态口令错误" in error
    key, error = issue_token(request, "secadmin", password, otp=pyotp.TOTP(secret(enrolled)).now())
    assert error == "" and enrolled.api_tokens.get().key_hash == tokens.digest(key)


def test_api_token_for_an_admin_not_yet_enrolled_is_refused(rf, sec_admin, password):
    key, error = issue_token(rf.post("/"), "secadmin", password, otp="123456")
    assert key is None and "绑定动态口令" in error


def test_api_token_for_a_non_admin(rf, clerk, password):
    key, error = issue_token(rf.post("/"), "clerk", password)
    assert error == "" and clerk.api_tokens.get().key_hash == tokens.digest(key)
    assert AuditEntry.objects.filter(action=Action.LOGIN, actor=clerk).last().changes["via"] == [
        None,
        "api_token",
    ]
