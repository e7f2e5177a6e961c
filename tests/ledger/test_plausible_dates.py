"""Issue 12: dates within plausible ranges, one rule (fazhi.ledger.services.date_problems) for every date
field of every ledger and its parts, on pages, in the API and in Excel imports: nothing before 2000, nothing
after today, except deadlines (up to five years ahead) and what a model declares (a performance date up
to ten years ahead). No session in 2099, no performance date in year 1."""

import datetime
import io

import pytest
from rest_framework.test import APIClient

from fazhi.disputes import services as disputes
from fazhi.disputes.columns import dispute_sheet
from fazhi.disputes.importing import import_disputes
from fazhi.disputes.models import Dispute, DisputeType, Session
from fazhi.errors import FazhiError
from fazhi.ledger.excel import export, parse
from fazhi.ledger.services import date_problems
from fazhi.litigation import services as litigation
from fazhi.litigation.models import Hearing
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

FAR_FUTURE = datetime.date(2099, 1, 1)
YEAR_ONE = datetime.date(1, 1, 1)


def years_later(years: int) -> datetime.date:
    return TODAY.replace(year=TODAY.year + years)


@pytest.fixture
def mediator(tree, person):
    return person("m", "handler", tree["a-tw"])


@pytest.fixture
def api(mediator):
    client = APIClient()
    client.force_authenticate(mediator)
    return client


def refusal(call) -> FazhiError:
    with pytest.raises(FazhiError) as caught:
        call()
    return caught.value


# --- the rule -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [FAR_FUTURE, YEAR_ONE, TODAY + datetime.timedelta(days=1)])
def test_a_received_date_outside_the_range_is_refused_by_field(mediator, tree, day):
    error = refusal(lambda: new_dispute(mediator, tree["a-tw"], received_on=day))
    assert set(error.fields) == {"received_on"} and "受理日期" in error.message
    assert not Dispute.objects.exists()


def test_today_and_the_first_day_of_2000_are_accepted(mediator, tree):
    new_dispute(mediator, tree["a-tw"], received_on=TODAY)
    new_dispute(mediator, tree["a-tw"], received_on=datetime.date(2000, 1, 1))


def test_deadlines_may_lie_ahead_and_a_performance_date_further(mediator, tree):
    dispute = Dispute(received_on=TODAY, due_date=years_later(5), performance_due=years_later(10))
    assert not date_problems(dispute)
    dispute.due_date = years_later(6)
    assert set(date_problems(dispute)) == {"due_date"}
    dispute.performance_due = years_later(11)  # a typed date is named, not the computed one besides it
    assert set(date_problems(dispute)) == {"performance_due"}
    dispute.performance_due = YEAR_ONE
    assert "2000年" in date_problems(dispute)["performance_due"]


def test_an_old_record_stays_changeable_for_a_date_it_already_had(mediator, tree):
    dispute = new_dispute(mediator, tree["a-tw"])
    Dispute.objects.filter(pk=dispute.pk).update(received_on=datetime.date(1999, 12, 1))
    dispute.refresh_from_db()
    saved = disputes.update_details(mediator, dispute, dispute.version, summary="补充说明")
    assert saved.summary == "补充说明"
    error = refusal(lambda: disputes.update_details(mediator, saved, saved.version, received_on=FAR_FUTURE))
    assert set(error.fields) == {"received_on"}


# --- parts of a record: sessions, hearings ------------------------------------------------------------


def test_no_mediation_session_in_2099(mediator, tree):
    dispute = new_dispute(mediator, tree["a-tw"])
    session = {"place": "调解室", "mediators": "王", "notes": "协商"}
    error = refusal(
        lambda: disputes.add_session(mediator, dispute, dispute.version, held_on=FAR_FUTURE, **session)
    )
    assert set(error.fields) == {"held_on"} and "调解日期" in error.message
    assert not Session.objects.exists()
    dispute.refresh_from_db()
    assert dispute.status == "received" and dispute.version == 1  # nothing of the transition stayed


