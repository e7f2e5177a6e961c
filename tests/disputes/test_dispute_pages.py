import datetime
import io
from decimal import Decimal
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from docx import Document

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes import services
from fazhi.disputes.models import Dispute, DisputeType
from fazhi.ledger.downloads import download_name
from fazhi.orgs.models import Kind
from tests.conftest import PASSWORD, make_org
from tests.conftest import TODAY as DAY
from tests.disputes.dispute_fixtures import ID_A, new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
TODAY = DAY.isoformat()


@pytest.fixture
def mediator(tree, person, client):
    user = person("med_a", "handler", tree["a-tw"], full_name="李调解")
    client.login(username="med_a", password=PASSWORD)
    return user


def intake_post(**over):
    data = {
        "org": "",
        "received_on": TODAY,
        "channel": "visit",
        "dispute_type": DisputeType.objects.get(name="噪声").pk,
        "summary": "夜间装修噪声",
        "persons_involved": "2",
        "amount_involved": "0",
        "p-TOTAL_FORMS": "3",
        "p-INITIAL_FORMS": "0",
        "p-0-role": "applicant",
        "p-0-kind": "person",
        "p-0-name": "孙七",
        "p-0-id_number": ID_A,
        "p-0-phone": "13812345678",
        "p-1-role": "respondent",
        "p-1-kind": "person",
        "p-1-name": "周八",
        "p-2-role": "applicant",
        "p-2-kind": "person",
    }
    return data | over


def test_intake_form_defaults_and_creates(client, mediator, tree):
    page = client.get("/disputes/new/")
    body = page.content.decode()
    assert page.status_code == 200 and f'value="{TODAY}"' in body
    assert f'<option value="{tree["a-tw"].pk}" selected>' in body
    response = client.post("/disputes/new/", intake_post(org=tree["a-tw"].pk))
    dispute = Dispute.objects.get()
    assert response.status_code == 302 and response.url == f"/disputes/{dispute.pk}/"
    assert [p.name for p in dispute.parties.all()] == ["孙七", "周八"]


def test_a_street_office_intakes_for_the_street_committee_by_default(client, tree, person):
    make_org("a-xl", Kind.PSYCH_SERVICE, tree["a"], "甲街道心理服务站", "甲心")  # listed before the 调委会
    client.force_login(person("office_a", "office", tree["a"]))
    body = client.get("/disputes/new/").content.decode()
    assert f'<option value="{tree["a-tw"].pk}" selected>' in body


def test_intake_error_keeps_input(client, mediator, tree):
    response = client.post(
        "/disputes/new/", intake_post(org=tree["a-tw"].pk, **{"p-0-id_number": "110105194912310021"})
    )
    body = response.content.decode()
    assert response.status_code == 200 and "校验位不符" in body
    assert "夜间装修噪声" in body and 'value="孙七"' in body and 'value="周八"' in body
    assert not Dispute.objects.exists()


def test_list_detail_masking_reveal_and_timeline(client, mediator, tree):
    d = new_dispute(mediator, tree["a-tw"], received_on=DAY - datetime.timedelta(days=40))
    listing = client.get("/disputes/", {"overdue": "1"}).content.decode()
    assert d.number in listing and "已超期" in listing
    detail = client.get(f"/disputes/{d.pk}/").content.decode()
    assert ID_A not in detail and "**************002X" in detail
    assert "新建" in detail  # the audit entry of the intake is on the timeline
    revealed = client.post(f"/disputes/{d.pk}/reveal/").content.decode()
    assert ID_A in revealed
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL).count() == 1


