from fazhi.accounts.testing import login_with_second_factor


def test_the_system_admin_manages_organisations_but_not_the_audit_trail(client, tree, person):
    login_with_second_factor(client, person("sys", "sys_admin", tree["district"]))
    assert client.get("/admin/orgs/organisation/").status_code == 200
    assert client.get("/admin/orgs/organisation/add/").status_code == 200
    assert client.get("/audit/").status_code == 403


def test_the_security_admin_reads_people_but_cannot_edit_them(client, tree, person):
    target = person("someone", "handler", tree["a-tw"])
    login_with_second_factor(client, person("sec", "sec_admin", tree["district"]))
    assert client.get("/admin/accounts/loginattempt/").status_code == 200
    assert client.get(f"/admin/accounts/user/{target.pk}/change/").status_code == 200
    assert client.post(f"/admin/accounts/user/{target.pk}/change/", {"username": "x"}).status_code == 403
    assert client.get("/admin/orgs/organisation/").status_code == 403


def test_ledger_people_do_not_enter_the_settings_site(client, tree, person):
    client.force_login(person("office", "office", tree["a"]))
    answer = client.get("/admin/")
    assert answer.status_code == 302 and "/admin/login/" in answer["Location"]


def test_the_settings_site_carries_the_platforms_icon(client, tree, person):
    """Django's admin pages asked for /favicon.ico, which answers 404, for want of an icon of their own."""
    login_with_second_factor(client, person("sys", "sys_admin", tree["district"]))
    page = client.get("/admin/").content.decode()
    assert '<link rel="icon" href="/static/web/favicon.svg"' in page and "法治街道工作台" in page
