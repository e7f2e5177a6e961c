import threading

import pytest
from django.db import connection, transaction

from fazhi.ledger.models import NumberSequence
from fazhi.ledger.numbering import format_number, next_number


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
