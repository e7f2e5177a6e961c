"""The ledger kit's batch writer: numbered records, their child rows linked, one import entry, all or
nothing; and the case import that now goes through it."""

import datetime
import io

import pytest
from django.db import IntegrityError

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes.models import Dispute, DisputeType, Party
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.excel import export, parse
from fazhi.litigation.columns import CASE_SHEET
from fazhi.litigation.importing import import_cases
from fazhi.litigation.models import ANSWERED, CONCLUDED, RECEIVED, Case, reply_due
from tests.litigation.litigation_fixtures import new_case

pytestmark = pytest.mark.django_db
D = datetime.date


def _dispute(org, day, summary="漏水"):
    return Dispute(
        org=org, received_by=org, channel="visit", received_on=day, summary=summary,
        dispute_type=DisputeType.objects.get(name="邻里"), persons_involved=2,
    )  # fmt: skip


def test_one_entry_numbers_and_linked_children(tree, person):
    actor = person("med_a", "handler", tree["a-tw"])
    records = [_dispute(tree["a-tw"], D(2024, 3, 2)), _dispute(tree["a-tw"], D(2024, 3, 1))]
    children = [[Party(name="张三"), Party(name="李四", role="respondent")], [Party(name="王五")]]
    saved = insert_batch(
        actor,
        Dispute,
        records,
        children,
        "台账.xlsx",
        owner=lambda d: d.received_by,
        day=lambda d: d.received_on,
    )
    assert [d.number for d in saved] == ["甲街调〔2024〕0002号", "甲街调〔2024〕0001号"]
    assert all(d.status == Dispute.STATES.initial and d.created_by == actor for d in saved)
    assert sorted(Party.objects.values_list("dispute__number", "name")) == [
        ("甲街调〔2024〕0001号", "王五"),
        ("甲街调〔2024〕0002号", "张三"),
        ("甲街调〔2024〕0002号", "李四"),
    ]
    [entry] = AuditEntry.objects.filter(action=Action.IMPORT)
    assert entry.actor == actor and entry.target_type == "disputes.dispute"
    assert (
        entry.target_repr == "台账.xlsx：导入2件"
        and "编号甲街调〔2024〕0002号至甲街调〔2024〕0001号" in str(entry.changes)
    )


def test_a_failing_batch_leaves_nothing(tree, person):
    actor = person("med_a", "handler", tree["a-tw"])
    records = [_dispute(tree["a-tw"], D(2024, 3, 1)), _dispute(tree["a-tw"], D(2024, 3, 1))]
    children = [[Party(name="张三")], [Party(name=None)]]  # the second party cannot be stored
    with pytest.raises(IntegrityError):
        insert_batch(
            actor, Dispute, records, children, "x", owner=lambda d: d.org, day=lambda d: d.received_on
        )
    assert not Dispute.objects.exists() and not AuditEntry.objects.filter(action=Action.IMPORT).exists()


def _case_rows(*changes):
    """Rows as one parsed file: a good case changed by each of ``changes`` (sheet rows 2, 3 …)."""
    row = {"kind": "administrative", "org": "甲街道", "court": "测试区人民法院", "disputed_act": "拆除决定",
           "party": "张三", "party_phone": "13812345678", "copy_received_on": D(2024, 9, 2)}  # fmt: skip
    content = export(CASE_SHEET, [row | change for change in changes])
    parsed = parse(CASE_SHEET, io.BytesIO(content))
    assert parsed.ok, parsed.summary()
    return parsed.rows


def test_an_imported_case_is_what_the_services_would_have_made(tree, person):
    actor = person("legal_a", "legal", tree["a"])
    earlier = new_case(actor, tree["a"], received_on=D(2024, 8, 1))
    rows = _case_rows(
        {},
        {"replied_on": D(2024, 9, 20), "copy_received_on": D(2024, 9, 3)},
        {"replied_on": D(2024, 9, 20), "held_on": D(2024, 10, 8), "head_appeared": True, "appeared_by": "副主任",
         "outcome": "upheld", "concluded_on": D(2024, 11, 1)},
    )  # fmt: skip
    result = import_cases(actor, rows)
    assert result.ok, result.errors
    open_, answered, concluded = result.created
    due = reply_due("administrative", D(2024, 9, 2))
    assert (open_.status, open_.reply_due, open_.due_date) == (RECEIVED, due, due)
    assert (answered.status, answered.due_date) == (ANSWERED, None)
    assert (concluded.status, concluded.outcome, concluded.due_date) == (CONCLUDED, "upheld", None)
    assert earlier.number.endswith("0001号") and open_.number.endswith("0002号")
    assert concluded.hearings.get().appeared_by == "副主任"
    assert [d.kind for d in concluded.documents.all()] == ["complaint"]
    assert open_.parties.get().phone == "13812345678" and open_.created_by == actor
    assert AuditEntry.objects.filter(action=Action.IMPORT, target_type="litigation.case").count() == 1


def test_every_bad_case_row_is_reported_and_nothing_written(tree, person):
    actor = person("legal_a", "legal", tree["a"])
    future = datetime.date.today() + datetime.timedelta(days=3)
    rows = _case_rows(
        {},
        {"head_appeared": True, "held_on": D(2024, 10, 8)},  # who appeared is missing
        {"concluded_on": future, "outcome": "upheld"},
        {"org": "乙街道"},  # another street: not writable
    )
    result = import_cases(actor, rows)
    assert not result.ok and not Case.objects.exists()
    assert {(e.row, e.column) for e in result.errors} == {(3, "出庭人员"), (4, "结案日期"), (5, "责任单位")}


def test_the_fast_writer_stores_what_bulk_create_stores(tree):
    """insert_rows (COPY on PostgreSQL, VALUES elsewhere, plain values taken as they are) writes every column
    as Django's own bulk_create does: encrypted personal data and its digests, dates, decimals, empty values;
    and a record saved after it gets the next key of the table's sequence."""
    from decimal import Decimal

    from fazhi.ledger.bulk_insert import insert_rows

    def batch(summary):
        made = [
            _dispute(tree["a-tw"], D(2024, 3, 1), summary),
            _dispute(tree["a-tw"], D(2024, 5, 9), summary),
        ]
        made[0].amount_involved, made[1].concluded_on = Decimal("1234.50"), D(2024, 5, 20)
        for seq, d in enumerate(made):
            d.number = f"{summary}{seq}"
        return made

    fast, slow = insert_rows(Dispute, batch("快")), Dispute.objects.bulk_create(batch("慢"))
    assert all(d.pk for d in fast) and len({d.pk for d in fast + slow}) == 4
    skip = {"id", "summary", "number", "created_at", "updated_at"}

    def stored(rows):
        return [{k: v for k, v in row.items() if k not in skip} for row in Dispute.objects.filter(
            pk__in=[d.pk for d in rows]).order_by("pk").values()]  # fmt: skip

    assert stored(fast) == stored(slow)
    people = [Party(name="张三", id_number="110101199003074514", phone="13812345678"), Party(name="李四")]
    for party, parent in zip(people, fast, strict=True):
        party.dispute_id = parent.pk
    [with_numbers, plain] = insert_rows(Party, people)
    again = Party.objects.get(pk=with_numbers.pk)
    assert (again.id_number, again.phone) == ("110101199003074514", "13812345678")
    assert Party.objects.filter(phone_digest=again.phone_digest).count() == 1 and again.phone_masked
    assert Party.objects.get(pk=plain.pk).phone == ""
    later = _dispute(tree["a-tw"], D(2024, 6, 1))
    later.save()
    assert later.pk > max(d.pk for d in fast + slow)
