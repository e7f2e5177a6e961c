"""The demo's litigation ledger reproduces the 五常 2024 report (run on test_demo_of_a_december_day's load)."""

from decimal import Decimal

from fazhi.litigation.models import Case
from fazhi.reports.drafting import TEMPLATES, draft_text, fill
from fazhi.reports.figure_source import fetch
from fazhi.reports.placeholders import to_text
from tests.demo.figure import value


def test_litigation_reproduces_the_wuchang_2024_report(demo):
    orgs = demo.orgs

    def year(code, y):
        return value(orgs, code, y)

    assert year("litigation.cases", 2024) == 72
    assert year("litigation.civil", 2024) == 50
    assert year("litigation.administrative", 2024) == 14
    assert year("litigation.reconsideration", 2024) == 8
    assert year("litigation.withdrawal_rate", 2024) == Decimal("83.33")
    assert year("litigation.appearance_rate", 2024) == Decimal("100.00")
    assert year("litigation.documents.judgement", 2024) == 41
    assert year("litigation.documents.mediation", 2024) == 4
    assert year("litigation.documents.decision", 2024) == 6
    assert year("litigation.documents.assistance", 2024) == 3
    assert year("litigation.documents.lawyer_letter", 2024) == 1
    assert year("litigation.documents.ruling", 2024) + year("litigation.documents.other", 2024) == 43
    assert year("litigation.lost", 2024) == 0
    assert year("litigation.corrected", 2024) == 1
    assert year("litigation.replies_on_time_rate", 2024) == Decimal("100.00")
    assert year("litigation.analysis_meetings", 2024) == 6
    assert year("litigation.cases", 2023) < 72
    assert year("litigation.appearance_rate", 2023) < 100
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
