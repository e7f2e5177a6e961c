"""/healthz answers without signing in: 200 with each check "ok", 503 naming what is wrong."""

import pytest
from django.db import DatabaseError

from fazhi.web import health

pytestmark = pytest.mark.django_db


def test_a_healthy_server_answers_ok_without_a_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "migrations": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_an_unreachable_database_is_a_503_saying_so(client, monkeypatch):
    def broken_cursor():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "数据库无法连接"


def test_unapplied_migrations_are_a_503_naming_the_command(client, monkeypatch):
    monkeypatch.setattr(health.MigrationExecutor, "migration_plan", lambda self, targets: ["one", "two"])
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "有 2 个数据库迁移未执行（请运行 fazhi migrate）"


def test_only_get(client):
    assert client.post("/healthz").status_code == 405
