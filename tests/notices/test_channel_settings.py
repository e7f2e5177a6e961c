"""The channels are the system administrator's (三员分立): set on the settings site, audited, the secrets
kept encrypted and never shown back; the deliveries are read there, never changed."""

from fazhi import crypto
from fazhi.accounts.testing import login_with_second_factor
from fazhi.audit.models import AuditEntry
from fazhi.notices.models import Channel


def _form(**fields):
    data = {
        "name": "浙政钉网关",
        "kind": "webhook",
        "enabled": "on",
        "url": "https://gateway.example.gov.cn/notify",
        "secret": "s3cret",
        "smtp_host": "",
        "smtp_port": "25",
        "smtp_username": "",
        "smtp_password": "",
        "from_email": "",
    }
    return data | fields


def test_the_system_administrator_connects_a_webhook(client, tree, person):
    login_with_second_factor(client, person("sys", "sys_admin", tree["district"]))
    assert client.get("/admin/notices/channel/add/").status_code == 200
    response = client.post("/admin/notices/channel/add/", _form())
    assert response.status_code == 302, response.content.decode()[:2000]
    channel = Channel.objects.get()
    assert crypto.is_token(channel.secret) and channel.plain("secret") == "s3cret"
    entry = AuditEntry.objects.filter(target_type__icontains="channel").latest("pk")
    assert "s3cret" not in str(entry.changes) and "已设置" in str(entry.changes)
    page = client.get(f"/admin/notices/channel/{channel.pk}/change/").content.decode()
    assert "s3cret" not in page and channel.secret not in page
    # saved again without typing the secret: the stored one is kept
    client.post(f"/admin/notices/channel/{channel.pk}/change/", _form(secret="", name="新名称"))
    channel.refresh_from_db()
    assert channel.name == "新名称" and channel.plain("secret") == "s3cret"
    assert client.get("/admin/notices/delivery/").status_code == 200


def test_a_channel_missing_its_address_is_refused_in_chinese(client, tree, person):
    login_with_second_factor(client, person("sys", "sys_admin", tree["district"]))
    html = client.post("/admin/notices/channel/add/", _form(url="")).content.decode()
    assert "Webhook 渠道须填写接收地址" in html and not Channel.objects.exists()
    html = client.post("/admin/notices/channel/add/", _form(kind="email", url="")).content.decode()
    assert "须填写 SMTP 服务器" in html and "须填写发件人地址" in html


def test_the_other_administrators_and_ledger_people_cannot_touch_channels(client, tree, person):
    login_with_second_factor(client, person("sec", "sec_admin", tree["district"]))
    assert client.get("/admin/notices/channel/add/").status_code == 403
    login_with_second_factor(client, person("aud", "audit_admin", tree["district"]))
    assert client.get("/admin/notices/channel/").status_code in (302, 403)  # no settings at all, or not these
    client.force_login(person("office", "office", tree["a"]))
    assert client.get("/admin/notices/channel/").status_code == 302  # to the settings site's login
