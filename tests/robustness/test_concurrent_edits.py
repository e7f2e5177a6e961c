"""Two people save the same dispute from the same version: the first wins, the second is told in Chinese
(API 409 in the error format; the web form keeps their input), and nothing of the winner is lost."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client

from fazhi.audit.models import AuditEntry
from fazhi.disputes import services
from fazhi.disputes.models import Dispute, DisputeType
from fazhi.errors import StaleEdit
from tests.robustness.conftest import TODAY

CJK = re.compile(r"[\u4e00-\u9fff]")


def _dispute(actor, org):
    return services.intake(
        actor,
        org=org,
        channel="visit",
        received_on=TODAY,
        dispute_type=DisputeType.objects.get(name="邻里"),
        summary="原始简况",
        persons_involved=2,
        parties=[services.PartyData(name="张三"), services.PartyData(name="李四", role="respondent")],
    )


@pytest.fixture
def two_handlers(tree, person):
    return person("first", "handler", tree["a-tw"]), person("second", "handler", tree["a-tw"])


def _audited_summaries(dispute) -> list[str]:
    entries = AuditEntry.objects.filter(target_id=str(dispute.pk), target_type__icontains="dispute")
    return [str(e.changes) for e in entries.order_by("seq")]


@pytest.mark.django_db
def test_api_second_save_gets_409_and_first_is_kept(tree, two_handlers):
    first = two_handlers[0]
    dispute = _dispute(first, tree["a-tw"])
    clients = []
    for user in two_handlers:
        client = Client()
        client.force_login(user)
        clients.append(client)
    url = f"/api/disputes/{dispute.pk}/"
    seen = [c.get(url).json()["version"] for c in clients]
    assert seen[0] == seen[1] == dispute.version

    won = clients[0].patch(url, {"version": seen[0], "summary": "甲的修改"}, content_type="application/json")
    lost = clients[1].patch(url, {"version": seen[1], "summary": "乙的修改"}, content_type="application/json")

    assert won.status_code == 200, won.content.decode()
    assert lost.status_code == 409, lost.content.decode()
    error = lost.json()["error"]
    assert error["code"] == "stale_edit" and set(error) == {"code", "message", "fields"}
    assert CJK.search(error["message"]) and "刷新" in error["message"]
    fresh = Dispute.objects.get(pk=dispute.pk)
    assert fresh.summary == "甲的修改" and fresh.version == dispute.version + 1
    trail = _audited_summaries(dispute)
    assert any("甲的修改" in entry for entry in trail), trail
    assert not any("乙的修改" in entry for entry in trail), trail


def _form_data(dispute, version, summary) -> dict:
    return {
        "version": version,
        "received_on": dispute.received_on.isoformat(),
        "channel": dispute.channel,
        "external_number": "",
        "dispute_type": dispute.dispute_type_id,
        "summary": summary,
        "persons_involved": dispute.persons_involved,
        "amount_involved": "0",
    }


@pytest.mark.django_db
def test_web_form_second_save_is_refused_and_keeps_the_input(tree, two_handlers):
    first = two_handlers[0]
    dispute = _dispute(first, tree["a-tw"])
    url = f"/disputes/{dispute.pk}/edit/"
    clients = []
    for user in two_handlers:
        client = Client()
        client.force_login(user)
        page = client.get(url)
        assert page.status_code == 200 and f'value="{dispute.version}"' in page.content.decode()
        clients.append(client)

    won = clients[0].post(url, _form_data(dispute, dispute.version, "甲在网页上的修改"))
    lost = clients[1].post(url, _form_data(dispute, dispute.version, "乙在网页上写了很长的一段说明"))

    assert won.status_code == 302
    assert lost.status_code == 200
    page = lost.content.decode()
    assert "保存失败" in page and "刷新" in page
    assert "乙在网页上写了很长的一段说明" in page  # the loser's input is still in the form
    fresh = Dispute.objects.get(pk=dispute.pk)
    assert fresh.summary == "甲在网页上的修改"
    assert any("甲在网页上的修改" in entry for entry in _audited_summaries(dispute))


@pytest.mark.django_db(transaction=True)
def test_threads_saving_at_once_exactly_one_wins(tree, two_handlers):
    if connection.vendor != "postgresql":
        pytest.skip("真正的并发写须在 PostgreSQL 上验证（SQLite 一次只允许一个写事务）")
    dispute = _dispute(two_handlers[0], tree["a-tw"])
    barrier = threading.Barrier(len(two_handlers))
    outcomes: list[str] = []
    lock = threading.Lock()

    def save(user, text):
        try:
            loaded = Dispute.objects.get(pk=dispute.pk)
            barrier.wait()
            services.update_details(user, loaded, loaded.version, summary=text)
            result = "won"
        except StaleEdit:
            result = "stale"
        except Exception as exc:  # collected and asserted below
            result = repr(exc)
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=save, args=(user, f"{user.username}的修改")) for user in two_handlers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["stale", "won"], outcomes
    fresh = Dispute.objects.get(pk=dispute.pk)
    assert fresh.version == dispute.version + 1
    assert fresh.summary in ("first的修改", "second的修改")
    assert any(fresh.summary in entry for entry in _audited_summaries(dispute))
