"""The statutory limits table and due dates computed from it."""

from datetime import date

import pytest

from fazhi.deadlines.calendar import clear_cache
from fazhi.deadlines.engine import DeadlineInputError, Pause, due_for_rule, is_working_day
from fazhi.deadlines.laws import (
    COMPULSION_LAW,
    CONVERSION_CLAUSES,
    LICENSING_LAW,
    PENALTY_LAW,
    PETITION_REGULATION,
    REVIEW_LAW,
    Citation,
    cn_number,
)
from fazhi.deadlines.rules import RULES, RULES_BY_CODE, UNITS, Rule, UnknownRule, get_rule

pytestmark = pytest.mark.django_db
D = date

# The codes of LEGAL-RULES.md §2 (version 2); rows with two variants are two codes. enforcement.certificate_expiry
# is left out: it has no statutory length (the card's own expiry date is used).
LEGAL_RULES_CODES = {
    "reconsideration.reply",
    "reconsideration.reply_simple",
    "reconsideration.decision",
    "reconsideration.decision_simple",
    "reconsideration.opinion_report",
    "litigation.admin_answer",
    "litigation.admin_appeal_answer",
    "litigation.admin_jurisdiction_objection",
    "litigation.civil_answer",
    "litigation.civil_appeal_answer",
    "litigation.appeal_judgment",
    "litigation.appeal_ruling",
    "disclosure.correction_notice",
    "disclosure.reply",
    "disclosure.third_party",
    "disclosure.other_organ",
    "disclosure.proactive",
    "petition.acceptance",
    "petition.acceptance_transferred",
    "petition.transfer_objection",  # the acceptance_transferred row's 5 工作日 objection
    "petition.handling",
    "petition.review",
    "petition.reexamination",
    "mediation.conclude",
    "mediation.judicial_confirmation",
    "enforcement.decision",
    "enforcement.hearing_request",
    "enforcement.hearing_notice",
    "enforcement.service",
    "enforcement.preservation",
    "enforcement.withdraw_publication",
    "enforcement.fine_payment",
    "enforcement.publicity",
    "enforcement.publicity_other",
    "enforcement.seizure",
    "enforcement.court_enforcement",
    "enforcement.court_enforcement_limit",
    "enforcement.limitation",
    "enforcement.limitation_extended",
    "review.normative_document",
    "review.major_decision",
    "decision.public_comment",
    "suggestion.npc",
    "suggestion.npc_complex",
    "suggestion.cppcc",
    "suggestion.procuratorate",
    "suggestion.judicial",
    "annual_report.publish",
    # not rows of LEGAL-RULES.md v2: issue 16's 公益诉讼 诉前检察建议 (2 months, 15 日 when urgent)
    "suggestion.public_interest",
    "suggestion.public_interest_urgent",
}
# Rows LEGAL-RULES.md still marks "unconfirmed".
TO_CHECK = {
    "mediation.conclude",
    "enforcement.publicity",
    "enforcement.publicity_other",
    "review.normative_document",
    "suggestion.cppcc",
    "suggestion.procuratorate",
    "suggestion.public_interest",
    "suggestion.public_interest_urgent",
    "annual_report.publish",
}


@pytest.fixture(autouse=True)
def fresh_calendar():
    clear_cache()
    yield
    clear_cache()


def test_table_holds_every_rule_once_with_its_source():
    assert {rule.code for rule in RULES} == LEGAL_RULES_CODES
    assert len(RULES) == len(RULES_BY_CODE)
    assert {rule.code for rule in RULES if rule.to_check} == TO_CHECK
    for rule in RULES:
        assert rule.name and rule.law and rule.citations and rule.trigger
        # A provision is named for every rule except a national text nobody could confirm.
        assert all(c.provision for c in rule.citations) or rule.to_check, rule.code
        assert rule.unit in UNITS or rule.fixed_date
        if rule.extension:
            # The engine adds an extension in the unit the period is counted in.
            assert rule.extension.unit == rule.counting_unit


