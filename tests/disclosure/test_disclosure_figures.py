"""Figures of 政务公开: table 四 counts the linked cases by their result, and the on-time rate counts the late
replies (the demo's tables, postings and report paragraph: tests/demo/disclosure_checks.py)."""

import datetime

import pytest

from fazhi.disclosure import services
from fazhi.figures import registry
from fazhi.orgs.models import Organisation
from tests.disclosure.disclosure_fixtures import new_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


def year_value(code, orgs, year):
    return registry.get(code).compute(orgs, D(year, 1, 1), D(year, 12, 31))


def test_table_four_counts_linked_cases_by_result(tree, person):
    from fazhi.litigation import services as litigation

    clerk = person("gk", "petition", tree["a"])
    writer = person("lit", "office", tree["a"])
    r = new_request(clerk, tree["a"], received_on=D(2026, 3, 2))
    r = services.reply(clerk, r, r.version, replied_on=D(2026, 3, 20), outcome="withheld_process")

    def case(kind, outcome=None):
        c = litigation.register_case(
            writer, org=tree["a"], kind=kind, court="测试区人民政府", disputed_act="政府信息公开申请答复",
            copy_received_on=D(2026, 4, 1), parties=[litigation.PartyData(name="张三")],
        )  # fmt: skip
        if outcome:
            c = litigation.conclude(writer, c, c.version, outcome=outcome, concluded_on=D(2026, 6, 1))
        return c

    nonlocal_r = r
    for c in (case("reconsideration", "upheld"), case("administrative", "lost"), case("administrative")):
        nonlocal_r = services.link_case(clerk, nonlocal_r, nonlocal_r.version, case=c)
    orgs = Organisation.objects.subtree_of([tree["a"]])
    assert year_value("disclosure.cases.reconsideration.upheld", orgs, 2026) == 1
    assert year_value("disclosure.cases.after_reconsideration.corrected", orgs, 2026) == 1
    assert year_value("disclosure.cases.after_reconsideration.pending", orgs, 2026) == 1
    assert year_value("disclosure.cases.direct", orgs, 2026) == 0
    assert year_value("disclosure.reconsideration", orgs, 2026) == 1
    assert year_value("disclosure.litigation", orgs, 2026) == 2
    assert year_value("disclosure.replied.withheld", orgs, 2026) == 1
    assert year_value("disclosure.replied.withheld_process", orgs, 2026) == 1


def test_on_time_rate_counts_late_replies(tree, person):
    clerk = person("gk", "petition", tree["a"])
    late = new_request(clerk, tree["a"], received_on=D(2026, 5, 4))
    services.reply(clerk, late, late.version, replied_on=D(2026, 7, 14), outcome="public")
    on_time = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    services.reply(clerk, on_time, on_time.version, replied_on=D(2026, 7, 10), outcome="public")
    orgs = Organisation.objects.subtree_of([tree["a"]])
    assert year_value("disclosure.replied_late", orgs, 2026) == 1
    assert year_value("disclosure.on_time_rate", orgs, 2026) == 50
