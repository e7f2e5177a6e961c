"""The demo's oversight items reproduce the seeds' (run on test_demo_of_a_december_day's load)."""

import datetime
from decimal import Decimal

from fazhi.oversight.models import Reminder, Suggestion
from fazhi.reports import services as reports
from fazhi.reports.compose import to_document
from fazhi.reports.render_text import render_text
from tests.demo.figure import value


def test_oversight_has_the_suggestions_and_reminders_of_the_seeds(demo):
    def year(code, y):
        return value(demo.orgs, code, y)

    assert year("reminders.issued", 2024) == 5
    assert year("suggestions.judicial", 2024) == 2 and year("suggestions.procuratorate", 2024) == 2
    assert year("suggestions.reply_rate", 2024) == Decimal("100.00")
    assert year("suggestions.received", 2023) == 4 and year("reminders.issued", 2023) == 5
    assert any(s.deadline_status() == "overdue" for s in Suggestion.objects.filter(status="waiting"))
    assert any(r.deadline_status() == "overdue" for r in Reminder.objects.filter(status="issued"))
    # Numbered in the order the litigation app's demo registered them before the move.
    first = Suggestion.objects.get(received_on=datetime.date(2023, 4, 8))
    assert first.number == "五常办建〔2023〕0001号"


def test_oversight_has_the_items_of_the_seeds(demo):
    """西乡 2023 (自觉接受人大监督、民主监督; 司法、检察建议; 督查督办; 审计) on 西乡's own office, and open items of
    every stage now; the drafted report states them."""
    orgs, users = demo.orgs, demo.users

    def year(code):
        return value(orgs, code, 2023, "xixiang")

    assert (year("oversight.npc.city"), year("oversight.npc.city.lead")) == (17, 1)
    assert (year("oversight.cppcc.city"), year("oversight.cppcc.city.lead")) == (6, 1)
    assert [year(f"oversight.npc.district{role}") for role in ("", ".lead", ".handle", ".split")] == [
        77,
        3,
        3,
        6,
    ]
    assert (year("oversight.cppcc.district"), year("oversight.cppcc.district.lead")) == (44, 2)
    assert year("oversight.satisfaction_rate") == Decimal("100.00") and year("oversight.reply_rate") == 100
    assert (year("oversight.supervision.key_task"), year("oversight.supervision.pledge")) == (59, 10)
    transition = [year(f"oversight.audit.transition{part}") for part in ("", ".findings", ".recommendations")]
    assert transition == [27, 247, 114]
    assert [year(f"oversight.audit.tenure{part}") for part in ("", ".findings", ".recommendations")] == [
        6,
        59,
        59,
    ]
    assert (year("oversight.audit.assist"), year("oversight.audit.rectified")) == (12, 8)
    assert year("suggestions.received") == 4  # the letters' own figure counts only the letters
    assert (year("suggestions.judicial"), year("suggestions.procuratorate")) == (2, 2)
    assert year("suggestions.reply_rate") == Decimal("100.00")
    now = {item.kind: item for item in Suggestion.objects.filter(received_on__year__gte=2025)}
    assert now["npc"].status == "drafted" and now["npc"].handlers.count() == 3
    assert now["audit"].measures.filter(status="pending").count() == 1
    assert now["supervision"].deadline_status() == "due_soon"
    text = render_text(to_document(reports.draft_report(users["xixiang-fzb"], orgs["xixiang"], 2023)))
    assert "办理人大代表建议和政协提案144件。其中市人大建议17件，主办1件，市政协提案6件，主办1件，" in text
    assert "区人大建议77件，主办3件，承办3件，分办6件，区政协提案44件，主办2件。" in text
    assert "代表、委员满意率100%" in text and "督查督办区两重59件，街道军令状10件" in text
    assert "完成换届经责审计27家，发现问题247项，提出审计建议114条" in text
    assert "协助完成上级审计项目12个，督促整改审计项目8个" in text
