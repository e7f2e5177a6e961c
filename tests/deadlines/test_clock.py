"""The suite's date-sensitive parts with the clock moved (issue 10): late December of a known year, whose
periods run into a year no holiday notice covers yet, and a day inside such a year. Registering through
the services "today", the home board, the overdue/due-soon filters and the running year's figures must all
work, with every date that reaches into the unknown year shown as provisional."""

import datetime

import pytest

from fazhi.deadlines.calendar import provisional_reason
from fazhi.deadlines.engine import due_for_rule
from fazhi.disputes.models import Dispute
from fazhi.figures import registry
from fazhi.ledger.filtering import by_deadline
from fazhi.litigation.models import REPLY_RULES, Case
from fazhi.orgs.models import Organisation
from fazhi.web.views import deadline_board
from tests.conftest import clock_at
from tests.disputes.dispute_fixtures import new_dispute
from tests.legal import legal_fixtures as fx
from tests.legal.legal_fixtures import new_item
from tests.litigation.litigation_fixtures import new_case

pytestmark = pytest.mark.django_db
legal_units = fx.legal_units

LAST_KNOWN_YEAR = 2026  # chinesecalendar's last year; no HolidayNotice is entered in these tests
CLOCK_DAYS = [datetime.date(2026, 12, 24), datetime.date(2026, 12, 31), datetime.date(2031, 3, 3)]


@pytest.fixture(params=CLOCK_DAYS, ids=str)
def day(request):
    with clock_at(request.param) as moved:
        assert datetime.date.today() == moved
        yield moved


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


def unknown_years(first: datetime.date, last: datetime.date) -> list[int]:
    return [y for y in range(first.year, last.year + 1) if y > LAST_KNOWN_YEAR]


def test_records_registered_today_are_saved_with_provisional_due_dates(day, tree, office, legal_units):
    dispute = new_dispute(office, tree["a-tw"], received_on=day)
    case = new_case(office, tree["a"], received_on=day)
    item = new_item(office, tree["a-sq"], "normative", submitted_on=day)
    for record, rule in (
        (dispute, Dispute.DEADLINE_RULE),
        (case, REPLY_RULES[case.kind]),
        (item, "review.normative_document"),
    ):
        assert record.due_date == due_for_rule(rule, day).due > day
        years = unknown_years(day, record.due_date)
        assert years, "the clock days are chosen so that every period reaches into an unknown year"
        assert record.provisional
        assert record.provisional_reason == "、".join(provisional_reason(y) for y in years)
        assert type(record).objects.get(pk=record.pk).provisional  # as saved, not only in memory


@pytest.fixture
def ledgers(day, tree, office, legal_units):
    """An overdue dispute, a case due within days, a normative document long overdue and fresh records."""
    return {
        "overdue": new_dispute(office, tree["a-tw"], received_on=day - datetime.timedelta(days=60)),
        "fresh": new_dispute(office, tree["a-tw"], received_on=day, name="王五"),
        # 15 日 from 14 days ago: due tomorrow, or on the next working day after it
        "soon": new_case(office, tree["a"], kind="civil", received_on=day - datetime.timedelta(days=14)),
        "case": new_case(office, tree["a"], received_on=day),
        "late_review": new_item(
            office, tree["a-sq"], "normative", submitted_on=day - datetime.timedelta(days=45)
        ),
        "review": new_item(office, tree["a-sq"], "normative", submitted_on=day),
    }


def test_the_home_board_and_the_deadline_filters_work(day, ledgers, office, client):
    overdue, soon, late_review = ledgers["overdue"], ledgers["soon"], ledgers["late_review"]
    assert overdue.due_date < day and late_review.due_date < day
    board = deadline_board(office)
    assert board["today"] == day and board["soon_until"] > day
    assert day < soon.due_date <= board["soon_until"]
    assert {r.number for r in board["overdue"]} == {overdue.number, late_review.number}
    assert [r.number for r in board["due_soon"]] == [soon.number]
    assert set(by_deadline(Dispute.objects.all(), {"overdue": "1"}, Dispute.STATES.closed)) == {overdue}
    assert not by_deadline(Dispute.objects.all(), {"due_soon": "1"}, Dispute.STATES.closed).exists()
    assert set(by_deadline(Case.objects.all(), {"due_soon": "1"}, Case.STATES.closed)) == {soon}
    assert not by_deadline(Case.objects.all(), {"overdue": "1"}, Case.STATES.closed).exists()

    client.force_login(office)
    home = client.get("/")
    assert home.status_code == 200
    html = home.content.decode()
    assert overdue.number in html and soon.number in html and ledgers["fresh"].number not in html
    listed = client.get("/disputes/", {"overdue": "1"})
    assert listed.status_code == 200
    html = listed.content.decode()
    assert overdue.number in html and ledgers["fresh"].number not in html
    listed = client.get("/litigation/", {"due_soon": "1"})
    assert listed.status_code == 200 and soon.number in listed.content.decode()


def test_the_running_years_figures_work(day, ledgers, tree, office, client):
    street_a = Organisation.objects.subtree_of([tree["a"]])
    start, end = datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)
    assert ledgers["overdue"].received_on.year == ledgers["soon"].copy_received_on.year == day.year
    assert registry.get("disputes.received").compute(street_a, start, end) == 2
    assert registry.get("litigation.cases").compute(street_a, start, end) == 2
    assert registry.get("legal.overdue").compute(street_a, start, end) == 1

    client.force_login(office)
    response = client.get(
        "/api/figures/", {"org": "a", "codes": "disputes.received,litigation.cases,legal.overdue"}
    )
    assert response.status_code == 200
    assert {row["code"]: row["value"] for row in response.json()} == {
        "disputes.received": 2,
        "litigation.cases": 2,
        "legal.overdue": 1,
    }
    assert client.get("/figures/").status_code == 200