@pytest.mark.parametrize(
    ("code", "length", "unit", "source"),
    [
        ("reconsideration.reply", 10, "工作日", "《中华人民共和国行政复议法》第四十八条、第八十八条第二款"),
        (
            "reconsideration.reply_simple",
            5,
            "工作日",
            "《中华人民共和国行政复议法》第五十四条、第八十八条第二款",
        ),
        ("reconsideration.decision", 60, "日", "《中华人民共和国行政复议法》第六十二条"),
        ("reconsideration.decision_simple", 30, "日", "《中华人民共和国行政复议法》第六十二条"),
        ("litigation.admin_answer", 15, "日", "《中华人民共和国行政诉讼法》第六十七条第一款"),
        (
            "litigation.admin_appeal_answer",
            15,
            "日",
            "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百零八条第二款",
        ),
        (
            "litigation.appeal_ruling",
            10,
            "日",
            "《中华人民共和国民事诉讼法》第一百七十一条第二款、《中华人民共和国行政诉讼法》第八十五条",
        ),
        ("disclosure.reply", 20, "工作日", "《中华人民共和国政府信息公开条例》第三十三条第二款"),
        ("disclosure.third_party", 15, "工作日", "《中华人民共和国政府信息公开条例》第三十二条"),
        ("petition.acceptance", 15, "日", "《信访工作条例》第二十三条第二款"),
        ("petition.acceptance_transferred", 15, "日", "《信访工作条例》第二十三条第三款"),
        ("petition.transfer_objection", 5, "工作日", "《信访工作条例》第二十三条第三款"),
        ("petition.handling", 60, "日", "《信访工作条例》第三十四条"),
        ("petition.review", 30, "日", "《信访工作条例》第三十五条"),
        ("petition.reexamination", 30, "日", "《信访工作条例》第三十六条"),
        ("mediation.conclude", 1, "月", "《人民调解工作若干规定》第三十三条"),
        (
            "mediation.judicial_confirmation",
            30,
            "日",
            "《中华人民共和国民事诉讼法》第二百零五条、《中华人民共和国人民调解法》第三十三条",
        ),
        ("enforcement.decision", 90, "日", "《中华人民共和国行政处罚法》第六十条"),
        (
            "enforcement.hearing_request",
            5,
            "工作日",
            "《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条",
        ),
        (
            "enforcement.hearing_notice",
            7,
            "工作日",
            "《中华人民共和国行政处罚法》第六十四条第（二）项、第八十五条",
        ),
        (
            "enforcement.withdraw_publication",
            3,
            "工作日",
            "《中华人民共和国行政处罚法》第四十八条第二款、第八十五条",
        ),
        ("enforcement.fine_payment", 15, "日", "《中华人民共和国行政处罚法》第六十七条第三款、第七十二条"),
        ("enforcement.seizure", 30, "日", "《中华人民共和国行政强制法》第二十五条"),
        ("enforcement.court_enforcement", 10, "工作日", "《中华人民共和国行政强制法》第五十四条、第六十九条"),
        ("enforcement.court_enforcement_limit", 3, "月", "《中华人民共和国行政强制法》第五十三条"),
        ("review.major_decision", 7, "工作日", "《重大行政决策程序暂行条例》第二十六条第二款、第四十二条"),
        ("decision.public_comment", 30, "日", "《重大行政决策程序暂行条例》第十五条第一款"),
        ("enforcement.publicity", 7, "工作日", "二、（三）"),
        ("suggestion.procuratorate", 2, "月", "第十九条"),
        (
            "suggestion.npc",
            3,
            "月",
            "《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第五十一条第二款",
        ),
        ("suggestion.npc_complex", 6, "月", "代表法》第五十一条第二款"),
    ],
)
def test_rule_lookup(code, length, unit, source):
    rule = get_rule(code)
    assert (rule.length, rule.counting_unit) == (length, unit)
    assert source in rule.source


def test_disclosure_reply_may_be_extended_by_20_working_days_and_paused():
    rule = get_rule("disclosure.reply")
    assert (rule.extension.length, rule.extension.unit) == (20, "工作日")
    assert [p.reason for p in rule.pauses] == ["补正", "征求第三方和其他机关意见"]
    assert rule.pauses[1].source.startswith("《中华人民共和国政府信息公开条例》第三十三条第三款：")
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


