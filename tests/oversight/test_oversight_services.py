import datetime

import pytest

from fazhi.errors import FazhiError, NotPermitted
from fazhi.oversight import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


def test_suggestion_due_dates(tree, office):
    procuratorate = services.receive_suggestion(
        office, org=tree["a"], kind="procuratorate", issuer="区检察院", received_on=D(2024, 8, 2), content="x"
    )
    assert procuratorate.reply_due == D(2024, 10, 8)  # 2 月 → 2024-10-02, in the holiday → 10-08
    judicial = services.receive_suggestion(
        office, org=tree["a"], kind="judicial", issuer="区法院", received_on=D(2024, 4, 8), content="x"
    )
    # No date in the letter: the rule's two months, 8 June 2024 a Saturday and 10 June 端午节 → Tuesday 11 June.
    assert judicial.reply_due == judicial.due_date == D(2024, 6, 11)
    by_hand = services.receive_suggestion(
        office, org=tree["a"], kind="judicial", issuer="区法院", received_on=D(2024, 4, 8), content="x",
        reply_due=D(2024, 5, 8),
    )  # fmt: skip
    assert by_hand.reply_due == by_hand.due_date == D(2024, 5, 8)
    longer = services.receive_suggestion(
        office, org=tree["a"], kind="judicial", issuer="区法院", received_on=D(2024, 4, 8), content="x",
        reply_due=D(2024, 7, 8),
    )  # fmt: skip
    assert longer.reply_due == D(2024, 7, 8)  # a 司法建议's own date prevails, even a later one
    shorter_only = services.receive_suggestion(
        office, org=tree["a"], kind="procuratorate", issuer="区检察院", received_on=D(2024, 8, 2), content="x",
        reply_due=D(2024, 11, 1),
    )  # fmt: skip
    assert shorter_only.reply_due == D(2024, 10, 8)  # a 检察建议's letter may only shorten the two months
    replied = services.reply_suggestion(
        office, by_hand, by_hand.version, replied_on=D(2024, 5, 9), reply_text="已整改"
    )
    assert replied.status == "replied" and replied.replied_on_time is False
    with pytest.raises(FazhiError, match="回复（整改）情况"):
        services.reply_suggestion(
            office, judicial, judicial.version, replied_on=D(2024, 5, 9), reply_text=" "
        )


def test_reminder_follow_up(tree, office, person):
    reminder = services.issue_reminder(
        office, org=tree["a"], to_unit=tree["a-tw"], issued_on=D(2024, 3, 1), matter="程序不规范",
        follow_up_due=D(2024, 3, 31),
    )  # fmt: skip
    assert reminder.number == "甲督〔2024〕0001号" and reminder.due_date == D(2024, 3, 31)
    assert reminder.deadline_status() == "overdue"
    done = services.record_follow_up(
        office, reminder, reminder.version, followed_on=D(2024, 3, 20), follow_up="已整改"
    )
    assert done.is_closed and done.deadline_status() == "ok"
    with pytest.raises(NotPermitted):
        services.issue_reminder(
            office, org=tree["a"], to_unit=tree["b-tw"], issued_on=D(2024, 3, 1), matter="x"
        )
