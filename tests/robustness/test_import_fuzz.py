"""Hostile Excel files through the whole dispute import: random cell text in every column goes through
parse and the import service; the answer is always all rows written or none, with reasons, never a crash."""

import io
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from fazhi.disputes.columns import dispute_sheet
from fazhi.disputes.importing import import_disputes
from fazhi.disputes.models import Dispute
from fazhi.ledger.excel import parse

CELL = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),  # what a cell can hold
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        ["2025-06-03", "2025年6月3日", "a-tw", "邻里", "来访", "11010519491231002X", "13812345678", "是"]
    ),
)


def workbook(headers, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def mediator(tree, person):
    return person("fuzz", "handler", tree["a-tw"])


VALID = {
    "受理日期": "2025-06-03",
    "来源渠道": "来访",
    "纠纷类型": "邻里",
    "承办单位": "a-tw",
    "申请人": "张三",
    "纠纷简况": "漏水",
}
# Cells that parse and that only the import service refuses: a unit outside the person's scope or
# unknown, a date far in the future or before 2000, a concluded date without a concluded status.
REFUSED_AFTER_PARSING = st.sampled_from(
    [
        ("承办单位", "b-tw"),
        ("承办单位", "乙街道调委会"),
        ("承办单位", "无此单位"),
        ("受理日期", "2099-01-01"),
        ("受理日期", "1999-12-31"),
        ("办结日期", "2025-06-04"),
    ]
)


def test_random_files_import_whole_or_not_at_all(mediator):
    headers = [column.header for column in dispute_sheet().columns]
    valid_row = [VALID.get(h) for h in headers]
    random_row = st.lists(CELL, min_size=len(headers), max_size=len(headers))
    # Mostly valid rows with one hostile cell reach the import service's own checks.
    one_bad_cell = st.tuples(st.sampled_from(headers), CELL).map(
        lambda bad: [bad[1] if h == bad[0] else VALID.get(h) for h in headers]
    )
    # Valid rows with one row the service refuses: the all-or-nothing branch must leave nothing.
    refused_row = REFUSED_AFTER_PARSING.map(
        lambda bad: [bad[1] if h == bad[0] else VALID.get(h) for h in headers]
    )
    bad_but_parseable = st.tuples(st.integers(0, 3), refused_row, st.integers(0, 3)).map(
        lambda parts: [valid_row] * parts[0] + [parts[1]] + [valid_row] * parts[2]
    )
    reached = Counter()

    @settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        kind, rows = data.draw(
            st.one_of(
                st.tuples(st.just("hostile"), st.lists(st.one_of(random_row, one_bad_cell), max_size=4)),
                st.tuples(st.just("bad_but_parseable"), bad_but_parseable),
                st.tuples(st.just("valid"), st.lists(st.just(valid_row), min_size=1, max_size=3)),
            )
        )
        before = Dispute.objects.count()
        parsed = parse(dispute_sheet(), io.BytesIO(workbook(headers, rows)))
        if kind == "bad_but_parseable":
            # Parsed whole, refused whole by the import service: the all-or-nothing branch.
            assert parsed.ok, parsed.summary()
            result = import_disputes(mediator, parsed.rows)
            assert not result.ok and Dispute.objects.count() == before, result.errors
            reached["refused_after_parsing"] += 1
            return
        if kind == "valid":
            assert parsed.ok and import_disputes(mediator, parsed.rows).ok
            reached["written"] += 1
            Dispute.objects.all().delete()
            return
        if not parsed.ok:
            assert parsed.errors and all(error.message for error in parsed.errors)
            reached["refused_by_parse"] += 1
            return
        result = import_disputes(mediator, parsed.rows)
        written = Dispute.objects.count() - before
        if result.ok:
            assert written == len(parsed.rows)
            reached["written"] += 1
        else:
            assert written == 0
            assert all(error.message for error in result.errors)
            reached["refused_after_parsing" if len(parsed.rows) == 1 else "refused_with_valid_rows"] += 1
        Dispute.objects.all().delete()

    run()
    # The property is only worth something if every branch ran.
    assert reached["refused_by_parse"] and reached["written"] and reached["refused_after_parsing"] >= 5, (
        reached
    )
