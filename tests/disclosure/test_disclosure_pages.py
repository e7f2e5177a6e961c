"""The disclosure pages: registration, the record page with its running clock, the actions of the one
table, masking and reveal, the list filters and the yearly report's tables for a unit and year."""

import datetime
import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.disclosure import services
from fazhi.disclosure.models import DisclosureRequest
from fazhi.ledger.downloads import download_name
from tests.conftest import PASSWORD
from tests.conftest import TODAY as DAY
from tests.disclosure.disclosure_fixtures import ID_A, new_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
TODAY = DAY.isoformat()
D = datetime.date


@pytest.fixture
def clerk(tree, person, client):
    user = person("gk_a", "petition", tree["a"], full_name="王公开")
    client.login(username="gk_a", password=PASSWORD)
    return user


def register_post(**over):
    data = {
        "org": "",
        "channel": "in_person",
        "submitted_on": TODAY,
        "received_on": TODAY,
        "applicant_kind": "person",
        "content": "申请公开某地块征收补偿方案",
        "p-TOTAL_FORMS": "2",
        "p-INITIAL_FORMS": "0",
        "p-0-role": "applicant",
        "p-0-name": "孙七",
        "p-0-id_number": ID_A,
        "p-0-phone": "13812345678",
        "p-1-role": "agent",
    }
    return data | over


def test_register_page_creates_and_says_the_due_date(client, clerk, tree):
    body = client.get("/disclosure/new/").content.decode()
    assert f'value="{TODAY}"' in body and "第三十一条" in body
    response = client.post("/disclosure/new/", register_post(org=tree["a"].pk), follow=True)
    request = DisclosureRequest.objects.get()
    assert request.number in response.content.decode()
    assert "答复期限2026年8月12日" in response.content.decode()  # 20 working days from 15 July
    assert [p.name for p in request.parties.all()] == ["孙七"]


def test_register_error_keeps_input(client, clerk, tree):
    response = client.post("/disclosure/new/", register_post(org=tree["a"].pk, submitted_on="2026-07-14"))
    body = response.content.decode()
    assert response.status_code == 200 and "当面提交的，应与提交日期相同" in body and 'value="孙七"' in body
    assert not DisclosureRequest.objects.exists()


def test_detail_shows_clock_masks_and_reveals(client, clerk, tree):
    r = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    r = services.consult(clerk, r, r.version, kind="third_party", addressee="某公司", sent_on=D(2026, 7, 6))
    body = client.get(f"/disclosure/{r.pk}/").content.decode()
    assert "征求意见中" in body and "某公司" in body
    assert "当面提交的，以提交之日为收到申请之日" in body
    assert ID_A not in body and "**************002X" in body
    assert f"/disclosure/{r.pk}/opinion/" in body and f"/disclosure/{r.pk}/reply/" in body
    revealed = client.post(f"/disclosure/{r.pk}/reveal/").content.decode()
    assert ID_A in revealed
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_repr=r.number).exists()


def test_correction_action_moves_the_due_date_on_the_page(client, clerk, tree):
    r = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    assert "2026年7月29日" in client.get(f"/disclosure/{r.pk}/").content.decode()
    response = client.post(
        f"/disclosure/{r.pk}/correction/",
        {"version": r.version, "requested_on": "2026-07-03", "points": "请写明文件名称"},
        follow=True,
    )
    body = response.content.decode()
    assert "告知补正已保存" in body and "等待申请人补正，答复期限停止计算" in body
    r.refresh_from_db()
    response = client.post(
        f"/disclosure/{r.pk}/corrected/", {"version": r.version, "received_on": "2026-07-10"}, follow=True
    )
    body = response.content.decode()
    assert "2026年8月7日" in body and "期限自收到之日起重新计算" in body and "第三十条" in body


def test_unavailable_action_answers_409_and_readers_find_nothing(client, clerk, tree, person):
    r = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    assert client.get(f"/disclosure/{r.pk}/opinion/").status_code == 409
    assert client.get(f"/disclosure/{r.pk}/link_case/").status_code == 409
    leader = person("ld", "leader", tree["a"])
    client.force_login(leader)
    assert client.get(f"/disclosure/{r.pk}/").status_code == 200
    assert client.get(f"/disclosure/{r.pk}/reply/").status_code == 404


def test_reply_page_with_late_warning_and_remedy(client, clerk, tree):
    r = new_request(clerk, tree["a"], received_on=D(2026, 6, 1))
    response = client.post(
        f"/disclosure/{r.pk}/reply/",
        {"version": r.version, "replied_on": TODAY, "outcome": "partial", "reply_summary": "部分公开"},
        follow=True,
    )
    body = response.content.decode()
    assert "已逾期答复" in body and "部分公开" in body
    # the remedy names the configured organs and both periods
    assert "杭州市余杭区人民政府申请行政复议" in body and "六十日内" in body and "六个月内" in body
    assert "第三十七条" in body  # the article 部分公开 rests on


