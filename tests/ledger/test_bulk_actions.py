"""Ticked records on a list: 批量分派 (the record's own action for each, all or nothing), 导出所选 and
打印所选, scoped like every page."""

import io

import openpyxl
import pytest

from fazhi.audit.models import AuditEntry
from fazhi.disputes import services
from fazhi.disputes.models import Dispute
from fazhi.ledger.bulk_actions import ticked_ids
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute


@pytest.fixture
def office(tree, person):
    return person("fzb", "office", tree["a"], full_name="周法治")


@pytest.fixture
def three(office, tree):
    return [new_dispute(office, tree["a-tw"], summary=f"纠纷{i}") for i in range(3)]


def dispatch_all(client, disputes, to_org, **extra):
    data = {"do": "dispatch", "ids": [d.pk for d in disputes], "confirm": "1", "to_org": to_org.pk} | extra
    return client.post("/disputes/bulk/", data)


def test_a_bulk_dispatch_hands_every_ticked_dispute_to_the_unit(client, office, three, tree):
    client.force_login(office)
    form = client.get("/disputes/bulk/", {"do": "dispatch", "ids": [d.pk for d in three]})
    html = form.content.decode()
    assert form.status_code == 200 and "批量分派/委派" in html
    assert all(d.number in html for d in three)
    before = AuditEntry.objects.count()
    response = dispatch_all(client, three, tree["a-sq-tw"], note="统一分派")
    assert response.status_code == 302 and response["Location"] == "/disputes/"
    assert set(Dispute.objects.values_list("org__code", flat=True)) == {"a-sq-tw"}
    assert AuditEntry.objects.count() > before  # each record's own audited transition


def test_one_record_that_cannot_be_dispatched_stops_them_all(client, office, three, tree):
    services.withdraw(office, three[1], three[1].version, concluded_on=TODAY, reason="当事人撤回")
    client.force_login(office)
    response = dispatch_all(client, three, tree["a-sq-tw"])
    html = response.content.decode()
    assert response.status_code == 409
    assert three[1].number in html.split('id="refusals"')[1] and "不能分派/委派" in html
    assert set(Dispute.objects.values_list("org__code", flat=True)) == {"a-tw"}  # nothing saved


def test_another_streets_records_cannot_be_ticked(client, person, three, tree):
    other = person("fzb-b", "office", tree["b"])
    client.force_login(other)
    response = dispatch_all(client, three, tree["b-sq-tw"])
    assert response.status_code == 302
    assert set(Dispute.objects.values_list("org__code", flat=True)) == {"a-tw"}
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("无权处理" in m for m in messages)


def test_no_tick_or_no_choice_is_said_in_chinese(client, office, three):
    client.force_login(office)
    for data in ({"do": "dispatch"}, {"ids": [three[0].pk]}, {"do": "delete", "ids": [three[0].pk]}):
        response = client.get("/disputes/bulk/", data, follow=True)
        assert response.status_code == 200
        assert (
            "请先在列表中勾选" in response.content.decode()
            or "请选择要对勾选记录进行的操作" in response.content.decode()
        )


def test_export_of_the_ticked_records_has_just_those_rows(client, office, three):
    client.force_login(office)
    response = client.get("/disputes/bulk/", {"do": "export", "ids": [three[0].pk, three[2].pk]}, follow=True)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    text = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
    assert three[0].number in text and three[2].number in text and three[1].number not in text


def test_a_malformed_ids_filter_is_refused_by_the_export_and_ignored_by_the_list(client, office, three):
    client.force_login(office)
    export = client.get("/disputes/excel/export/", {"ids": "1,abc"})
    assert export.status_code == 400 and "ids" in export.content.decode()
    api = client.get("/api/disputes/", {"ids": f"{three[0].pk},{three[1].pk}"}).json()
    assert {row["id"] for row in api["results"]} == {three[0].pk, three[1].pk}


def test_printing_the_ticked_records_puts_each_on_its_own_sheet(client, office, three):
    client.force_login(office)
    html = client.get("/disputes/bulk/", {"do": "print", "ids": [d.pk for d in three]}).content.decode()
    assert html.count('class="print-sheet"') == 3 and all(d.number in html for d in three)
    assert html.count("<html") == 1 and 'id="audit-trail"' not in html  # print views: no audit trail
    assert "甲街道调委会" in html


def test_ticked_ids_are_read_however_sent():
    from django.http import QueryDict

    assert ticked_ids(QueryDict("ids=3&ids=5,8&ids=x&ids=3")) == [3, 5, 8]
    assert ticked_ids(QueryDict("")) == []


def test_the_list_page_offers_the_tick_boxes_and_the_bulk_choices(client, office, three):
    client.force_login(office)
    html = client.get("/disputes/").content.decode()
    assert html.count('name="ids"') == 3 and "批量分派/委派" in html and "打印所选" in html
