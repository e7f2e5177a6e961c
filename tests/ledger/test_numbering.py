import datetime
import threading

import pytest
from django.db import connection, transaction

from fazhi.ledger.models import NumberSequence
from fazhi.ledger.numbering import format_number, next_number, number_block


def test_numbers_follow_the_office_style_and_count_per_unit_kind_and_year(tree):
    with transaction.atomic():
        first = next_number(tree["a-tw"], "调", 2024)
        second = next_number(tree["a-tw"], "调", 2024)
        other_year = next_number(tree["a-tw"], "调", 2025)
        other_unit = next_number(tree["b-tw"], "调", 2024)
    assert first == format_number(tree["a-tw"].short_name, "调", 2024, 1) == "甲街调〔2024〕0001号"
    assert second == "甲街调〔2024〕0002号"
    assert other_year == "甲街调〔2025〕0001号"
    assert other_unit == "乙街调〔2024〕0001号"


def test_a_rolled_back_creation_gives_its_number_back(tree):
    with pytest.raises(RuntimeError), transaction.atomic():
        next_number(tree["a-tw"], "调", 2024)
        raise RuntimeError("the record failed to save")
    with transaction.atomic():
        assert next_number(tree["a-tw"], "调", 2024).endswith("0001号")


@pytest.mark.django_db(transaction=True)
def test_a_number_outside_a_transaction_is_refused(tree):
    with pytest.raises(RuntimeError):
        next_number(tree["a-tw"], "调", 2024)


@pytest.mark.django_db(transaction=True)
def test_parallel_numbering_has_no_gap_and_no_duplicate(tree):
    if connection.vendor != "postgresql":
        pytest.skip("并发取号须在 PostgreSQL 上验证（SQLite 只允许一个写事务）")
    workers, per_worker = 8, 25
    taken: list[str] = []
    errors: list[Exception] = []
    lock = threading.Lock()
    org = tree["a-tw"]

    def work():
        try:
            for _ in range(per_worker):
                with transaction.atomic():
                    number = next_number(org, "调", 2024)
                with lock:
                    taken.append(number)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    expected = {format_number(org.short_name, "调", 2024, n) for n in range(1, workers * per_worker + 1)}
    assert len(taken) == workers * per_worker
    assert set(taken) == expected
    assert NumberSequence.objects.get(org=org, kind="调", year=2024).last == workers * per_worker


class _Row:
    def __init__(self, org, day):
        self.org, self.day, self.number = org, day, ""


def test_a_block_continues_each_sequence_in_date_order_without_gaps(tree):
    d = datetime.date
    with transaction.atomic():
        assert next_number(tree["a-tw"], "调", 2024).endswith("0001号")
        rows = [
            _Row(tree["a-tw"], d(2024, 5, 2)),
            _Row(tree["b-tw"], d(2024, 1, 9)),
            _Row(tree["a-tw"], d(2024, 3, 1)),
            _Row(tree["a-tw"], d(2025, 1, 3)),
            _Row(tree["a-tw"], d(2024, 3, 1)),
        ]
        number_block(rows, "调", lambda r: r.org, lambda r: r.day)
        after = next_number(tree["a-tw"], "调", 2024)
    assert [r.number for r in rows] == [
        "甲街调〔2024〕0004号",
        "乙街调〔2024〕0001号",
        "甲街调〔2024〕0002号",  # same day: the order the rows came in
        "甲街调〔2025〕0001号",
        "甲街调〔2024〕0003号",
    ]
    assert after == "甲街调〔2024〕0005号"


def test_a_rolled_back_block_gives_its_numbers_back(tree):
    rows = [_Row(tree["a-tw"], datetime.date(2024, 1, 1)) for _ in range(3)]
    with pytest.raises(RuntimeError), transaction.atomic():
        number_block(rows, "调", lambda r: r.org, lambda r: r.day)
        raise RuntimeError("the batch failed to insert")
    with transaction.atomic():
        assert next_number(tree["a-tw"], "调", 2024).endswith("0001号")


@pytest.mark.django_db(transaction=True)
def test_a_block_outside_a_transaction_is_refused(tree):
    with pytest.raises(RuntimeError):
        number_block([_Row(tree["a-tw"], datetime.date(2024, 1, 1))], "调", lambda r: r.org, lambda r: r.day)
