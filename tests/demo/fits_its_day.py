"""What `fazhi load_demo` (so `make run`) must give on whatever day it runs (issue 10): its fixed historical
years stay as they are and its "recent" records, dated relative to today, stay valid on a day inside a year
without a holiday notice, their periods running on into the next (tests/demo/test_demo_of_a_december_day.py)."""

import datetime

from fazhi.demo.tree import DEMO_PASSWORD, PEOPLE
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


def assert_the_demo_fits(day: datetime.date, printed: str, user_model) -> None:
    """The demo loaded on ``day`` (the command printed ``printed``) fits that day."""
    assert DEMO_PASSWORD in printed
    # every printed account logs in with the printed password (one hash shared by all of them)
    people = user_model.objects.filter(username__in=[person[0] for person in PEOPLE])
    assert len(people) == len(PEOPLE) and all(user.check_password(DEMO_PASSWORD) for user in people)

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
    open_disputes = Dispute.objects.filter(Dispute.open_q())
    assert open_disputes.count() >= 30 and not open_disputes.filter(
        received_on__lt=day - datetime.timedelta(days=60)
    )
    board = deadline_board(user_model.objects.get(username="fazhiban"))
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
