"""三员分立 holds in code (issue 12): the attacks made from the settings site, each refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from fazhi.accounts import otp
from fazhi.accounts.testing import login_with_second_factor
from fazhi.audit.models import AuditEntry
from fazhi.audit.services import record
from fazhi.orgs.models import RoleAssignment


@pytest.fixture
def three(tree, person):
    return {
        "sys": person("sys", "sys_admin", tree["district"]),
        "sec": person("sec", "sec_admin", tree["district"]),
        "audit": person("audit", "audit_admin", tree["district"]),
    }


def test_no_account_holds_two_admin_roles_or_an_admin_and_a_business_role(three, tree, person):
    with pytest.raises(ValidationError, match="三员分立"):
        RoleAssignment.objects.create(user=three["sys"], org=tree["district"], role="audit_admin")
    with pytest.raises(ValidationError, match="三员分立"):
        RoleAssignment.objects.create(user=three["sys"], org=tree["a"], role="handler")
    clerk = person("clerk", "handler", tree["a-tw"])
    with pytest.raises(ValidationError, match="三员分立"):
        RoleAssignment.objects.create(user=clerk, org=tree["district"], role="sec_admin")
    # two business roles stay allowed (a 调解员 in one 社区 may be 领导 elsewhere)
    RoleAssignment.objects.create(user=clerk, org=tree["b"], role="leader")


def test_the_system_admin_cannot_give_himself_a_role_or_superuser(client, three, tree):
    sys_admin = three["sys"]
    login_with_second_factor(client, sys_admin)
    answer = client.post(
        "/admin/orgs/roleassignment/add/", {"user": sys_admin.pk, "org": tree["a"].pk, "role": "handler"}
    )
    assert answer.status_code == 403
    assert not sys_admin.roles.filter(role="handler").exists()
    change = f"/admin/accounts/user/{sys_admin.pk}/change/"
    page = client.get(change)
    assert page.status_code == 200 and 'name="is_superuser"' not in page.content.decode()
    client.post(change, {"username": "sys", "full_name": "孙", "is_active": "on", "is_superuser": "on"})
    sys_admin.refresh_from_db()
    assert not sys_admin.is_superuser


def test_the_system_admin_cannot_reset_another_admins_credentials(client, three):
    login_with_second_factor(client, three["sys"])
    target = three["audit"]
    answer = client.post(
        f"/admin/accounts/user/{target.pk}/password/",
        {"password1": "Neu-Passwort-2026", "password2": "Neu-Passwort-2026", "usable_password": "true"},
    )
    assert answer.status_code == 403
    target.refresh_from_db()
    assert not target.check_password("Neu-Passwort-2026")


def test_the_security_admin_resets_others_credentials_but_not_his_own(client, three):
    sec = three["sec"]
    login_with_second_factor(client, sec)
    target = three["audit"]
    new = {"password1": "Neu-Passwort-2026", "password2": "Neu-Passwort-2026", "usable_password": "true"}
    assert client.post(f"/admin/accounts/user/{target.pk}/password/", new).status_code == 302
    target.refresh_from_db()
    assert target.check_password("Neu-Passwort-2026")
    assert client.post(f"/admin/accounts/user/{sec.pk}/password/", new).status_code == 403
    from fazhi.accounts import separation

    with pytest.raises(PermissionDenied):
        separation.reset_totp(sec, sec)
    otp.start_enrolment(target)
    separation.reset_totp(sec, target)
    target.refresh_from_db()
    assert target.totp_secret == ""


def test_only_the_security_admin_manages_roles_and_never_his_own(client, three, tree, person):
    clerk = person("clerk")
    sec = three["sec"]
    login_with_second_factor(client, sec)
    add = "/admin/orgs/roleassignment/add/"
    assert client.post(add, {"user": clerk.pk, "org": tree["a-tw"].pk, "role": "handler"}).status_code == 302
    assert clerk.roles.filter(role="handler").exists()
    client.post(add, {"user": sec.pk, "org": tree["a"].pk, "role": "leader"})
    assert not sec.roles.filter(role="leader").exists()
    own = sec.roles.get()
    client.post(f"/admin/orgs/roleassignment/{own.pk}/delete/", {"post": "yes"})
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


def test_superuser_is_granted_only_by_the_audited_break_glass_command(three, django_user_model):
    user = three["sys"]
    user.is_superuser = True
    with pytest.raises(PermissionDenied):
        user.save()
    with pytest.raises(PermissionDenied):
        django_user_model.objects.create_superuser("boss", password="Boss-2025-mima")
    call_command("break_glass", "grant", "sys", "--reason", "安全管理员离职，临时接管")
    user.refresh_from_db()
    assert user.is_superuser
    entry = AuditEntry.objects.filter(target_type="accounts.user", target_id=str(user.pk)).last()
    assert entry.changes["is_superuser"] == [False, True]
    assert "安全管理员离职" in str(entry.changes)
    call_command("break_glass", "revoke", "sys", "--reason", "接管结束")
    user.refresh_from_db()
    assert not user.is_superuser


def test_a_superuser_needs_the_second_factor_for_the_settings_site(client, django_user_model):
    call_command("break_glass", "create", "boss", "--reason", "演练")
    boss = django_user_model.objects.get(username="boss")
    client.force_login(boss)
    assert otp.needs_second_factor(boss)
    answer = client.get("/admin/")
    assert answer.status_code == 302 and "/accounts/otp/" in answer["Location"]


def test_an_account_with_history_is_refused_deletion_with_a_clear_message(client, three, person):
    someone = person("someone")
    record("update", actor=someone, target=someone, changes={"full_name": ["", "有历史"]})
    login_with_second_factor(client, three["sys"])
    answer = client.post(f"/admin/accounts/user/{someone.pk}/delete/", {"post": "yes"}, follow=True)
    assert answer.status_code == 200
    assert "不能删除" in answer.content.decode()
    assert type(someone).objects.filter(pk=someone.pk).exists()


def test_the_system_admin_adds_people_without_a_password(client, three, django_user_model):
    login_with_second_factor(client, three["sys"])
    assert client.get("/admin/accounts/user/add/").status_code == 200
    answer = client.post(
        "/admin/accounts/user/add/", {"username": "newbie", "full_name": "新人", "email": ""}
    )
    assert answer.status_code == 302
    newbie = django_user_model.objects.get(username="newbie")
    assert not newbie.has_usable_password() and not newbie.is_superuser
    assert client.get("/admin/orgs/roleassignment/").status_code == 403
    assert client.get("/admin/accounts/user/").status_code == 200


def test_the_token_page_and_the_settings_pages_answer(client, three):
    login_with_second_factor(client, three["sec"])
    for path in (
        "/accounts/tokens/",
        "/admin/",
        "/admin/orgs/roleassignment/add/",
        "/admin/accounts/apitoken/",
    ):
        assert client.get(path).status_code == 200, path


def test_no_administrator_switches_off_another_administrators_account(client, three, tree, person):
    """The QA pass of 2026-12-02: the system administrator unticked 有效 on the audit administrator's account and
    shut out the person who reads his trail. He still switches off the staff's accounts."""
    from fazhi.accounts import separation

    login_with_second_factor(client, three["sys"])
    for target in (three["audit"], three["sec"]):
        change = f"/admin/accounts/user/{target.pk}/change/"
        assert 'name="is_active"' not in client.get(change).content.decode()
        client.post(change, {"username": target.username, "full_name": "改名", "email": ""})
        target.refresh_from_db()
        assert target.is_active and target.full_name == "改名"  # his other fields stay the system admin's
        with pytest.raises(PermissionDenied, match="三员分立"):
            separation.check_switches_account(three["sys"], target)
    clerk = person("clerk", "handler", tree["a-tw"])
    change = f"/admin/accounts/user/{clerk.pk}/change/"
    assert 'name="is_active"' in client.get(change).content.decode()
    assert client.post(change, {"username": "clerk", "full_name": "离职", "email": ""}).status_code == 302
    clerk.refresh_from_db()
    assert not clerk.is_active
    with pytest.raises(PermissionDenied, match="三员分立"):
        separation.check_switches_account(three["sec"], three["sys"])


def test_the_password_row_links_to_a_reset_only_for_whom_may_make_it(client, three, tree, person):
    clerk = person("clerk", "handler", tree["a-tw"])
    reset = f'href="/admin/accounts/user/{clerk.pk}/password/"'
    login_with_second_factor(client, three["sec"])  # sees the person read only: the link is his way in
    assert reset in client.get(f"/admin/accounts/user/{clerk.pk}/change/").content.decode()
    own = three["sec"].pk
    assert "/password/" not in client.get(f"/admin/accounts/user/{own}/change/").content.decode()
    client.logout()
    login_with_second_factor(client, three["sys"])
    assert "/password/" not in client.get(f"/admin/accounts/user/{clerk.pk}/change/").content.decode()
