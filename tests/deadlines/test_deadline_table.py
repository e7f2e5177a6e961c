"""Every rule of the statutory table pinned to dates checked by hand against the State Council notices
(2024 国办发明电〔2023〕7号, 2025 国办发明电〔2024〕12号, 2026 国办发明电〔2025〕7号): one case across a holiday
and one ending on or counting a 调休 working weekend day, per rule.

Rest days used: 国庆 2024 10-01..10-07 (worked: Sun 09-29, Sat 10-12); 劳动节 2024 05-01..05-05 (worked: Sat 05-11);
春节 2025 01-28..02-04 (worked: Sun 01-26, Sat 02-08); 劳动节 2025 05-01..05-05 (worked: Sun 04-27);
国庆中秋 2025 10-01..10-08 (worked: Sat 10-11); 春节 2026 02-15..02-23 (worked: Sat 02-14, Sat 02-28).
"""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from fazhi.dates import cn_date
from fazhi.deadlines.calendar import clear_cache
from fazhi.deadlines.engine import due_for_rule
from fazhi.deadlines.rules import RULES, get_rule

pytestmark = pytest.mark.django_db
D = date
HOLIDAY, SWAP = "holiday", "swap"  # across a holiday; on or counting a 调休 working weekend day


@pytest.fixture(autouse=True)
def fresh_calendar():
    clear_cache()
    yield
    clear_cache()


# Shared periods, worked out once. W = working days (the N-th working day after the start), D = calendar days
# (start + N, then the next working day), M/Y = months/years (the corresponding day, then the next working day).
# Each case: (kind, start, due, warning date for 信访 rules: the calendar end when it was rolled, else None).
W3 = [
    (HOLIDAY, D(2024, 9, 30), D(2024, 10, 10), None),  # 10-08, 10-09, 10-10
    (SWAP, D(2024, 10, 9), D(2024, 10, 12), None),  # 10-10, 10-11, Sat 10-12 worked
]
W5 = [
    (HOLIDAY, D(2024, 4, 30), D(2024, 5, 10), None),  # 05-06..05-10 after 劳动节
    (SWAP, D(2025, 1, 26), D(2025, 2, 8), None),  # 01-27, 02-05, 02-06, 02-07, Sat 02-08
]
W7 = [
    (HOLIDAY, D(2025, 4, 30), D(2025, 5, 14), None),  # 05-06..05-09, 05-12..05-14
    (SWAP, D(2024, 9, 27), D(2024, 10, 12), None),  # Sun 09-29, 09-30, 10-08..10-11, Sat 10-12
]
W10 = [
    (HOLIDAY, D(2025, 4, 30), D(2025, 5, 19), None),  # 05-06..05-09, 05-12..05-16, 05-19
    (SWAP, D(2025, 1, 24), D(2025, 2, 13), None),  # Sun 01-26, 01-27, 02-05..02-07, Sat 02-08, 02-10..02-13
]
W15 = [
    (HOLIDAY, D(2024, 9, 30), D(2024, 10, 25), None),  # 10-08..10-12 (Sat worked), 10-14..10-18, 10-21..10-25
    (
        SWAP,
        D(2025, 1, 20),
        D(2025, 2, 14),
        None,
    ),  # 01-21..01-24, Sun 01-26, 01-27, 02-05..02-08, 02-10..02-14
]
W20 = [
    (
        HOLIDAY,
        D(2024, 9, 20),
        D(2024, 10, 23),
        None,
    ),  # 09-23..09-27, 09-29, 09-30, 10-08..10-12, 10-14..10-18, ..10-23
    (SWAP, D(2026, 2, 10), D(2026, 3, 16), None),  # 02-11..02-14 (Sat), 02-24..02-28 (Sat), 03-02.., 03-16
]
D10 = [
    (HOLIDAY, D(2025, 1, 20), D(2025, 2, 5), None),  # 01-30 in 春节, rest days to 02-04
    (SWAP, D(2024, 10, 2), D(2024, 10, 12), None),  # ends on the worked Saturday
]
D15 = [
    (HOLIDAY, D(2024, 9, 20), D(2024, 10, 8), None),  # 10-05 in 国庆
    (SWAP, D(2025, 1, 24), D(2025, 2, 8), None),  # ends on the worked Saturday
]
D30 = [
    (HOLIDAY, D(2024, 9, 6), D(2024, 10, 8), None),  # 10-06 in 国庆
    (SWAP, D(2024, 9, 12), D(2024, 10, 12), None),
]
D60 = [
    (HOLIDAY, D(2024, 8, 5), D(2024, 10, 8), None),  # 10-04 in 国庆
    (SWAP, D(2024, 8, 13), D(2024, 10, 12), None),
]
D90 = [
    (HOLIDAY, D(2025, 7, 7), D(2025, 10, 9), None),  # 10-05 in 国庆中秋 (to 10-08)
    (SWAP, D(2025, 7, 13), D(2025, 10, 11), None),  # ends on the worked Saturday
]
M1 = [
    (HOLIDAY, D(2024, 9, 5), D(2024, 10, 8), None),  # 10-05
    (SWAP, D(2025, 1, 8), D(2025, 2, 8), None),
]
M2 = [
    (HOLIDAY, D(2024, 8, 1), D(2024, 10, 8), None),  # 10-01
    (SWAP, D(2024, 8, 12), D(2024, 10, 12), None),
]
M3 = [
    (HOLIDAY, D(2024, 7, 3), D(2024, 10, 8), None),  # 10-03
    (SWAP, D(2024, 11, 8), D(2025, 2, 8), None),
]
M6 = [
    (HOLIDAY, D(2024, 4, 5), D(2024, 10, 8), None),  # 10-05
    (SWAP, D(2024, 8, 8), D(2025, 2, 8), None),
]
Y2 = [
    (HOLIDAY, D(2022, 10, 1), D(2024, 10, 8), None),  # 2024-10-01
    (SWAP, D(2023, 1, 26), D(2025, 1, 26), None),  # a worked Sunday
]
Y5 = [
    (HOLIDAY, D(2020, 10, 5), D(2025, 10, 9), None),  # 2025-10-05
    (SWAP, D(2021, 2, 14), D(2026, 2, 14), None),  # a worked Saturday
]


