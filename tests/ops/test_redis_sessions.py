"""With FAZHI_REDIS_URL, sessions and the cache live in Redis (shared by several web servers) and the
sessions are still written to the database (the cache-only engine is used once below, to show
that Redis alone carries a session from one server to the next), so a Redis restart signs nobody out. Runs against the Redis
on 127.0.0.1 (FAZHI_TEST_REDIS_URL), database 15 which it empties."""

import os
import subprocess
import sys

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from tests.conftest import unavailable

REDIS_URL = os.environ.get("FAZHI_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "t",
    }
}


@pytest.fixture
def redis_server():
    import redis

    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        unavailable(f"Redis 未运行（{REDIS_URL}）：Redis 会话与缓存的测试无法运行。")
    server.flushdb()
    yield server
    server.flushdb()


def test_the_setting_switches_sessions_and_cache_to_redis():
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from fazhi import settings as s; print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE)",
        ],
        capture_output=True,
        text=True,
        env=os.environ | {"FAZHI_REDIS_URL": REDIS_URL},
        check=True,
    ).stdout.split()
    assert shown == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
    ]


@pytest.mark.django_db
def test_signed_in_through_redis_and_still_signed_in_after_a_redis_restart(redis_server, person, tree):
    user = person("redis-user", "handler", tree["a-tw"])
    with override_settings(CACHES=REDIS, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"):
        client = Client()
        client.force_login(user)
        assert client.get("/").status_code == 200
        assert any(b"django.contrib.sessions.cached_db" in key for key in redis_server.keys("*"))
        redis_server.flushdb()  # Redis restarted with nothing kept
        assert client.get("/").status_code == 200
        assert redis_server.keys("*"), "the session is cached in Redis again"
        caches.close_all()


@pytest.mark.django_db
def test_redis_is_where_the_session_lives(redis_server, person, tree):
    """Cache-only sessions: what another web server reads is what Redis holds, nothing process-local."""
    user = person("redis-user2", "handler", tree["a-tw"])
    with override_settings(CACHES=REDIS, SESSION_ENGINE="django.contrib.sessions.backends.cache"):
        client = Client()
        client.force_login(user)
        key = client.session.session_key
        assert [k for k in redis_server.keys("*") if key.encode() in k]
        assert client.get("/").wsgi_request.user == user
        redis_server.flushdb()
        assert client.get("/").status_code == 302  # signed out: the session was only in Redis
        caches.close_all()
