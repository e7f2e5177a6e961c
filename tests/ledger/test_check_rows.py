"""The kit's import loop (fazhi.ledger.importing.check_rows): every bad cell of every row named in one
answer, the kit's date rule on what a row built, and nothing written while any row is bad."""

import datetime

import pytest

from fazhi.ledger.excel import CellError
from fazhi.ledger.importing import check_rows
from tests.conftest import TODAY
from tests.kit_ledger.columns import notice_sheet
from tests.kit_ledger.importing import import_rows
from tests.kit_ledger.models import Notice

TOO_EARLY = datetime.date(1999, 12, 31)  # before the kit's earliest plausible date, 2000-01-01


def check(row):
    """A ledger's check in small: the row's own problems, and a notice when the row can be built."""
    problems = [(column, "坏") for column in row.get("bad", ())]
    if row.get("unbuildable"):
        return problems, None
    return problems, (Notice(title=row["title"], issued_on=row["issued_on"]), "其余部分")


def test_every_bad_cell_of_every_row_in_row_order_with_the_date_rule_on_what_was_built():
    rows = [
        {"_row": 2, "bad": ["承办单位", "事项名称"], "unbuildable": True},
        {"_row": 3, "title": "好", "issued_on": TODAY},
        {"_row": 4, "title": "日期不对", "issued_on": TOO_EARLY},
        {"_row": 5, "bad": ["事项名称"], "title": "两样都不对", "issued_on": TOO_EARLY},
    ]

    built, errors = check_rows(rows, notice_sheet(), check, dated=lambda pair: [pair[0]])

    assert [(e.row, e.column) for e in errors] == [
        (2, "承办单位"),  # a bad unit does not hide the row's other bad cells
        (2, "事项名称"),
        (4, "交办日期"),  # the date rule, under the sheet's column title
        (5, "事项名称"),  # the row's own problems before its dates
        (5, "交办日期"),
    ]
    assert all(isinstance(e, CellError) for e in errors)
    assert "不能早于2000年1月1日" in errors[2].message
    assert [notice.title for notice, _ in built] == ["好", "日期不对", "两样都不对"]


def test_a_row_without_a_number_is_named_row_0_and_a_clean_file_has_no_errors():
    built, errors = check_rows(
        [{"title": "好", "issued_on": TODAY}], notice_sheet(), check, dated=lambda p: [p[0]]
    )
    assert errors == [] and len(built) == 1
    _, errors = check_rows([{"bad": ["事项名称"], "unbuildable": True}], notice_sheet(), check)
    assert errors == [CellError(0, "事项名称", "坏")]


@pytest.mark.django_db
@pytest.mark.usefixtures("pinned_clock")
def test_a_ledger_on_it_writes_nothing_while_any_row_is_bad(tree, person):
    office = person("office_a", "office", tree["a"])
    rows = [
        {"_row": 2, "org": "a", "title": "好", "issued_on": TODAY},
        {"_row": 3, "org": "no-such-unit", "title": "单位不对", "issued_on": TODAY},
        {"_row": 4, "org": "a-sq", "title": "日期不对", "issued_on": TOO_EARLY},
    ]

    result = import_rows(office, rows)

    assert not result.ok and result.created == []
    assert [(e.row, e.column) for e in result.errors] == [(3, "承办单位"), (4, "交办日期")]
    assert not Notice.objects.exists()

    assert import_rows(office, [rows[0]]).ok and Notice.objects.get().title == "好"
