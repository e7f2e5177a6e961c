"""/healthz answers without signing in: 200 with each check "ok", 503 naming what is wrong."""

import time

import pytest
from django.core.cache import cache
from django.db import DatabaseError

from fazhi.jobs import progress
from fazhi.web import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def worker_running():
    progress.beat()
    yield
    cache.delete(progress.HEARTBEAT_KEY)


def test_a_healthy_server_answers_ok_without_a_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "worker": "ok"},
    }


def test_no_worker_is_a_503_naming_the_command(client):
    cache.delete(progress.HEARTBEAT_KEY)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == "后台任务服务（fazhi db_worker）未运行"


def test_a_stale_heartbeat_is_a_503(client, settings):
    cache.set(progress.HEARTBEAT_KEY, time.time() - settings.FAZHI_WORKER_STALE_SECONDS - 30)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "秒没有响应" in response.json()["checks"]["worker"]
    assert "no-cache" in response["Cache-Control"]


def test_an_unreachable_database_is_a_503_saying_so(client, monkeypatch):
    def broken_cursor():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "数据库无法连接"


def test_unapplied_migrations_are_a_503_naming_the_command(client, monkeypatch):
    monkeypatch.setattr(health, "_migrated", set())  # as a server that has not yet found them applied
    monkeypatch.setattr(health.MigrationExecutor, "migration_plan", lambda self, targets: ["one", "two"])
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "有 2 个数据库迁移未执行（请运行 fazhi migrate）"
    assert client.get("/healthz").json()["checks"]["migrations"] != "ok"  # looked at again until migrated


def test_a_migrated_database_is_not_read_for_migrations_again(client, monkeypatch):
    monkeypatch.setattr(health, "_migrated", set())
    built = []
    real = health.MigrationExecutor
    monkeypatch.setattr(health, "MigrationExecutor", lambda connection: built.append(1) or real(connection))
    for _ in range(3):
        assert client.get("/healthz").json()["checks"]["migrations"] == "ok"
    assert len(built) == 1


def test_only_get(client):
    assert client.post("/healthz").status_code == 405
