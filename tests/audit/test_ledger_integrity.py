"""audit_verify compares each ledger row with its last audited state: edits, insertions and deletions made
behind the application are found; what the trail cannot vouch for is said, not flagged."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from fazhi.disputes import services
from fazhi.disputes.models import Dispute, DisputeType
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.integrity import check_ledgers


def raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def handler(tree, person):
    return person("tiaojie", "handler", tree["a-tw"])


def intake(handler, tree, summary="楼上漏水引发邻里纠纷"):
    return services.intake(
        handler,
        org=tree["a-tw"],
        channel="visit",
        received_on=datetime.date(2024, 3, 5),
        dispute_type=DisputeType.objects.get(name="邻里"),
        summary=summary,
        persons_involved=2,
        parties=[services.PartyData(name="张三", phone="13812345678")],
    )


def verify_output():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit_verify", stdout=out, stderr=err)
    except CommandError:
        return False, out.getvalue() + err.getvalue()
    return True, out.getvalue()


def test_records_changed_through_the_application_verify(tree, handler):
    dispute = intake(handler, tree)
    dispute = services.update_details(handler, dispute, dispute.version, summary="改为楼下漏水")
    intake(handler, tree, summary="第二件")
    assert check_ledgers().problems == []
    ok, text = verify_output()
    assert ok, text
    assert "（已加密）" in text  # what cannot be compared is said


def test_an_edited_row_is_found(tree, handler):
    dispute = intake(handler, tree)
    raw("UPDATE disputes_dispute SET summary = %s, persons_involved = 9 WHERE id = %s", ["篡改", dispute.pk])
    ok, text = verify_output()
    assert not ok
    assert dispute.number in text and "persons_involved" in text and "summary" in text
    assert "被绕过系统修改" in text


def test_a_row_edited_back_after_a_legitimate_change_is_found(tree, handler):
    dispute = intake(handler, tree)
    services.update_details(handler, dispute, dispute.version, summary="正式修改")
    raw("UPDATE disputes_dispute SET summary = %s WHERE id = %s", ["楼上漏水引发邻里纠纷", dispute.pk])
    assert any("summary" in p for p in check_ledgers().problems)


def test_a_deleted_row_is_found(tree, handler):
    dispute = intake(handler, tree)
    raw("DELETE FROM disputes_party WHERE dispute_id = %s", [dispute.pk])
    raw("DELETE FROM disputes_dispute_assisting_units WHERE dispute_id = %s", [dispute.pk])
    raw("DELETE FROM disputes_dispute WHERE id = %s", [dispute.pk])
    problems = check_ledgers().problems
    assert any(f"#{dispute.pk}" in p and "没有删除记录" in p for p in problems)


def test_a_row_inserted_behind_the_application_is_found(tree, handler):
    intake(handler, tree)
    forged = Dispute.objects.get()
    forged.pk, forged.number = None, "伪造〔2024〕0001号"
    forged.save(force_insert=True)
    problems = check_ledgers().problems
    assert any("伪造〔2024〕0001号" in p and "没有任何审计记录" in p for p in problems)


def test_a_bulk_import_is_compared_by_count(tree, handler):
    template = intake(handler, tree)
    copies = []
    for i in range(3):
        copy = Dispute.objects.get(pk=template.pk)
        copy.pk, copy.number, copy.summary = None, "", f"导入{i}"
        copies.append(copy)
    insert_batch(
        handler, Dispute, copies, source="测试.xlsx", owner=lambda d: d.org, day=lambda d: d.received_on
    )
    report = check_ledgers()
    assert report.problems == []
    assert any("3 件为批量导入" in n for n in report.notes)
    # One more row than the imports account for is no longer explained by them.
    extra = Dispute.objects.get(pk=template.pk)
    extra.pk, extra.number = None, "伪造〔2024〕0002号"
    extra.save(force_insert=True)
    assert any("没有任何审计记录" in p for p in check_ledgers().problems)


def test_skip_ledgers_checks_the_chain_only(tree, handler):
    dispute = intake(handler, tree)
    raw("UPDATE disputes_dispute SET summary = %s WHERE id = %s", ["篡改", dispute.pk])
    call_command("audit_verify", skip_ledgers=True, stdout=io.StringIO())
