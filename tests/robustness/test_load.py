"""Load on loopback: many clients register and read disputes at once; nothing is lost.

Short in CI, on PostgreSQL (FAZHI_LOAD_SECONDS, FAZHI_LOAD_CLIENTS); `make soak` runs 60 seconds ×
50 clients, on a SQLite file unless DATABASE_URL points at PostgreSQL.
"""

import json
import os
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.db import connection

from fazhi.audit.chain import verify
from fazhi.disputes.models import Dispute
from fazhi.ledger.numbering import format_number
from tests.conftest import PASSWORD

SECONDS = float(os.environ.get("FAZHI_LOAD_SECONDS", "4"))
CLIENTS = int(os.environ.get("FAZHI_LOAD_CLIENTS", "8"))
DAY = "2025-06-03"  # inside the years the holiday calendar knows, whatever today is

pytestmark = pytest.mark.django_db(transaction=True)


def call(base, path, token, body=None):
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST" if body is not None else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def test_concurrent_clients_lose_nothing(live_server, tree, person):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(
            "SQLite 内存测试库整表加锁，不代表产品：负载测试在 PostgreSQL 上运行，或设 FAZHI_SQLITE_TEST_FILE（make soak 会设）"
        )
    person("mediator", "handler", tree["a-tw"])
    status, body = call(
        live_server.url, "/api/auth/token/", "", {"username": "mediator", "password": PASSWORD}
    )
    assert status == 200, body
    token = body["token"]
    created: list[str] = []
    problems: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def client(index):
        n = 0
        while time.monotonic() < deadline:
            n += 1
            payload = {
                "org": "a-tw",
                "received_on": DAY,
                "dispute_type": "邻里",
                "summary": f"压力测试 客户{index} 第{n}件",
                "parties": [{"name": f"当事人{index}-{n}"}],
            }
            status, body = call(live_server.url, "/api/disputes/", token, payload)
            with lock:
                if status == 201:
                    created.append(body["number"])
                else:
                    problems.append(f"create {status}: {body}")
            status, body = call(live_server.url, "/api/disputes/?page_size=20", token)
            if status != 200:
                with lock:
                    problems.append(f"list {status}: {body}")

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert problems == []
    assert created, "no request went through"
    stored = set(Dispute.objects.values_list("number", flat=True))
    assert stored == set(created), "a dispute answered 201 is missing, or one was stored twice"
    year = int(DAY[:4])
    assert stored == {
        format_number(tree["a-tw"].short_name, "调", year, n) for n in range(1, len(created) + 1)
    }
    assert verify() == []