# Conversion clauses (LEGAL-RULES.md §1): the rule writes the statute's 日, its law's clause makes them 工作日.


def test_reconsideration_reply_counts_ten_working_days_by_article_88():
    rule = get_rule("reconsideration.reply")
    assert (rule.length, rule.unit, rule.counting_unit) == (10, "日", "工作日")
    assert rule.conversion is CONVERSION_CLAUSES[REVIEW_LAW]
    # Copy received Friday 20 September 2024: ten calendar days would end on Monday 30 September; ten working days
    # are 23–27, 29 (worked Sunday), 30 September, 8, 9 and 10 October.
    deadline = due_for_rule("reconsideration.reply", D(2024, 9, 20))
    assert (deadline.due, deadline.unit) == (D(2024, 10, 10), "工作日")
    assert "依《中华人民共和国行政复议法》第八十八条第二款，本期限中的“十日”指工作日，不含法定节假日。" in (
        deadline.explanation
    )
    assert rule.period_text == "10个工作日（条文为“十日”）"


def test_hearing_request_counts_five_working_days_by_article_85():
    rule = get_rule("enforcement.hearing_request")
    assert (rule.length, rule.unit, rule.counting_unit) == (5, "日", "工作日")
    # Told Friday 27 September 2024: 29 September (worked), 30 September, 8, 9, 10 October. Five calendar days would
    # have ended on 2 October, i.e. 8 October, and a request made on 9 or 10 October shown as late.
    deadline = due_for_rule("enforcement.hearing_request", D(2024, 9, 27))
    assert deadline.due == D(2024, 10, 10)
    assert (
        "依《中华人民共和国行政处罚法》第八十五条，本期限中的“五日”指工作日，不含法定节假日。"
        in deadline.explanation
    )


@pytest.mark.parametrize(
    ("code", "unit"),
    [
        ("reconsideration.decision", "日"),  # 60 日: 行政复议法 converts only 3/5/7/10
        ("reconsideration.opinion_report", "日"),
        ("enforcement.decision", "日"),  # 90 日: 行政处罚法 converts only 2/3/5/7
        ("enforcement.fine_payment", "日"),  # 15 日
        ("enforcement.seizure", "日"),  # 30 日: 行政强制法 converts 10 日 or less
        ("enforcement.court_enforcement", "工作日"),  # 10 日
        ("enforcement.court_enforcement_limit", "月"),
        ("enforcement.limitation", "年"),
        ("litigation.appeal_ruling", "日"),  # 10 日, but the procedure laws have no conversion clause
        ("petition.acceptance", "日"),  # 信访: calendar days
    ],
)
def test_longer_periods_and_other_laws_stay_as_written(code, unit):
    assert get_rule(code).counting_unit == unit


def test_the_clause_table_decides_which_lengths_convert():
    assert [CONVERSION_CLAUSES[REVIEW_LAW].covers(n) for n in (3, 5, 7, 10, 15, 60)] == [True] * 4 + [
        False
    ] * 2
    assert [CONVERSION_CLAUSES[PENALTY_LAW].covers(n) for n in (2, 3, 5, 7, 10, 90)] == [True] * 4 + [
        False
    ] * 2
    assert [CONVERSION_CLAUSES[COMPULSION_LAW].covers(n) for n in (1, 10, 11, 30)] == [
        True,
        True,
        False,
        False,
    ]
    assert CONVERSION_CLAUSES[LICENSING_LAW].covers(45)
    # A rule of a law with a clause converts without saying so itself; one of a law without a clause does not.
    licensing = Rule("x.licence", "许可决定", (Citation(LICENSING_LAW, 42),), "受理之日", 20, "日")
    assert licensing.counting_unit == "工作日"
    assert licensing.source == "《中华人民共和国行政许可法》第四十二条、第八十二条"
    plain = Rule("x.petition", "信访", (Citation(PETITION_REGULATION, 23, 2),), "收到之日", 10, "日")
    assert (plain.counting_unit, plain.conversion) == ("日", None)


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (48, "四十八"), (101, "一百零一"), (110, "一百一十"),
     (174, "一百七十四"), (205, "二百零五")],
)  # fmt: skip
def test_article_numbers_in_chinese(number, text):
    assert cn_number(number) == text


