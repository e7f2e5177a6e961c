"""The demo's litigation ledger reproduces the 五常 2024 report (run on test_demo_of_a_december_day's load)."""

from decimal import Decimal

from fazhi.litigation.models import Case
from fazhi.reports.drafting import TEMPLATES, draft_text, fill
from fazhi.reports.figure_source import fetch
from fazhi.reports.placeholders import to_text
from tests.demo.figure import value

# The 五常 2024 report's figures of this work line (its 其他文书 43 are the rulings and the other documents).
WUCHANG_2024 = {
    "litigation.cases": 72, "litigation.civil": 50, "litigation.administrative": 14,
    "litigation.reconsideration": 8, "litigation.withdrawal_rate": Decimal("83.33"),
    "litigation.appearance_rate": Decimal("100.00"), "litigation.documents.judgement": 41,
    "litigation.documents.mediation": 4, "litigation.documents.decision": 6,
    "litigation.documents.assistance": 3, "litigation.documents.lawyer_letter": 1, "litigation.lost": 0,
    "litigation.corrected": 1, "litigation.replies_on_time_rate": Decimal("100.00"),
    "litigation.analysis_meetings": 6,
}  # fmt: skip


def test_litigation_reproduces_the_wuchang_2024_report(demo):
    orgs = demo.orgs
    assert {code: value(orgs, code) for code in WUCHANG_2024} == WUCHANG_2024
    others = value(orgs, "litigation.documents.ruling") + value(orgs, "litigation.documents.other")
    assert others == 43
    assert value(orgs, "litigation.cases", 2023) < 72
    assert value(orgs, "litigation.appearance_rate", 2023) < 100
    open_cases = Case.objects.exclude(status__in=Case.STATES.closed).exclude(due_date=None)
    statuses = {c.deadline_status() for c in open_cases}
    assert {"overdue", "due_soon"} <= statuses
    assert Case.objects.filter(org__code="cangqian-tw").exists()

    # The annual report drafts the paragraph the way the 五常 report wrote it.
    template = next(t for t in TEMPLATES if t.key == "litigation.summary")
    values = fetch(orgs["wuchang"], template.codes, 2024)
    text = to_text(fill(draft_text(template, values), orgs["wuchang"], 2024), values)
    assert "2024年，街道诉讼案件72起" in text
    assert "其中民事诉讼50起，行政诉讼14起，行政复议8起" in text
    assert "行政诉讼调撤率达到83.33%" in text and "行政负责人出庭率100%" in text
