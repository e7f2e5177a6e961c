"""A record id a form or link sends that is no id at all ("abc", "²", a number too long for a key) is answered
like an id the view does not know — never with an error page (the QA pass of 2026-12-02 found two 500s; the
report outline's are tested in tests/reports/test_report_posted_ids.py)."""

import pytest

from fazhi.ids import record_id

NOT_IDS = ["abc", "²", "-1", "1.5", "9" * 30, " "]


def test_record_id_takes_plain_digits_only():
    assert record_id("42") == 42 and record_id(" 7 ") == 7
    assert [record_id(value) for value in [*NOT_IDS, None, 42]] == [None] * (len(NOT_IDS) + 2)


@pytest.mark.parametrize("value", NOT_IDS)
def test_revoking_and_carrying_over_ignore_what_is_no_id(client, tree, person, value):
    client.force_login(person("zf", "enforcement", tree["a"]))
    assert client.post("/accounts/tokens/", {"revoke": value}).status_code == 404
    assert client.get("/enforcement/new/", {"inspection": value}).status_code == 200
    assert client.get("/enforcement/inspections/new/", {"special_action": value}).status_code == 200
