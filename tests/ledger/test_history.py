"""A record's history in the office's words: a business timeline by day, the audit trail folded below."""

import datetime

import pytest

from fazhi.disputes import services
from fazhi.disputes.models import Dispute
from fazhi.disputes.timeline import timeline
from fazhi.ledger.history import EMPTY, FIRST, LAST, Event, audit_events, business_timeline, change_lines
from tests.disputes.dispute_fixtures import new_dispute
from tests.litigation.litigation_fixtures import new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


def test_a_new_case_reads_as_labels_and_names(tree, person):
    office = person("office_a", "office", tree["a"])
    case = new_case(office, tree["a-tw"], kind="civil")
    created = audit_events(case)[0]
    assert created.title == "新建" and created.who
    assert "承办单位：甲街道调委会" in created.lines  # the unit's name, not its id
    assert "案件类别：民事诉讼" in created.lines  # the choice's label, not "civil"
    assert not [line for line in created.lines if EMPTY in line]  # nothing reads as a change from （空）


def test_values_are_written_in_chinese_and_empty_news_is_dropped():
    lines = change_lines(
        Dispute,
        {
            "is_group": [None, False],  # unticked at creation: no news
            "summary": [None, ""],
            "received_on": ["2024-03-05", "2024-03-06"],
            "status": ["received", "success"],
            "原因": [None, "录入2027年节假日安排"],
        },
    )
    assert lines == [
        "受理日期：2024年3月5日 → 2024年3月6日",
        "状态：已受理 → 调解成功",
        "原因：录入2027年节假日安排",  # a value given where there was none reads as a statement
    ]
    assert change_lines(Dispute, {"is_group": [False, True]}) == ["群体性纠纷：否 → 是"]


def test_the_timeline_orders_by_day_then_by_the_course_of_a_matter():
    tz = datetime.UTC
    events = business_timeline(
        [
            Event(D(2024, 3, 5), "concluded", "办结", order=LAST),
            Event(D(2024, 3, 5), "session", "调解", at=None),
            Event(D(2024, 3, 5), "received", "受理", order=FIRST),
            Event(D(2024, 3, 1), "x", "更早", at=datetime.datetime(2024, 3, 1, 23, tzinfo=tz)),
        ]
    )
    assert [e.title for e in events] == ["更早", "受理", "调解", "办结"]


def test_a_dispute_concluded_the_day_it_was_received_reads_in_order(tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    day = D(2024, 3, 5)
    dispute = new_dispute(mediator, tree["a-tw"], received_on=day)
    dispute = services.add_session(
        mediator, dispute, dispute.version, held_on=day, place="室", mediators="甲", notes="谈"
    )
    services.conclude_success(mediator, dispute, dispute.version, concluded_on=day, agreement_text="赔偿")
    titles = [e.title for e in timeline(Dispute.objects.get())]
    assert titles == ["受理：甲街道调委会", "调解", "办结：调解成功"]
    assert all(e.day == day for e in timeline(Dispute.objects.get()))
