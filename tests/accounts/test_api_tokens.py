"""API tokens (issue 12): hashed, named, with a lifetime, revoked on password change, listed and revocable."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from fazhi import crypto
from fazhi.accounts.testing import login_with_second_factor
from tests.conftest import PASSWORD


@pytest.fixture
def api():
    return APIClient()


def stored():
    from fazhi.accounts.models import ApiToken  # here, so that the tests run (and fail) on code without it

    return ApiToken.objects


def issue(api, username, **extra):
    answer = api.post(
        "/api/auth/token/", {"username": username, "password": PASSWORD, **extra}, format="json"
    )
    assert answer.status_code == 200, answer.content
    return answer.json()["token"]


def test_a_token_is_stored_hashed_with_a_name_and_a_lifetime(api, tree, person, settings):
    person("m", "handler", tree["a-tw"])
    key = issue(api, "m", name="对账脚本")
    token = stored().get()
    assert token.key_hash == crypto.sm3_hex(key.encode()) and key not in token.key_hash
    assert token.name == "对账脚本"
    lifetime = token.expires_at - token.created_at
    assert lifetime == datetime.timedelta(days=settings.FAZHI_API_TOKEN_DAYS)


def test_an_expired_token_is_refused_with_401(api, tree, person):
    person("m", "handler", tree["a-tw"])
    key = issue(api, "m")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/me/").status_code == 200
    stored().update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    answer = api.get("/api/me/")
    assert answer.status_code == 401
    assert answer["WWW-Authenticate"].startswith("Bearer")
    assert "令牌" in answer.json()["error"]["message"]


def test_a_bad_token_is_answered_401_not_403(api, db):
    api.credentials(HTTP_AUTHORIZATION="Bearer " + "0" * 40)
    assert api.get("/api/me/").status_code == 401


def test_a_password_change_revokes_the_tokens(api, tree, person):
    user = person("m", "handler", tree["a-tw"])
    key = issue(api, "m")
    user.set_password("Ganz-Neu-2026!")
    user.save()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/me/").status_code == 401
    assert stored().get().revoked_at is not None


def test_a_token_of_an_expired_password_is_refused(api, tree, person):
    user = person("m", "handler", tree["a-tw"])
    key = issue(api, "m")
    type(user).objects.filter(pk=user.pk).update(
        password_changed_at=timezone.now() - datetime.timedelta(days=400)
    )
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/me/").status_code == 401


def test_a_person_lists_and_revokes_his_tokens_and_never_sees_a_key(client, api, tree, person):
    user = person("m", "handler", tree["a-tw"])
    other = person("o", "handler", tree["a-tw"])
    key = issue(api, "m", name="报表同步")
    issue(api, "o", name="别人的令牌")
    client.force_login(user)
    page = client.get("/accounts/tokens/").content.decode()
    assert "报表同步" in page and "别人的令牌" not in page and key not in page
    token = stored().get(user=user)
    foreign = stored().get(user=other)
    assert client.post("/accounts/tokens/", {"revoke": foreign.pk}).status_code == 404
    assert client.post("/accounts/tokens/", {"revoke": token.pk}).status_code == 302
    token.refresh_from_db()
    foreign.refresh_from_db()
    assert token.revoked_at is not None and foreign.revoked_at is None


def test_the_security_admin_lists_and_revokes_tokens_on_the_settings_site(client, api, tree, person):
    person("m", "handler", tree["a-tw"])
    key = issue(api, "m", name="报表同步")
    login_with_second_factor(client, person("sec", "sec_admin", tree["district"]))
    listing = client.get("/admin/accounts/apitoken/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "报表同步" in html and key not in html and crypto.sm3_hex(key.encode()) not in html
    token = stored().get()
    client.post("/admin/accounts/apitoken/", {"action": "revoke_tokens", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_system_admin_sees_no_tokens(client, tree, person):
    login_with_second_factor(client, person("sys", "sys_admin", tree["district"]))
    assert client.get("/admin/accounts/apitoken/").status_code == 403


def test_existing_clear_tokens_are_migrated_to_digests_and_their_table_dropped(
    api, tree, person, transactional_db
):
    import importlib

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("fazhi.accounts.migrations.0003_api_tokens")
    user = person("m", "handler", tree["a-tw"])
    key = "a" * 40
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id bigint, created timestamp with time zone)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)", [key, user.pk, "2026-01-05 08:00:00+00:00"]
        )
    with connection.schema_editor() as editor:
        migration.hash_legacy_tokens(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    token = stored().get()
    assert token.key_hash == crypto.sm3_hex(key.encode()) and token.user == user
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/me/").json()["username"] == "m"


def test_the_roles_read_with_a_token_are_the_roles_of_that_request(api, tree, person):
    """The holder's roles come with the token's own query (issue 21); a role removed or added takes effect
    on the very next request, and a person without roles sees nothing."""
    from fazhi.orgs.models import RoleAssignment
    from tests.disputes.dispute_fixtures import new_dispute

    new_dispute(person("med_a", "handler", tree["a-tw"]), tree["a-tw"])
    new_dispute(person("med_b", "handler", tree["b-tw"]), tree["b-tw"])
    user = person("m", "office", tree["a"])
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {issue(api, 'm')}")

    def units():
        answer = api.get("/api/disputes/")
        assert answer.status_code == 200
        return sorted(row["org"] for row in answer.json()["results"])

    assert units() == ["a-tw"]
    RoleAssignment.objects.create(user=user, org=tree["b"], role="leader")
    assert units() == ["a-tw", "b-tw"]
    assert {o["code"] for o in api.get("/api/me/").json()["orgs"]} >= {"a", "b", "b-sq-tw"}
    RoleAssignment.objects.filter(user=user, org=tree["a"]).delete()
    assert units() == ["b-tw"]
    # the leader's role reads and never writes: the write refused as before
    record = api.get("/api/disputes/").json()["results"][0]
    change = {"summary": "改", "version": record["version"]}
    assert api.patch(f"/api/disputes/{record['id']}/", change, format="json").status_code == 403
    RoleAssignment.objects.filter(user=user).delete()
    assert units() == []
    assert api.get("/api/me/").json()["orgs"] == []
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert api.get("/api/disputes/").status_code == 401