def test_citations_carry_article_paragraph_and_item():
    item = Citation(PENALTY_LAW, 64, item=1)
    assert (item.article, item.paragraph, item.item, item.provision) == (64, None, 1, "第六十四条第（一）项")
    assert Citation(REVIEW_LAW, 88, 2).text == "《中华人民共和国行政复议法》第八十八条第二款"
    assert get_rule("reconsideration.reply").full_citations == (
        Citation(REVIEW_LAW, 48),
        Citation(REVIEW_LAW, 88, 2),
    )


def test_administrative_litigation_counts_by_article_101_and_the_interpretation():
    deadline = due_for_rule("litigation.admin_answer", D(2024, 9, 20))
    assert (
        "期间依《中华人民共和国行政诉讼法》第一百零一条、"
        "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第四十八条计算。" in deadline.explanation
    )


def test_mediation_concludes_in_one_month_as_advice():
    rule = get_rule("mediation.conclude")
    assert (rule.length, rule.unit, rule.advisory, rule.to_check) == (1, "月", True, True)
    assert due_for_rule("mediation.conclude", D(2024, 1, 31)).due == D(2024, 2, 29)  # no 31 February


def test_npc_suggestions_have_no_urgent_rule():
    suggestions = [rule for rule in RULES if rule.code.startswith("suggestion.npc")]
    assert [(rule.code, rule.length) for rule in suggestions] == [
        ("suggestion.npc", 3),
        ("suggestion.npc_complex", 6),
    ]
    assert not [rule.code for rule in suggestions if "紧急" in rule.note]
    assert "enforcement.certificate_expiry" not in RULES_BY_CODE


# 信访: calendar days, with the unrolled end as the office's warning date.


def test_petition_shows_the_warning_date_and_the_rolled_legal_end():
    deadline = due_for_rule("petition.acceptance", D(2024, 9, 20))
    assert (deadline.warning_date, deadline.due) == (D(2024, 10, 5), D(2024, 10, 8))
    assert (
        "办理预警日为2024年10月5日（星期六）；法定届满日顺延至2024年10月8日（星期二）。"
        in deadline.explanation
    )


def test_no_warning_date_when_nothing_rolled_or_the_rule_does_not_ask():
    assert (
        due_for_rule("petition.acceptance", D(2024, 9, 27)).warning_date is None
    )  # ends on worked 12 October
    assert due_for_rule("litigation.admin_answer", D(2024, 9, 20)).warning_date is None


def test_petition_reexamination_does_not_count_hearing_time():
    # Request received 1 September 2025: 30 days end on 1 October (国庆中秋), legally 9 October.
    plain = due_for_rule("petition.reexamination", D(2025, 9, 1))
    assert (plain.due, plain.warning_date) == (D(2025, 10, 9), D(2025, 10, 1))
    # A hearing on 10–19 September (10 days) moves the end to Saturday 11 October, a worked day.
    heard = due_for_rule(
        "petition.reexamination", D(2025, 9, 1), paused_periods=[(D(2025, 9, 10), D(2025, 9, 19))]
    )
    assert (heard.due, heard.warning_date) == (D(2025, 10, 11), None)
    assert (
        "2025年9月10日至2025年9月19日因听证中止计算，共10日（其中8个工作日）不计入期限。" in heard.explanation
    )
    assert get_rule("petition.reexamination").pauses[0].source.startswith("《信访工作条例》第三十六条")


def test_reconsideration_decision_extension_and_simple_procedure():
    # Accepted 5 August 2024: 60 days end Friday 4 October (国庆), legally 8 October; with 30 more days Sunday
    # 3 November, so Monday 4 November. The simple procedure's 30 days have no extension.
    assert due_for_rule("reconsideration.decision", D(2024, 8, 5)).due == D(2024, 10, 8)
    assert due_for_rule("reconsideration.decision", D(2024, 8, 5), extension=30).due == D(2024, 11, 4)
    with pytest.raises(DeadlineInputError, match="没有可以延长的法定依据"):
        due_for_rule("reconsideration.decision_simple", D(2024, 8, 5), extension=10)
