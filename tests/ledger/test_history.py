"""The audit trail on a detail page: names instead of ids, choice labels instead of codes, no empty news."""

import pytest

from fazhi.ledger.history import EMPTY, audit_events
from tests.litigation.litigation_fixtures import new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def test_a_new_case_reads_as_labels_and_names(tree, person):
    office = person("office_a", "office", tree["a"])
    case = new_case(office, tree["a-tw"], kind="civil")
    created = audit_events(case)[0]
    assert created.title == "新建" and created.who
    assert f"承办单位：{EMPTY} → 甲街道调委会" in created.lines  # the unit's name, not its id
    assert f"案件类别：{EMPTY} → 民事诉讼" in created.lines  # the choice's label, not "civil"
    assert not [line for line in created.lines if line.endswith(f"{EMPTY} → {EMPTY}")]
