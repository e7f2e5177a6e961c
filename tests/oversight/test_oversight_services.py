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


def _public_interest(office, tree, **extra):
    fields = dict(
        org=tree["a"], kind="procuratorate", issuer="区检察院", received_on=D(2024, 9, 20), content="河道违法倾倒",
        public_interest=True,
    ) | extra  # fmt: skip
    return services.receive_suggestion(office, **fields)


def test_a_public_interest_letter_is_due_in_two_months_or_fifteen_days_when_urgent(tree, office):
    plain = _public_interest(office, tree, received_on=D(2024, 8, 2))
    assert plain.reply_due == D(2024, 10, 8)  # 2 months → 10-02, 国庆 → 10-08
    assert "检察公益诉讼案件适用法律若干问题的解释" in plain.reply_basis and "2个月" in plain.reply_basis
    urgent = _public_interest(office, tree, urgent=True)
    # 15 日 are calendar days from the day after receipt: 10-05, in the 国庆 holiday → Tuesday 8 October
    assert urgent.reply_due == urgent.due_date == D(2024, 10, 8)
    assert "15日" in urgent.reply_basis and "第二十一条第二款" in urgent.reply_basis
    on_a_swapped_saturday = _public_interest(office, tree, urgent=True, received_on=D(2024, 9, 27))
    assert on_a_swapped_saturday.reply_due == D(2024, 10, 12)  # a 调休 working Saturday ends it
    weekend = _public_interest(office, tree, urgent=True, received_on=D(2024, 3, 1))
    assert weekend.reply_due == D(2024, 3, 18)  # Saturday 16 March → Monday
    earlier = _public_interest(office, tree, urgent=True, reply_due=D(2024, 9, 30))
    assert earlier.reply_due == D(2024, 9, 30)  # the letter's earlier date still prevails


def test_marking_a_letter_urgent_recomputes_its_date_and_needs_public_interest(tree, office):
    item = _public_interest(office, tree, received_on=D(2024, 3, 1))
    assert item.reply_due == D(2024, 5, 6)  # 2 months → 1 May, 劳动节 → Monday 6 May
    item = services.update_suggestion(office, item, item.version, urgent=True)
    assert item.reply_due == D(2024, 3, 18)
    item = services.update_suggestion(office, item, item.version, urgent=False)
    assert item.reply_due == D(2024, 5, 6)
    with pytest.raises(FazhiError, match="仅适用于公益诉讼诉前检察建议") as refused:
        services.receive_suggestion(
            office, org=tree["a"], kind="procuratorate", issuer="区检察院", received_on=D(2024, 3, 1),
            content="x", urgent=True,
        )  # fmt: skip
    assert set(refused.value.fields) == {"urgent"}
    judicial = services.receive_suggestion(
        office, org=tree["a"], kind="judicial", issuer="区法院", received_on=D(2024, 4, 8), content="x",
        public_interest=True, urgent=True,
    )  # fmt: skip
    # another kind's fields are cleared, not kept: a 司法建议 keeps its own two months
    assert (judicial.public_interest, judicial.urgent, judicial.reply_due) == (False, False, D(2024, 6, 11))
