import datetime

import pytest

from fazhi.disputes.models import DisputeType
from fazhi.petitions import services
from fazhi.petitions.models import CitizenDemand, Petition, ResidentCouncil
from tests.conftest import PASSWORD, TODAY
from tests.disputes.dispute_fixtures import new_dispute
from tests.petitions.petition_fixtures import ID_A, accept, new_petition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = TODAY.isoformat()


@pytest.fixture
def signed_in(client, clerk):
    client.login(username="xinfang_a", password=PASSWORD)
    return client


def register_post(org, **over):
    data = {
        "org": org.pk,
        "received_on": DAY,
        "form": "visit",
        "transferred_from": "",
        "matter": "反映小区噪声扰民",
        "category": "环境保护",
        "persons": "6",
        "leader_reception": "on",
        "receiving_leader": "吴主任",
        "p-TOTAL_FORMS": "2",
        "p-INITIAL_FORMS": "0",
        "p-0-role": "petitioner",
        "p-0-name": "孙七",
        "p-0-id_number": ID_A,
        "p-0-phone": "13812345678",
        "p-1-role": "petitioner",
    }
    return data | over


def test_registration_page_saves_and_tells_the_acceptance_date(signed_in, xf):
    page = signed_in.get("/petitions/new/")
    assert page.status_code == 200 and "15日内书面告知" in page.content.decode()
    response = signed_in.post("/petitions/new/", register_post(xf["a-xf"]), follow=True)
    petition = Petition.objects.get()
    assert response.redirect_chain[-1][0] == f"/petitions/{petition.pk}/"
    body = response.content.decode()
    assert "应于2026年7月30日前书面告知是否受理" in body
    assert petition.is_group and petition.leader_reception
    assert ID_A not in body and "**************002X" in body


def test_registration_errors_keep_the_input(signed_in, xf):
    response = signed_in.post("/petitions/new/", register_post(xf["a-xf"], receiving_leader=""))
    body = response.content.decode()
    assert response.status_code == 200 and "请填写接访领导" in body and "反映小区噪声扰民" in body
    assert not Petition.objects.exists()


def test_record_page_shows_each_stage_with_its_article_and_due_date(signed_in, clerk, xf):
    petition = accept(
        clerk,
        new_petition(clerk, xf["a-xf"], received_on=datetime.date(2026, 7, 1)),
        datetime.date(2026, 7, 6),
    )
    body = signed_in.get(f"/petitions/{petition.pk}/").content.decode()
    assert "《信访工作条例》第二十三条第二款" in body and "2026年7月16日" in body
    assert "《信访工作条例》第三十四条" in body and "2026年9月4日" in body
    assert "60日（可延长30日）" in body
    assert "受理告知" in body and "延期办理" in body and "出具处理意见书" in body


