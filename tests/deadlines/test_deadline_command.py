"""fazhi deadline: the due date first on its line as YYYY-MM-DD, then why; --rules lists the table."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fazhi.deadlines.calendar import clear_cache
from fazhi.deadlines.rules import RULES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_calendar():
    clear_cache()
    yield
    clear_cache()


def run(*args) -> list[str]:
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().splitlines()


def test_days_form_prints_the_iso_date_first_then_why():
    lines = run("2024-09-20", "15", "日")
    due, why = lines[0].split(maxsplit=1)
    assert due == "2024-10-08"
    assert why.startswith("自2024年9月20日起算（当日不计入），15日届满于2024年10月5日")
    assert any("国庆节假期" in line for line in lines[1:])


def test_days_form_ending_on_a_worked_saturday():
    assert run("2024-09-27", "15", "日")[0].split()[0] == "2024-10-12"


def test_working_days_form():
    lines = run("2025-01-24", "5", "工作日")
    assert lines[0].split()[0] == "2025-02-07"
    assert "第5个工作日为2025年2月7日" in lines[0]


def test_rule_form():
    lines = run("2024-09-20", "disclosure.reply")
    assert lines[0].split()[0] == "2024-10-23"
    assert "《中华人民共和国政府信息公开条例》第三十三条第二款" in lines[0]


def test_rule_form_of_a_petition_prints_the_warning_date():
    lines = run("2024-09-20", "petition.acceptance")
    assert lines[0].split()[0] == "2024-10-08"
    assert lines[1].strip() == "办理预警日：2024-10-05（法定届满日顺延前）"


def test_rule_form_with_pause_and_extension():
    lines = run("2024-09-20", "disclosure.reply", "--pause", "2024-09-23,2024-09-30,补正", "--extend", "20")
    assert lines[0].split()[0] == "2024-11-29"


def test_rules_list_has_one_line_per_rule_with_code_period_and_citations():
    lines = run("--rules")
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES, strict=True):
        assert line.split()[0] == rule.code
        assert rule.name in line and rule.period_text in line and rule.source in line
        assert line.endswith("（条文待核）") is rule.to_check
    text = "\n".join(lines)
    assert re.search(r"^disclosure\.reply\s+政府信息公开申请答复\s+20个工作日", text, re.M)
    # Articles, 款 and 项 as LEGAL-RULES.md cites them, the conversion clause included.
    for code, cited in [
        (
            "reconsideration.reply",
            "10个工作日（条文为“十日”）  《中华人民共和国行政复议法》第四十八条、第八十八条第二款",
        ),
        ("enforcement.hearing_request", "《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条"),
        ("petition.acceptance_transferred", "《信访工作条例》第二十三条第三款"),
        ("suggestion.npc", "代表法》第五十一条第二款"),
        ("mediation.conclude", "《人民调解工作若干规定》第三十三条（条文待核）"),
    ]:
        assert re.search(rf"^{re.escape(code)}\s.*{re.escape(cited)}", text, re.M), code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2024-02-30", "5", "日"), "起算日“2024-02-30”不是有效日期，请写成 YYYY-MM-DD"),
        (("24-9-20", "5", "日"), "不是有效日期"),
        (("2024-09-20", "x", "日"), "天数“x”必须是正整数"),
        (("2024-09-20", "5", "周"), "期限单位“周”无法识别"),
        (("2024-09-20", "disclosure.replay"), "相近的代码：disclosure.reply"),
        (("2024-09-20",), "用法"),
    ],
)
def test_bad_input_is_a_command_error_in_chinese(args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args)


def test_a_year_without_a_notice_gives_a_provisional_date_and_says_why():
    lines = run("2031-03-03", "10", "工作日")
    assert lines[0].split()[:2] == ["2031-03-17", "暂定"]  # Mon 3 March + two working weeks, no holiday known
    text = "\n".join(lines)
    assert "2031年节假日安排尚未录入" in text and "暂按周末和元旦" in text
    assert "Traceback" not in text