def petition(cases, warnings):
    """信访 periods are calendar days; where the end was rolled, the unrolled end is the warning date."""
    return [(kind, start, due, warnings.get(kind)) for kind, start, due, _ in cases]


CASES = {
    "reconsideration.reply": [*W10, (HOLIDAY, D(2024, 9, 20), D(2024, 10, 10), None)],
    "reconsideration.reply_simple": W5,
    "reconsideration.decision": D60,
    "reconsideration.decision_simple": D30,
    "reconsideration.opinion_report": D60,
    "litigation.admin_answer": D15,
    "litigation.admin_appeal_answer": D15,
    "litigation.admin_jurisdiction_objection": D15,
    "litigation.civil_answer": D15,
    "litigation.civil_appeal_answer": D15,
    "litigation.appeal_judgment": D15,
    "litigation.appeal_ruling": D10,
    "disclosure.correction_notice": W7,
    "disclosure.reply": W20,
    "disclosure.third_party": W15,
    "disclosure.other_organ": W15,
    "disclosure.proactive": W20,
    "petition.acceptance": petition(D15, {HOLIDAY: D(2024, 10, 5)}),
    "petition.acceptance_transferred": petition(D15, {HOLIDAY: D(2024, 10, 5)}),
    "petition.transfer_objection": W5,  # the 条例 writes 工作日 itself: nothing rolled, no warning date
    "petition.handling": petition(D60, {HOLIDAY: D(2024, 10, 4)}),
    "petition.review": petition(D30, {HOLIDAY: D(2024, 10, 6)}),
    "petition.reexamination": petition(D30, {HOLIDAY: D(2024, 10, 6)}),
    "mediation.conclude": M1,
    "mediation.judicial_confirmation": D30,
    "enforcement.decision": D90,
    "enforcement.hearing_request": [*W5, (HOLIDAY, D(2025, 9, 30), D(2025, 10, 14), None)],
    "enforcement.hearing_notice": W7,
    "enforcement.service": W7,
    "enforcement.preservation": W7,
    "enforcement.withdraw_publication": W3,
    "enforcement.fine_payment": D15,
    "enforcement.publicity": W7,
    "enforcement.publicity_other": W20,
    "enforcement.seizure": D30,
    "enforcement.court_enforcement": W10,
    "enforcement.court_enforcement_limit": M3,
    "enforcement.limitation": Y2,
    "enforcement.limitation_extended": Y5,
    "review.normative_document": W15,
    "review.major_decision": W7,
    "decision.public_comment": D30,
    "suggestion.npc": M3,
    "suggestion.npc_complex": M6,
    "suggestion.cppcc": M3,
    "suggestion.procuratorate": M2,
    "suggestion.judicial": M2,
    "suggestion.public_interest": M2,
    "suggestion.public_interest_urgent": D15,  # calendar days: the interpretation has no conversion clause
    # A fixed date: the last day before 1 April of the next year, never moved (31 March 2024 was a Sunday).
    "annual_report.publish": [
        (HOLIDAY, D(2024, 10, 1), D(2025, 3, 31), None),
        (SWAP, D(2024, 10, 12), D(2025, 3, 31), None),
        (HOLIDAY, D(2023, 12, 31), D(2024, 3, 31), None),
    ],
}
PINNED = [(code, *case) for code, cases in CASES.items() for case in cases]


def test_every_rule_is_pinned_around_a_holiday_and_a_swapped_working_day():
    codes = {rule.code for rule in RULES}
    assert set(CASES) == codes, (
        f"未固定用例的规则：{sorted(codes - set(CASES))}；多余的：{sorted(set(CASES) - codes)}"
    )
    for code, cases in CASES.items():
        assert {kind for kind, *_ in cases} == {HOLIDAY, SWAP}, code


@pytest.mark.parametrize(("code", "kind", "start", "due", "warning"), PINNED)
def test_pinned_due_date(code, kind, start, due, warning):
    deadline = due_for_rule(code, start)
    assert (deadline.due, deadline.warning_date) == (due, warning)
    assert f"届满日：{cn_date(due)}" in deadline.text


@pytest.mark.parametrize(("code", "kind", "start", "due", "warning"), PINNED)
def test_command_gives_the_pinned_date_for_every_rule(code, kind, start, due, warning):
    out = StringIO()
    call_command("deadline", start.isoformat(), code, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split()[0] == due.isoformat()
    rule = get_rule(code)
    assert lines[0].split(maxsplit=1)[1].startswith(f"{rule.name}：{rule.source}")
    printed = [line.strip() for line in lines if "办理预警日：" in line]
    assert printed == ([f"办理预警日：{warning.isoformat()}（法定届满日顺延前）"] if warning else [])
