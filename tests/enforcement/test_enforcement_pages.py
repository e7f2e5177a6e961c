import datetime
from urllib.parse import quote

import pytest

from fazhi.enforcement import services
from fazhi.enforcement.models import Certificate, EnforcementCase, EnforcementSettings, InspectionBatch
from tests.conftest import PASSWORD, TODAY
from tests.enforcement.enforcement_fixtures import ID_A, add_officer, file_case, special_action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = datetime.timedelta(days=1)


@pytest.fixture
def signed_in(client, officer_user):
    client.login(username=officer_user.username, password=PASSWORD)
    return client


def case_post(team, officers, **over):
    data = {
        "org": team.pk,
        "filed_on": TODAY.isoformat(),
        "procedure": "ordinary",
        "source": "complaint",
        "field": "dust",
        "object_kind": "site",
        "summary": "工地未采取防尘措施",
        "officers": [o.pk for o in officers],
        "p-TOTAL_FORMS": "2",
        "p-INITIAL_FORMS": "0",
        "p-0-role": "party",
        "p-0-kind": "organisation",
        "p-0-enterprise": "on",
        "p-0-name": "某建筑工程有限公司",
        "p-0-id_number": ID_A,
        "p-1-role": "agent",
        "p-1-kind": "person",
    }
    return data | over


def test_filing_page_creates_a_case_with_its_due_date_and_article(signed_in, team, officers):
    page = signed_in.get("/enforcement/new/")
    body = page.content.decode()
    assert page.status_code == 200 and "沈一" in body and "韩二" in body
    response = signed_in.post("/enforcement/new/", case_post(team, officers))
    case = EnforcementCase.objects.get()
    assert response.status_code == 302 and response.url == f"/enforcement/{case.pk}/"
    assert case.enterprise and case.party_kind == "organisation"
    detail = signed_in.get(response.url).content.decode()
    assert "处罚决定期限" in detail and "第六十条" in detail and "立案之日起90日" in detail
    assert ID_A not in detail  # masked on the page


def test_filing_with_one_officer_is_refused_on_the_form(signed_in, team, officers):
    response = signed_in.post("/enforcement/new/", case_post(team, officers[:1]))
    assert response.status_code == 200 and "两名以上" in response.content.decode()
    assert not EnforcementCase.objects.exists()


def test_action_pages_follow_the_status(signed_in, officer_user, team, officers):
    case = file_case(officer_user, team, officers, filed_on=TODAY - 10 * DAY)
    assert signed_in.get(f"/enforcement/{case.pk}/decide/").status_code == 409
    detail = signed_in.get(f"/enforcement/{case.pk}/").content.decode()
    assert (
        f"/enforcement/{case.pk}/investigate/" in detail and f"/enforcement/{case.pk}/decide/" not in detail
    )
    response = signed_in.post(
        f"/enforcement/{case.pk}/investigate/",
        {"version": case.version, "investigated_on": (TODAY - 9 * DAY).isoformat(), "evidence": "询问笔录"},
    )
    assert response.status_code == 302
    notice = signed_in.post(
        f"/enforcement/{case.pk}/notify/",
        {"version": case.version + 1, "notified_on": (TODAY - 2 * DAY).isoformat(), "hearing_right": "on"},
    )
    assert notice.status_code == 302
    detail = signed_in.get(f"/enforcement/{case.pk}/").content.decode()
    assert "申请听证期限" in detail and "第六十四条" in detail and "5个工作日" in detail
    # decided before the hearing window closed: refused, with the reason on the form
    early = signed_in.post(
        f"/enforcement/{case.pk}/decide/",
        {"version": case.version + 2, "decision_on": TODAY.isoformat(), "penalty_kind": "warning",
         "fine_amount": "0", "confiscated_amount": "0"},
    )  # fmt: skip
    assert early.status_code == 200 and "期限届满后才能作出决定" in early.content.decode()


def test_a_reader_sees_no_buttons_and_no_action_page(client, person, officer_user, team, officers):
    case = file_case(officer_user, team, officers)
    leader = person("leader_a", "leader", team.parent)
    client.login(username=leader.username, password=PASSWORD)
    assert client.get(f"/enforcement/{case.pk}/").status_code == 200
    assert client.get(f"/enforcement/{case.pk}/investigate/").status_code == 404


def test_home_board_shows_late_publicity_and_an_expiring_certificate(signed_in, officer_user, team, officers):
    decision = TODAY - 20 * DAY
    case = file_case(officer_user, team, officers, filed_on=decision, procedure="simple")
    services.decide(officer_user, case, case.version, decision_on=decision, penalty_kind="warning")
    expiring = add_officer(officer_user, team, "到期", "A0077", expires_on=TODAY + 30 * DAY)
    board = signed_in.get("/").content.decode()
    overdue, due_soon = board.split("即将到期", 1)
    assert case.number in overdue
    assert "A0077" in due_soon and expiring.certificates.get().number == "A0077"
    settings = EnforcementSettings.current()
    settings.certificate_warning_days = 10
    settings.save()
    assert "A0077" not in signed_in.get("/").content.decode()


