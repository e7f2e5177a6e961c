"""The statutory limits table and due dates computed from it."""

from datetime import date

import pytest

from fazhi.deadlines.calendar import clear_cache
from fazhi.deadlines.engine import DeadlineInputError, Pause, due_for_rule, is_working_day
from fazhi.deadlines.rules import RULES, RULES_BY_CODE, UNITS, UnknownRule, get_rule

pytestmark = pytest.mark.django_db
D = date

# The codes suggested in LEGAL-RULES.md §2 (the 2 / 5 年 limitation split in two rows).
LEGAL_RULES_CODES = {
    "reconsideration.reply",
    "litigation.admin_answer",
    "litigation.civil_answer",
    "disclosure.correction_notice",
    "disclosure.reply",
    "disclosure.third_party",
    "petition.acceptance",
    "petition.handling",
    "petition.review",
    "mediation.conclude",
    "mediation.judicial_confirmation",
    "enforcement.decision",
    "enforcement.hearing_request",
    "enforcement.publicity",
    "enforcement.limitation",
    "enforcement.limitation_extended",
    "review.normative_document",
    "review.major_decision",
    "suggestion.procuratorate",
    "suggestion.npc",
    "annual_report.publish",
}
# Beyond LEGAL-RULES.md's table: the appeal periods a losing organ must watch (民事诉讼法 第一百七十一条,
# 行政诉讼法 第八十五条).
EXTRA_CODES = {"litigation.appeal_judgment", "litigation.appeal_ruling"}


@pytest.fixture(autouse=True)
def fresh_calendar():
    clear_cache()
    yield
    clear_cache()


def test_table_holds_every_rule_once_with_its_source():
    assert {rule.code for rule in RULES} == LEGAL_RULES_CODES | EXTRA_CODES
    assert len(RULES) == len(RULES_BY_CODE)
    for rule in RULES:
        assert rule.name and rule.law and rule.article.startswith(("第", "二")) and rule.trigger
        assert rule.unit in UNITS or rule.fixed_date
        if rule.extension:
            # The engine adds an extension in the period's own unit.
            assert rule.extension.unit == rule.unit


@pytest.mark.parametrize(
    ("code", "length", "unit", "article"),
    [
        ("reconsideration.reply", 10, "日", "第四十八条"),
        ("litigation.admin_answer", 15, "日", "第六十七条"),
        ("disclosure.reply", 20, "工作日", "第三十三条"),
        ("disclosure.third_party", 15, "工作日", "第三十二条"),
        ("mediation.judicial_confirmation", 30, "日", "第二百零五条"),
        ("enforcement.decision", 90, "日", "第六十条"),
        ("enforcement.publicity", 7, "工作日", "二、（三）"),
        ("suggestion.procuratorate", 2, "月", "第十九条"),
        ("suggestion.npc", 3, "月", "第四十三条"),
    ],
)
def test_rule_lookup(code, length, unit, article):
    rule = get_rule(code)
    assert (rule.length, rule.unit, rule.article) == (length, unit, article)


def test_disclosure_reply_may_be_extended_by_20_working_days_and_paused():
    rule = get_rule("disclosure.reply")
    assert (rule.extension.length, rule.extension.unit) == (20, "工作日")
    assert [p.reason for p in rule.pauses] == ["补正", "征求第三方和其他机关意见"]
    assert rule.period_text == "20个工作日（可延长20个工作日）"


def test_unknown_code_lists_close_codes():
    with pytest.raises(UnknownRule) as raised:
        get_rule("disclosure.replay")
    assert raised.value.close[0] == "disclosure.reply"
    assert "没有期限规则“disclosure.replay”" in raised.value.message
    assert "fazhi deadline --rules" in raised.value.message


def test_rule_due_date_and_explanation():
    deadline = due_for_rule("litigation.admin_answer", D(2024, 9, 20))
    assert deadline.due == D(2024, 10, 8)
    assert deadline.rule.code == "litigation.admin_answer"
    assert deadline.explanation[0].startswith(
        "行政诉讼被告提交答辩状和证据：《中华人民共和国行政诉讼法》第六十七条"
    )