def test_actions_run_from_their_pages(signed_in, clerk, xf):
    petition = new_petition(clerk, xf["a-xf"])
    url = f"/petitions/{petition.pk}/acceptance/"
    assert signed_in.get(url).status_code == 200
    response = signed_in.post(
        url, {"version": petition.version, "decision": "accept", "decided_on": DAY, "note": ""}
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == "accepted"
    # extending beyond 30 日 is refused on the form, with the article
    response = signed_in.post(
        f"/petitions/{petition.pk}/extend/",
        {
            "version": petition.version,
            "days": "31",
            "reason": "复杂",
            "approved_by": "吴主任",
            "told_on": DAY,
        },
    )
    assert response.status_code == 200 and "1至30日" in response.content.decode()
    # an action that does not apply now answers 409 with the reason
    assert signed_in.get(f"/petitions/{petition.pk}/review/").status_code == 409


def test_record_page_shows_the_persons_other_matters_within_scope(signed_in, client, clerk, xf, person):
    petition = new_petition(clerk, xf["a-xf"])
    dispute = new_dispute(clerk, xf["a-tw"])
    body = signed_in.get(f"/petitions/{petition.pk}/").content.decode()
    assert dispute.number in body
    other = person("xinfang_b", "petition", xf["b"])
    client.force_login(other)
    response = client.get(f"/petitions/{petition.pk}/")
    assert response.status_code == 404 and dispute.number not in response.content.decode()


def test_handing_to_mediation_from_the_page_links_both_record_pages(signed_in, clerk, xf):
    petition = new_petition(clerk, xf["a-xf"])
    response = signed_in.post(
        f"/petitions/{petition.pk}/to_dispute/",
        {
            "version": petition.version,
            "org": xf["a-tw"].pk,
            "dispute_type": DisputeType.objects.get(name="邻里").pk,
        },
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.dispute is not None
    assert petition.dispute.number in signed_in.get(f"/petitions/{petition.pk}/").content.decode()
    dispute_page = signed_in.get(f"/disputes/{petition.dispute.pk}/").content.decode()
    assert "来自信访" in dispute_page and petition.number in dispute_page


def test_home_board_lists_overdue_and_due_soon_petitions(signed_in, clerk, xf):
    overdue = new_petition(clerk, xf["a-xf"], received_on=TODAY - datetime.timedelta(days=20))
    soon = new_petition(clerk, xf["a-xf"], received_on=TODAY - datetime.timedelta(days=14))
    later = new_petition(clerk, xf["a-xf"])
    body = signed_in.get("/").content.decode()
    assert overdue.number in body and soon.number in body and later.number not in body
    assert "信访事项是否受理书面告知（《信访工作条例》第二十三条第二款）" in body


def test_list_filters(signed_in, clerk, xf):
    leader = new_petition(clerk, xf["a-xf"], leader_reception=True, receiving_leader="吴主任")
    plain = new_petition(clerk, xf["a-xf"], name="李四", id_number="", phone="13900001111")
    body = signed_in.get("/petitions/", {"leader": "1"}).content.decode()
    assert leader.number in body and plain.number not in body
    body = signed_in.get("/petitions/", {"contact": "139 0000 1111"}).content.decode()
    assert plain.number in body and leader.number not in body


def test_demand_and_council_pages(signed_in, clerk, xf):
    response = signed_in.post(
        "/petitions/demands/new/",
        {
            "org": xf["a"].pk,
            "channel": "online_question",
            "external_number": "WZ001",
            "received_on": DAY,
            "content": "咨询",
        },
    )
    demand = CitizenDemand.objects.get()
    assert response.status_code == 302 and response.url == f"/petitions/demands/{demand.pk}/"
    response = signed_in.post(
        f"/petitions/demands/{demand.pk}/handle/",
        {
            "version": demand.version,
            "handled_on": DAY,
            "reply": "已答复",
            "resolved": "on",
            "satisfaction": "satisfied",
        },
    )
    demand.refresh_from_db()
    assert response.status_code == 302 and demand.resolved and demand.satisfied
    assert "办结：已解决" in signed_in.get(f"/petitions/demands/{demand.pk}/").content.decode()
    assert demand.number in signed_in.get("/petitions/demands/").content.decode()
    response = signed_in.post(
        "/petitions/councils/new/",
        {
            "org": xf["a-sq"].pk,
            "held_on": DAY,
            "topics_raised": "3",
            "topics_resolved": "2",
            "topics": "停车",
            "participants": "20",
        },
    )
    council = ResidentCouncil.objects.get()
    assert response.status_code == 302 and council.org == xf["a-sq"]
    assert council.number in signed_in.get("/petitions/councils/").content.decode()


def test_readers_see_no_buttons_and_reach_no_action(client, clerk, xf, person):
    petition = new_petition(clerk, xf["a-xf"])
    leader = person("leader_a", "leader", xf["a"])
    client.force_login(leader)
    body = client.get(f"/petitions/{petition.pk}/").content.decode()
    assert petition.number in body and "/acceptance/" not in body
    assert client.get(f"/petitions/{petition.pk}/acceptance/").status_code == 404
    services.record_council(clerk, org=xf["a-sq"], held_on=TODAY, topics_raised=1, topics="x")
    assert client.get("/petitions/councils/").status_code == 200