def test_roster_and_new_officer_page(signed_in, team, officers):
    page = signed_in.get("/enforcement/certificates/").content.decode()
    assert "A0001" in page and "沈一" in page
    response = signed_in.post(
        "/enforcement/certificates/new/",
        {"org": team.pk, "name": "新人", "joined_on": TODAY.isoformat(), "number": "A0100", "issuer": "区政府",
         "issued_on": TODAY.isoformat(), "expires_on": "2032-07-14"},
    )  # fmt: skip
    card = Certificate.objects.get(number="A0100")
    assert response.status_code == 302 and response.url == f"/enforcement/certificates/{card.pk}/"
    detail = signed_in.get(response.url).content.decode()
    assert "新增执法人员" in detail and "2032年7月14日" in detail
    lost = signed_in.post(
        f"/enforcement/certificates/{card.pk}/lost/", {"version": card.version, "on": TODAY.isoformat()}
    )
    assert lost.status_code == 302
    card.refresh_from_db()
    assert card.status == "lost"
    assert signed_in.get(f"/enforcement/certificates/{card.pk}/cancel/").status_code == 409


def test_inspection_batch_page(signed_in, team, officer_user):
    action = special_action(officer_user, team).pk
    response = signed_in.post(
        "/enforcement/inspections/new/",
        {"org": team.pk, "held_on": TODAY.isoformat(), "action": "special", "special_action": action,
         "field": "dust", "object_kind": "vehicle", "objects_checked": "5741", "hazards_found": "3",
         "hazards_rectified": "4", "cases_filed_outside": "82"},
    )  # fmt: skip
    assert response.status_code == 200 and "不能多于发现隐患" in response.content.decode()
    response = signed_in.post(
        "/enforcement/inspections/new/",
        {"org": team.pk, "held_on": TODAY.isoformat(), "action": "special", "special_action": action,
         "field": "dust", "object_kind": "vehicle", "objects_checked": "5741", "hazards_found": "3",
         "hazards_rectified": "2", "cases_filed_outside": "82"},
    )  # fmt: skip
    batch = InspectionBatch.objects.get()
    assert response.status_code == 302 and batch.objects_checked == 5741
    listing = signed_in.get("/enforcement/inspections/").content.decode()
    assert "百日攻坚" in listing and "5741" in listing


def test_overdue_filter_keeps_a_no_penalty_decision_awaiting_publicity(
    signed_in, officer_user, team, officers
):
    """不予处罚 is a closed status, but its 公示 is still owed: the list's overdue filter and the API's find
    it, as the home board does."""
    case = file_case(officer_user, team, officers, filed_on=TODAY - 60 * DAY)
    case = services.investigate(
        officer_user, case, case.version, investigated_on=TODAY - 59 * DAY, evidence="笔录"
    )
    case = services.no_penalty(officer_user, case, case.version, on=TODAY - 58 * DAY, reason="首违不罚")
    assert case.due_date < TODAY  # 20 工作日 to publish have passed
    assert case.number in signed_in.get("/enforcement/?overdue=1").content.decode()
    listed = signed_in.get("/api/enforcement-cases/", {"overdue": "1"}).json()["results"]
    assert [row["number"] for row in listed] == [case.number]
    services.publish(officer_user, case, case.version, published_on=TODAY)
    assert case.number not in signed_in.get("/enforcement/?overdue=1").content.decode()


def test_no_decide_button_while_the_party_may_ask_for_a_hearing(signed_in, officer_user, team, officers):
    case = file_case(officer_user, team, officers, filed_on=TODAY - 5 * DAY)
    case = services.investigate(
        officer_user, case, case.version, investigated_on=TODAY - 4 * DAY, evidence="笔录"
    )
    case = services.notify(officer_user, case, case.version, notified_on=TODAY - DAY, hearing_right=True)
    assert case.hearing_request_due >= TODAY
    page = signed_in.get(f"/enforcement/{case.pk}/").content.decode()
    assert f"/enforcement/{case.pk}/decide/" not in page and f"/enforcement/{case.pk}/hearing/" in page
    assert signed_in.get(f"/enforcement/{case.pk}/decide/").status_code == 409
    # once the window has passed without a request, the decision may be made
    EnforcementCase.objects.filter(pk=case.pk).update(hearing_request_due=TODAY - DAY)
    assert f"/enforcement/{case.pk}/decide/" in signed_in.get(f"/enforcement/{case.pk}/").content.decode()


def test_inspection_excel_file_names_are_chinese(signed_in):
    for url, name in (
        ("/enforcement/inspections/excel/template/", "执法检查台账导入模板.xlsx"),
        ("/enforcement/inspections/excel/export/", f"执法检查台账（{TODAY:%Y-%m-%d}导出）.xlsx"),
    ):
        response = signed_in.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(name)}"
