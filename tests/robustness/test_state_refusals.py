"""A service that refuses an action because of the record's state answers 409 transition_not_allowed in
the API, like the kit's own status machine — also when the state changed after the API's availability
check (another person's save in between), which is when the service's own check is the one that speaks."""

import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from fazhi.disputes import services as disputes
from fazhi.legal import services as legal
from fazhi.litigation import services as litigation
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = TODAY.isoformat()


@pytest.fixture
def writer(tree, person):
    user = person("writer", "office", tree["a"])
    from fazhi.orgs.models import RoleAssignment

    RoleAssignment.objects.create(user=user, org=tree["a-tw"], role="handler")
    return user


@pytest.fixture
def api(writer, monkeypatch):
    """The API client of a person whose availability check ran before someone else's save: the check
    is skipped (it would answer 409 itself), so the service's own refusal is what comes back."""
    monkeypatch.setattr("fazhi.ledger.api.can_write", lambda user, org: False)
    client = APIClient()
    client.force_authenticate(writer)
    return client


def _refused(response):
    assert response.status_code == 409, response.content.decode()
    assert response.json()["error"]["code"] == "transition_not_allowed"


def test_visit_and_confirmation_of_an_open_dispute(api, writer, tree):
    dispute = new_dispute(writer, tree["a-tw"])
    _refused(
        api.post(
            f"/api/disputes/{dispute.pk}/visit/",
            {"version": dispute.version, "visited_on": DAY, "satisfaction": "satisfied"},
            format="json",
        )
    )
    _refused(
        api.post(
            f"/api/disputes/{dispute.pk}/confirmation/",
            {"version": dispute.version, "applied_on": DAY, "court": "测试区人民法院"},
            format="json",
        )
    )


def test_session_of_a_withdrawn_dispute(api, writer, tree):
    dispute = new_dispute(writer, tree["a-tw"])
    dispute = disputes.withdraw(writer, dispute, dispute.version, concluded_on=TODAY, reason="当事人撤回")
    session = {"version": dispute.version, "held_on": DAY, "place": "调解室", "mediators": "王", "notes": "x"}
    _refused(api.post(f"/api/disputes/{dispute.pk}/sessions/", session, format="json"))


def test_hearing_of_a_concluded_case(api, writer, tree):
    case = litigation.register_case(
        writer,
        org=tree["a"],
        kind="administrative",
        court="测试区人民法院",
        disputed_act="限期拆除决定",
        copy_received_on=TODAY - datetime.timedelta(days=30),
        parties=[litigation.PartyData(name="王五")],
    )
    case = litigation.conclude(writer, case, case.version, outcome="lost", concluded_on=TODAY)
    _refused(
        api.post(
            f"/api/litigation-cases/{case.pk}/hearings/",
            {"version": case.version, "held_on": DAY},
            format="json",
        )
    )


def test_filing_of_a_contract_not_yet_reviewed(api, writer, tree):
    item = legal.submit(
        writer,
        org=tree["a-sq"],  # a 街道 itself holds no review item (holder_kinds): a 社区 submits
        kind="contract",
        title="物业服务采购合同",
        submitted_on=TODAY,
        counterparty="某物业服务有限公司",
        amount=Decimal("5000000"),
        materials="合同文本",
    )
    _refused(
        api.post(
            f"/api/legal-reviews/{item.pk}/filing/", {"version": item.version, "filed_on": DAY}, format="json"
        )
    )


def test_no_service_gives_the_code_without_the_status():
    """A FazhiError(code="transition_not_allowed") would answer 400: the refusal is TransitionNotAllowed."""
    import re
    from pathlib import Path

    import fazhi

    pattern = re.compile(r"code\s*=\s*[\"']transition_not_allowed[\"']")
    found = [
        str(path.relative_to(Path(fazhi.__file__).parent))
        for path in Path(fazhi.__file__).parent.rglob("*.py")
        if path.name != "errors.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not found, found