# Request received Friday 20 September 2024. Without anything else the 20th working day is 23 October
# (23–27 and 29–30 September, 8–12 and 14–18 October, 21–23 October; 29 September and 12 October are worked).
def test_disclosure_reply_plain():
    assert due_for_rule("disclosure.reply", D(2024, 9, 20)).due == D(2024, 10, 23)


def test_disclosure_reply_restarts_after_correction():
    # 补正 notice on 23 September, corrected request in on Monday 30 September: 20 working days from then.
    deadline = due_for_rule(
        "disclosure.reply", D(2024, 9, 20), paused_periods=[(D(2024, 9, 23), D(2024, 9, 30), "补正")]
    )
    assert deadline.due == D(2024, 11, 1)
    assert any("期限自收到之日起重新计算" in line for line in deadline.explanation)


def test_disclosure_reply_with_correction_and_20_working_day_extension():
    deadline = due_for_rule(
        "disclosure.reply",
        D(2024, 9, 20),
        paused_periods=[Pause(D(2024, 9, 23), D(2024, 9, 30), "补正")],
        extension=20,
    )
    assert deadline.due == D(2024, 11, 29)
    assert "延长条件：经政府信息公开工作机构负责人同意并告知申请人。" in deadline.explanation


def test_disclosure_reply_with_correction_consultation_and_extension():
    # Third-party consultation 14–18 October stops the clock for five working days.
    deadline = due_for_rule(
        "disclosure.reply",
        D(2024, 9, 20),
        paused_periods=[
            (D(2024, 9, 23), D(2024, 9, 30), "补正"),
            (D(2024, 10, 14), D(2024, 10, 18), "征求第三方意见"),
        ],
        extension=20,
    )
    assert deadline.due == D(2024, 12, 6)
    assert (
        "2024年10月14日至2024年10月18日因征求第三方和其他机关意见中止计算，共5日（其中5个工作日）不计入期限。"
        in (deadline.explanation)
    )


def test_consultation_alone_is_not_counted():
    deadline = due_for_rule(
        "disclosure.reply", D(2024, 9, 20), paused_periods=[(D(2024, 10, 9), D(2024, 10, 11), "consultation")]
    )
    assert deadline.due == D(2024, 10, 28)


def test_limits_of_extension_and_pauses_are_enforced():
    with pytest.raises(DeadlineInputError, match="最多延长20个工作日"):
        due_for_rule("disclosure.reply", D(2024, 9, 20), extension=21)
    with pytest.raises(DeadlineInputError, match="没有可以延长的法定依据"):
        due_for_rule("litigation.admin_answer", D(2024, 9, 20), extension=5)
    with pytest.raises(DeadlineInputError, match="不因“鉴定”中止计算"):
        due_for_rule(
            "disclosure.reply", D(2024, 9, 20), paused_periods=[(D(2024, 9, 23), D(2024, 9, 24), "鉴定")]
        )
    with pytest.raises(DeadlineInputError, match="须注明事由"):
        due_for_rule("disclosure.reply", D(2024, 9, 20), paused_periods=[(D(2024, 9, 23), D(2024, 9, 24))])


def test_petition_handling_extension_in_days():
    # Accepted 1 August 2025: 60 days end on 30 September; with 30 more, 30 October.
    assert due_for_rule("petition.handling", D(2025, 8, 1)).due == D(2025, 9, 30)
    assert due_for_rule("petition.handling", D(2025, 8, 1), extension=30).due == D(2025, 10, 30)


def test_month_rule_moves_off_a_sunday():
    assert due_for_rule("suggestion.procuratorate", D(2024, 1, 31)).due == D(2024, 4, 1)


def test_annual_report_is_due_before_1_april_of_the_next_year_without_postponement():
    assert due_for_rule("annual_report.publish", D(2024, 6, 1)).due == D(2025, 3, 31)
    # 31 March 2024 was a Sunday: a "before 1 April" date is not moved into April.
    assert due_for_rule("annual_report.publish", D(2023, 12, 31)).due == D(2024, 3, 31)


def test_every_rule_gives_a_working_day_or_its_fixed_date():
    start = D(2021, 3, 1)
    for rule in RULES:
        deadline = due_for_rule(rule.code, start)
        if rule.fixed_date:
            assert deadline.due == D(2022, 3, 31)
        else:
            assert deadline.due > start and is_working_day(deadline.due), rule.code
        assert any(line.startswith("届满日：") for line in deadline.explanation)
