import datetime
import io
from urllib.parse import unquote

import pytest
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