def test_stale_edit_shows_message_and_keeps_input(client, mediator, tree):
    d = new_dispute(mediator, tree["a-tw"])
    services.update_details(mediator, d, d.version, summary="别人先改了")
    response = client.post(
        f"/disputes/{d.pk}/edit/",
        {
            "version": "1",
            "received_on": TODAY,
            "channel": "visit",
            "dispute_type": d.dispute_type_id,
            "summary": "我的修改",
            "persons_involved": "3",
            "amount_involved": "0",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "保存失败：该记录已被" in body and "我的修改" in body


def test_session_conclude_and_agreement_docx(client, mediator, tree):
    d = new_dispute(mediator, tree["a-tw"])
    r = client.post(
        f"/disputes/{d.pk}/session/",
        {"version": "1", "held_on": TODAY, "place": "调解室", "mediators": "李调解", "notes": "面对面协商"},
    )
    assert r.status_code == 302
    r = client.post(
        f"/disputes/{d.pk}/conclude/",
        {"version": "2", "outcome": "success", "concluded_on": TODAY, "agreement_text": "李四赔偿张三800元"},
    )
    assert r.status_code == 302
    docx = client.get(f"/disputes/{d.pk}/documents/agreement.docx")
    d.refresh_from_db()
    assert (
        unquote(docx["Content-Disposition"].split("''")[1])
        == f"人民调解协议书-{download_name(d.number)}.docx"
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    for required in ("人民调解协议书", "张三", "李四赔偿张三800元", "履行期限", "人民调解员", "印章", ID_A):
        assert required in text


def test_other_street_cannot_see_pages(client, tree, person):
    owner = person("med_a", "handler", tree["a-tw"])
    d = new_dispute(owner, tree["a-tw"])
    person("med_b", "handler", tree["b-tw"])
    client.login(username="med_b", password=PASSWORD)
    assert d.number not in client.get("/disputes/").content.decode()
    for url in (
        f"/disputes/{d.pk}/",
        f"/disputes/{d.pk}/edit/",
        f"/disputes/{d.pk}/documents/agreement.docx",
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(
            f"/disputes/{d.pk}/withdraw/", {"version": "1", "concluded_on": TODAY, "reason": "x"}
        ).status_code
        == 404
    )


def test_inbox_lists_what_is_dispatched_to_my_unit(client, tree, person):
    office = person("office_a", "office", tree["a"])
    community = person("med_sq", "handler", tree["a-sq-tw"])
    d = new_dispute(office, tree["a-tw"])
    services.dispatch(office, d, d.version, tree["a-sq-tw"])
    kept = new_dispute(office, tree["a-sq-tw"])
    client.force_login(community)
    body = client.get("/disputes/inbox/").content.decode()
    assert d.number in body and kept.number not in body


def test_record_page_has_sections_for_sessions_agreement_amounts_and_performance(client, mediator, tree):
    d = new_dispute(mediator, tree["a-tw"], amount_involved=Decimal("5000"))
    services.add_session(
        mediator, d, d.version, held_on=DAY, place="调解室", mediators="李调解", notes="背对背协商"
    )
    d.refresh_from_db()
    services.conclude_success(
        mediator,
        d,
        d.version,
        concluded_on=DAY,
        agreement_text="李四赔偿张三3000元",
        amount_agreed=Decimal("3000"),
        amount_recovered=Decimal("12345.5"),
        performance_method="分两期转账",
        performance_due=DAY + datetime.timedelta(days=30),
    )
    page = BeautifulSoup(client.get(f"/disputes/{d.pk}/").content, "html.parser")
    assert [cell.text for cell in page.select("#sessions tbody td")][:3] == [
        "2026年7月15日",
        "调解室",
        "李调解",
    ]
    assert "李四赔偿张三3000元" in page.select_one("#outcome").text
    amounts = page.select_one("#amounts").text
    assert "5,000元" in amounts and "3,000元" in amounts and "12,345.5元" in amounts
    performance = page.select_one("#performance").text
    assert "分两期转账" in performance and "2026年8月14日" in performance and "司法确认" in performance


def test_a_failed_mediation_shows_its_referral_and_no_agreement(client, mediator, tree):
    d = new_dispute(mediator, tree["a-tw"])
    d = services.add_session(
        mediator, d, d.version, held_on=DAY, place="调解室", mediators="李调解", notes="协商"
    )
    services.conclude_failure(
        mediator, d, d.version, concluded_on=DAY, referred_to="litigation", reason="分歧大"
    )
    page = BeautifulSoup(client.get(f"/disputes/{d.pk}/").content, "html.parser")
    assert "引导诉讼" in page.select_one("#outcome").text and "分歧大" in page.select_one("#outcome").text
    assert page.select_one("#amounts") is None and page.select_one("#performance") is None
    assert len(page.select("#sessions tbody tr")) == 1


def test_a_dispute_without_sessions_says_so(client, mediator, tree):
    d = new_dispute(mediator, tree["a-tw"])
    page = BeautifulSoup(client.get(f"/disputes/{d.pk}/").content, "html.parser")
    assert "尚未登记调解记录" in page.select_one("#sessions").text and page.select_one("#outcome") is None


def test_the_conclude_form_marks_each_outcomes_own_fields(client, mediator, tree):
    d = new_dispute(mediator, tree["a-tw"])
    services.add_session(
        mediator, d, d.version, held_on=DAY, place="调解室", mediators="李调解", notes="协商"
    )
    page = BeautifulSoup(client.get(f"/disputes/{d.pk}/conclude/").content, "html.parser")
    assert len(page.select("input[name=outcome][data-kind-switch]")) == 2
    assert page.select_one("[name=agreement_text]")["data-kinds"] == "success"
    assert page.select_one("[name=referred_to]")["data-kinds"] == "failure"
    assert not page.select_one("[name=concluded_on]").has_attr("data-kinds")  # both outcomes have a date


def test_the_list_shows_the_summary_and_the_mediator_responsible(client, mediator, tree):
    d = new_dispute(
        mediator, tree["a-tw"], summary="楼上漏水引发邻里纠纷，双方对维修费用分歧较大", handler="李调解"
    )
    page = BeautifulSoup(client.get("/disputes/").content, "html.parser")
    headers = [th.text.strip() for th in page.select("table.grid thead th")]
    assert "简况" in headers and "承办人" in headers
    row = page.select_one("table.grid tbody tr")
    cells = {header: td.text.strip() for header, td in zip(headers, row.select("td"), strict=False)}
    assert cells["承办人"] == "李调解" and cells["简况"].startswith("楼上漏水引发邻里纠纷")
    assert "李调解" in client.get(f"/disputes/{d.pk}/").content.decode()
