"""The 驿站's part in mediation and legality review is a link on the dispute and the review item, counted
from there (disputes.legal_station, legal.reviewed_by_station) and never entered again."""

import datetime

import pytest
from rest_framework.test import APIClient

from fazhi.errors import FazhiError
from fazhi.figures import registry
from fazhi.legal import services as legal
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import TODAY, make_org
from tests.disputes.dispute_fixtures import new_dispute
from tests.legal.legal_fixtures import new_contract

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def value(code, org):
    orgs = Organisation.objects.subtree_of([org])
    return registry.get(code).compute(
        orgs, datetime.date(TODAY.year, 1, 1), datetime.date(TODAY.year, 12, 31)
    )


def test_a_station_joining_a_review_is_counted_once_it_is_reviewed(office, units):
    adviser = make_org("a-gw", Kind.LEGAL_ADVISER, units["a"], "甲街道法律顾问室", "甲顾")
    item = new_contract(office, units["a-zf"])
    item = legal.assign(office, item, item.version, adviser, co_reviewers=[units["a-yz"], adviser])
    assert list(item.co_reviewers.all()) == [units["a-yz"]]  # the reviewing unit itself is not a joint one
    assert value("legal.reviewed_by_station", units["a"]) == 0  # not reviewed yet
    legal.conclude(office, item, item.version, opinion="lawful", opinion_text="合法", opinion_on=TODAY)
    assert value("legal.reviewed_by_station", units["a"]) == 1
    other = new_contract(office, units["a-zf"], title="另一份合同")
    with pytest.raises(FazhiError) as refused:
        legal.assign(office, other, other.version, adviser, co_reviewers=[units["a-tw"]])
    assert "联合审查单位" in str(refused.value)


def test_the_api_assigns_joint_reviewers_by_code(office, units):
    make_org("a-gw", Kind.LEGAL_ADVISER, units["a"], "甲街道法律顾问室", "甲顾")
    item = new_contract(office, units["a-zf"])
    api = APIClient()
    api.force_authenticate(office)
    answer = api.post(
        f"/api/legal-reviews/{item.pk}/assign/",
        {"version": item.version, "reviewer_org": "a-gw", "co_reviewers": ["a-yz"]},
        format="json",
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["co_reviewers"] == ["a-yz"]


def test_a_dispute_the_station_joined_counts_whatever_its_outcome(office, units):
    new_dispute(office, units["a-tw"], assisting_units=[units["a-yz"]])
    new_dispute(office, units["a-tw"])
    assert value("disputes.legal_station", units["a"]) == 1
    assert value("disputes.legal_station", units["b"]) == 0
