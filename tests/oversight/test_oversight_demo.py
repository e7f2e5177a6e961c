import datetime
import io
from decimal import Decimal

import pytest

from fazhi.demo.tree import build_orgs, build_people
from fazhi.figures import registry
from fazhi.orgs.models import Organisation
from fazhi.oversight.demo import load_demo
from fazhi.oversight.models import Reminder, Suggestion

pytestmark = pytest.mark.django_db


def test_demo_has_the_suggestions_and_reminders_of_the_seeds():
    orgs = build_orgs()
    load_demo(orgs, build_people(orgs), io.StringIO())
    wuchang = Organisation.objects.subtree_of([orgs["wuchang"]])

    def year(code, y):
        return registry.get(code).compute(wuchang, datetime.date(y, 1, 1), datetime.date(y, 12, 31))

    assert year("reminders.issued", 2024) == 5
    assert year("suggestions.judicial", 2024) == 2 and year("suggestions.procuratorate", 2024) == 2
    assert year("suggestions.reply_rate", 2024) == Decimal("100.00")
    assert year("suggestions.received", 2023) == 4 and year("reminders.issued", 2023) == 5
    assert any(s.deadline_status() == "overdue" for s in Suggestion.objects.filter(status="waiting"))
    assert any(r.deadline_status() == "overdue" for r in Reminder.objects.filter(status="issued"))
    # Numbered in the order the litigation app's demo registered them before the move.
    first = Suggestion.objects.get(received_on=datetime.date(2023, 4, 8))
    assert first.number == "五常办建〔2023〕0001号"
