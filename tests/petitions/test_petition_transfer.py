"""A transferred or assigned matter (信访工作条例 第二十三条第三款): besides its 15 日 acceptance notice, the
office may object within 5 工作日 that the matter lies outside its remit. The objection date is computed by
the rules table (``petition.transfer_objection``) and shown on the record, the home board and the API."""

import datetime

import pytest
from rest_framework.test import APIClient

from fazhi.petitions import services
from tests.conftest import PASSWORD, TODAY
from tests.petitions.petition_fixtures import new_petition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date
# TODAY is Wednesday 15 July 2026; July has no holiday.
MONDAY = D(2026, 7, 13)


@pytest.fixture
def signed_in(client, clerk):
    client.login(username="xinfang_a", password=PASSWORD)
    return client


def transferred(clerk, xf, received_on=MONDAY):
    return new_petition(clerk, xf["a-xf"], received_on=received_on, transferred_from="区信访局")


def test_objection_date_counts_five_working_days_beside_the_15_day_notice(clerk, xf):
    petition = transferred(clerk, xf)
    # 5 工作日 after Monday 13 July: 14, 15, 16, 17, 20 — Monday 20 July (the weekend not counted)
    assert petition.objection_due == D(2026, 7, 20)
    # the acceptance notice stays the watched due date: 13 July + 15 calendar days
    assert petition.due_date == petition.acceptance_due == D(2026, 7, 28)
    stages = {s["field"]: s for s in petition.stages()}
    objection = stages["objection_due"]
    assert objection["rule"].code == "petition.transfer_objection"
    assert objection["rule"].source == "《信访工作条例》第二十三条第三款"
    assert objection["rule"].period_text == "5个工作日"
    assert objection["watch"] == "due_soon" and not objection["current"]
    assert "2026年7月20日" in objection["deadline"].text


def test_a_direct_matter_has_no_objection_date(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"], received_on=MONDAY)
    assert petition.objection_due is None
    assert "objection_due" not in {s["field"] for s in petition.stages()}


def test_editing_the_transfer_computes_or_drops_the_date(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"], received_on=MONDAY)
    petition = services.update_details(clerk, petition, petition.version, transferred_from="区住建局")
    assert petition.objection_due == D(2026, 7, 20)
    petition = services.update_details(clerk, petition, petition.version, transferred_from="")
    assert petition.objection_due is None


def test_an_objection_closes_in_its_own_stage_and_a_late_one_is_marked(clerk, xf):
    petition = transferred(clerk, xf, received_on=D(2026, 7, 1))  # objection due Wednesday 8 July
    objected = services.decide_acceptance(
        clerk, petition, petition.version, decision="object", decided_on=TODAY, note="属区住建局职责"
    )
    stages = {s["field"]: s for s in objected.stages()}
    assert "acceptance_due" not in stages  # no acceptance notice was due once objected to
    assert stages["objection_due"]["done"] == TODAY and stages["objection_due"]["late"]


def test_accepting_leaves_the_objection_behind(clerk, xf):
    petition = transferred(clerk, xf)
    accepted = services.decide_acceptance(
        clerk, petition, petition.version, decision="accept", decided_on=TODAY, note="已受理"
    )
    assert "objection_due" not in {s["field"] for s in accepted.stages()}


def test_record_page_shows_the_objection_date_and_its_article(signed_in, clerk, xf):
    petition = transferred(clerk, xf)
    page = signed_in.get(f"/petitions/{petition.pk}/").content.decode()
    assert 'id="objection-due"' in page and "2026年7月20日" in page
    row = page[page.index('id="stage-objection_due"') :]
    row = row[: row.index("</tr>")]
    assert "提出异议" in row and "第二十三条第三款" in row and "5个工作日" in row and "即将到期" in row


def test_record_page_says_when_the_objection_period_has_run_out(signed_in, clerk, xf):
    petition = transferred(clerk, xf, received_on=D(2026, 7, 6))  # objection due Monday 13 July
    page = signed_in.get(f"/petitions/{petition.pk}/").content.decode()
    assert 'id="objection-due"' not in page
    assert "异议期限已过" in page


def test_home_board_lists_a_matter_whose_objection_date_is_near(signed_in, clerk, xf):
    near = transferred(clerk, xf)  # objection 20 July, within the board's three working days
    run_out = transferred(clerk, xf, received_on=D(2026, 7, 6))  # objection 13 July passed, notice 21 July
    direct = new_petition(clerk, xf["a-xf"], received_on=MONDAY)  # notice 28 July
    body = signed_in.get("/").content.decode()
    assert near.number in body
    assert run_out.number not in body and direct.number not in body
    assert "应于2026年7月20日前提出异议（5个工作日，《信访工作条例》第二十三条第三款）" in body


def test_api_answers_the_objection_date_and_its_stage(clerk, xf):
    petition = transferred(clerk, xf)
    api = APIClient()
    api.force_authenticate(clerk)
    data = api.get(f"/api/petitions/{petition.pk}/").json()
    assert data["objection_due"] == "2026-07-20"
    stage = next(s for s in data["stages"] if s["rule"] == "petition.transfer_objection")
    assert stage["due"] == "2026-07-20" and stage["period"] == "5个工作日"
    assert stage["source"] == "《信访工作条例》第二十三条第三款"


def test_the_migration_fills_the_date_of_undecided_transferred_matters(clerk, xf):
    import importlib

    from django.apps import apps

    from fazhi.petitions.models import Petition

    migration = importlib.import_module("fazhi.petitions.migrations.0002_petition_transfer_objection_due")
    waiting = transferred(clerk, xf)
    direct = new_petition(clerk, xf["a-xf"], received_on=MONDAY)
    Petition.objects.update(objection_due=None)
    migration.objection_dates(apps, None)
    assert Petition.objects.get(pk=waiting.pk).objection_due == D(2026, 7, 20)
    assert Petition.objects.get(pk=direct.pk).objection_due is None