def test_list_filters(client, clerk, tree):
    a = new_request(clerk, tree["a"], received_on=D(2026, 6, 1), name="赵甲")
    b = new_request(clerk, tree["a"], received_on=D(2026, 7, 10), kind="commercial", name="某置业公司")
    services.reply(clerk, b, b.version, replied_on=DAY, outcome="public")

    def numbers(**params):
        body = client.get("/disclosure/", params).content.decode()
        return {n for n in (a.number, b.number) if n in body}

    assert numbers() == {a.number, b.number}
    assert numbers(overdue="1") == {a.number}
    assert numbers(applicant_kind="commercial") == {b.number}
    assert numbers(outcome="public") == {b.number}
    assert numbers(q="赵甲") == {a.number}
    assert numbers(status="replied") == {b.number}


def test_annual_tables_page_and_excel(client, clerk, tree):
    old = new_request(clerk, tree["a"], received_on=D(2025, 12, 29), kind="legal_service")
    services.reply(clerk, old, old.version, replied_on=D(2026, 1, 8), outcome="unavailable_not_held")
    new = new_request(clerk, tree["a"], received_on=D(2026, 3, 2))
    services.reply(clerk, new, new.version, replied_on=D(2026, 3, 20), outcome="public")
    new_request(clerk, tree["a"], received_on=D(2026, 7, 1))  # still open: carried over
    body = client.get("/disclosure/annual/", {"org": "a", "year": "2026"}).content.decode()
    assert "收到和处理政府信息公开申请情况" in body and "勾稽关系不平" not in body
    assert "1.本机关不掌握相关政府信息" in body
    response = client.get("/disclosure/annual/", {"org": "a", "year": "2026", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0].strip(): row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["一、本年新收政府信息公开申请数量"][-1] == 2
    assert rows["二、上年结转政府信息公开申请数量"][4] == 1  # 法律服务机构
    assert rows["（七）总计"][-1] == 2
    assert rows["四、结转下年度继续办理"][-1] == 1
    assert client.get("/disclosure/annual/", {"org": "b"}).status_code == 400
    assert client.get("/disclosure/annual/", {"year": "abc"}).status_code == 400


def test_reply_letter_cites_the_article_and_the_configured_remedies(client, clerk, tree):
    from docx import Document

    from fazhi.disclosure.models import DisclosureSettings

    settings = DisclosureSettings.current()
    settings.reconsideration_organ = "测试区人民政府"
    settings.court = "测试区人民法院"
    settings.save()
    r = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    assert client.get(f"/disclosure/{r.pk}/letter.docx").status_code == 404  # not answered yet
    r = services.reply(clerk, r, r.version, replied_on=DAY, outcome="withheld_process")
    response = client.get(f"/disclosure/{r.pk}/letter.docx")
    assert unquote(response["Content-Disposition"].split("''")[1]) == download_name(
        f"{r.number}政府信息公开申请答复书.docx"
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "甲街道" in text and "政府信息公开申请答复书" in text and r.number in text
    assert "四类过程性信息，依法不予公开" in text and "第十六条第二款" in text
    assert "六十日内向测试区人民政府申请行政复议" in text and "六个月内向测试区人民法院提起行政诉讼" in text
    assert ID_A not in text
    assert AuditEntry.objects.filter(action=Action.EXPORT, target_repr=r.number).exists()


def test_home_board_warns_of_an_overdue_request(client, clerk, tree):
    r = new_request(clerk, tree["a"], received_on=D(2026, 6, 1))
    body = client.get("/").content.decode()
    assert r.number in body and "政府信息公开申请" in body


def test_annual_tables_as_word(client, clerk, tree):
    from docx import Document

    r = new_request(clerk, tree["a"], received_on=D(2026, 3, 2), kind="research")
    services.reply(clerk, r, r.version, replied_on=D(2026, 3, 20), outcome="refused_repeat")
    response = client.get("/disclosure/annual/", {"org": "a", "year": "2026", "format": "docx"})
    doc = Document(io.BytesIO(response.content))
    two, three, four = doc.tables
    assert [c.text for c in two.rows[1].cells] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    rows = {row.cells[0].text.strip(): [c.text for c in row.cells[1:]] for row in three.rows[3:]}
    assert rows["一、本年新收政府信息公开申请数量"] == ["0", "0", "1", "0", "0", "0", "1"]
    assert rows["2.重复申请"][-1] == "1"
    assert "科研机构" in [c.text for c in three.rows[2].cells]
    assert [c.text for c in four.rows[-1].cells] == ["0"] * 15


def test_letter_pdf_not_made_yet_says_so_and_keeps_the_word_file(client, clerk, tree, settings):
    r = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    r = services.reply(clerk, r, r.version, replied_on=DAY, outcome="public")
    response = client.get(f"/disclosure/{r.pk}/letter.pdf", follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == r.get_absolute_url()
    assert "PDF 尚未生成" in body and "后台正在生成" in body
    assert not AuditEntry.objects.filter(action=Action.EXPORT, target_repr=r.number).exists()
    # the Word letter is the one the reply put into the attachments, even after the settings change
    from docx import Document

    from fazhi.disclosure.models import DisclosureSettings

    current = DisclosureSettings.current()
    current.reconsideration_organ = "另一区人民政府"
    current.save()
    text = "\n".join(
        p.text for p in Document(io.BytesIO(client.get(f"/disclosure/{r.pk}/letter.docx").content)).paragraphs
    )
    assert "杭州市余杭区人民政府" in text and "另一区人民政府" not in text