def test_no_performance_date_in_year_one_or_beyond_ten_years(mediator, tree):
    dispute = new_dispute(mediator, tree["a-tw"])
    dispute = disputes.add_session(
        mediator, dispute, dispute.version, held_on=TODAY, place="调解室", mediators="王", notes="协商"
    )
    for day in (YEAR_ONE, years_later(11)):
        error = refusal(
            lambda day=day: disputes.conclude_success(
                mediator,
                dispute,
                dispute.version,
                concluded_on=TODAY,
                agreement_text="分期赔偿",
                performance_due=day,
            )
        )
        assert set(error.fields) == {"performance_due"} and "履行期限" in error.message
    done = disputes.conclude_success(
        mediator,
        dispute,
        dispute.version,
        concluded_on=TODAY,
        agreement_text="分期赔偿",
        performance_due=years_later(9),
    )
    assert done.performance_due == years_later(9)


def test_no_hearing_in_2099(tree, person):
    office = person("o", "office", tree["a"])
    case = litigation.register_case(
        office,
        org=tree["a"],
        kind="administrative",
        court="测试区人民法院",
        disputed_act="限期拆除决定",
        copy_received_on=TODAY,
        parties=[litigation.PartyData(name="王五")],
    )
    error = refusal(
        lambda: litigation.add_hearing(office, case, case.version, held_on=FAR_FUTURE, head_appeared=False)
    )
    assert set(error.fields) == {"held_on"}
    assert not Hearing.objects.exists()


# --- pages, API, Excel import -------------------------------------------------------------------------


def test_the_api_answers_400_keyed_by_field(api, mediator, tree):
    body = {
        "org": "a-tw",
        "received_on": FAR_FUTURE.isoformat(),
        "dispute_type": "邻里",
        "summary": "漏水",
        "parties": [{"name": "张三"}],
    }
    response = api.post("/api/disputes/", body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert "received_on" in error["fields"] and "受理日期" in error["message"]

    dispute = new_dispute(mediator, tree["a-tw"])
    session = {"version": 1, "held_on": "0001-01-01", "place": "调解室", "mediators": "王", "notes": "协商"}
    response = api.post(f"/api/disputes/{dispute.pk}/sessions/", session, format="json")
    assert response.status_code == 400 and "held_on" in response.json()["error"]["fields"]


def test_the_page_shows_the_refusal_on_the_field(client, mediator, tree):
    client.force_login(mediator)
    response = client.post(
        "/disputes/new/",
        {
            "org": tree["a-tw"].pk,
            "received_on": FAR_FUTURE.isoformat(),
            "channel": "visit",
            "dispute_type": DisputeType.objects.get(name="邻里").pk,
            "summary": "漏水",
            "persons_involved": "2",
            "amount_involved": "0",
            "p-TOTAL_FORMS": "1",
            "p-INITIAL_FORMS": "0",
            "p-0-role": "applicant",
            "p-0-kind": "person",
            "p-0-name": "张三",
        },
    )
    assert response.status_code == 200 and "受理日期" in response.content.decode()
    assert "2099" in response.content.decode() and not Dispute.objects.exists()


def test_an_import_row_with_an_implausible_date_refuses_the_whole_file(mediator):
    row = {
        "received_on": TODAY,
        "channel": "visit",
        "dispute_type": "邻里",
        "org": "a-tw",
        "applicant": "张三",
        "summary": "漏水",
    }
    content = export(dispute_sheet(), [row, row | {"received_on": FAR_FUTURE}, row])
    parsed = parse(dispute_sheet(), io.BytesIO(content))
    assert parsed.ok, parsed.summary()
    result = import_disputes(mediator, parsed.rows)
    assert not result.ok and not Dispute.objects.exists()
    assert [(e.row, e.column) for e in result.errors] == [(3, "受理日期")]
    assert "不能晚于今天" in result.errors[0].message
