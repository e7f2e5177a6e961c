"""`fazhi load_demo` (so `make run`) loads on any date (issue 10): its fixed historical years stay as they
are and its "recent" records, dated relative to today, stay valid — also late in a year whose periods run
into a year without a holiday notice, on 1 January, and inside such a year."""

import datetime
import io

import pytest
from django.core.management import call_command

from fazhi.demo.tree import DEMO_PASSWORD
from fazhi.disputes.models import Dispute
from fazhi.enforcement.models import EnforcementCase
from fazhi.ledger.models import Deadlined
from fazhi.ledger.registry import ledger_models
from fazhi.legal.models import ReviewItem
from fazhi.litigation.models import Case
from fazhi.orgs.models import Organisation
from fazhi.oversight.models import Reminder, Suggestion
from fazhi.reports.models import AnnualReport
from fazhi.web.views import deadline_board
from tests.conftest import clock_at

pytestmark = pytest.mark.django_db
LAST_KNOWN_YEAR = 2026  # chinesecalendar's last year; the demo enters no holiday notice

# Every date a record says something happened on (a due date may of course lie ahead).
HAPPENED = {
    Dispute: ("received_on", "concluded_on", "visited_on"),
    Case: ("copy_received_on", "replied_on", "concluded_on"),
    ReviewItem: ("submitted_on", "concluded_on", "filed_on"),
    Suggestion: ("received_on", "replied_on"),
    Reminder: ("issued_on", "followed_on"),
    EnforcementCase: ("filed_on", "decision_on", "served_on", "published_on", "executed_on", "closed_on"),
}


@pytest.mark.parametrize(
    "day",
    # December with periods running into the next year, and a "today" years past the last holiday notice
    # (which also covers a 1 January without one: each date is a full demo load, the suite's dearest test)
    [datetime.date(2026, 12, 20), datetime.date(2031, 3, 3)],
    ids=str,
)
def test_the_demo_loads_with_the_clock_moved(day, django_user_model):
    out = io.StringIO()
    with clock_at(day):
        call_command("load_demo", stdout=out)
        board = deadline_board(django_user_model.objects.get(username="fazhiban"))
    assert DEMO_PASSWORD in out.getvalue()

    for model, fields in HAPPENED.items():
        assert model.objects.exists()
        for field in fields:
            assert not model.objects.filter(**{f"{field}__gt": day}).exists(), f"{model.__name__}.{field}"

    # the historical years stay as the 2024 report has them, and the report is drafted
    wuchang = Organisation.objects.get(code="wuchang")
    assert (
        Dispute.objects.filter(
            received_on__year=2024, org__in=Organisation.objects.subtree_of([wuchang])
        ).count()
        == 3218
    )
    report = AnnualReport.objects.get(org=wuchang, year=2024)
    assert report.status == "draft" and report.sections.exists()

    # the recent open records are there, and the board shows them with their provisional flags
    open_disputes = Dispute.objects.exclude(status__in=Dispute.STATES.closed)
    assert open_disputes.count() >= 30 and not open_disputes.filter(
        received_on__lt=day - datetime.timedelta(days=60)
    )
    assert board["today"] == day and board["overdue"] and board["due_soon"]
    for model in ledger_models():
        if not issubclass(model, Deadlined):  # activity records (学法, 普法) watch no deadline
            continue
        for record in model.objects.filter(model.open_q()).exclude(due_date=None):
            dates = [getattr(record, name) for name in record.computed_dates() if getattr(record, name)]
            assert record.provisional is any(d.year > LAST_KNOWN_YEAR for d in dates), record
            if (
                day.year > LAST_KNOWN_YEAR
                and record.due_date >= day
                and "due_date" in record.computed_dates()
            ):
                assert record.provisional, record  # counted through the unknown year
