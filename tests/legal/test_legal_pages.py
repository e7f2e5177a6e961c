import datetime
import io
from urllib.parse import unquote

import pytest
from docx import Document

from fazhi.ledger.downloads import download_name
from fazhi.legal.models import ReviewItem
from tests.conftest import TODAY
from tests.legal import legal_fixtures as fx
from tests.legal.legal_fixtures import new_contract, new_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
legal_units, lawyer, office = fx.legal_units, fx.lawyer, fx.office


@pytest.fixture
def browser_of(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_submit_assign_conclude_and_download_letter(tree, office, lawyer, legal_units, browser_of):
    web = browser_of(office)
    assert web.get("/legal/new/").status_code == 200
    response = web.post(
        "/legal/new/",
        {
            "org": tree["a-sq"].pk,
            "kind": "normative",
            "title": "社区居民公约实施办法",
            "submitted_on": (TODAY - datetime.timedelta(days=10)).isoformat(),
            "materials": "送审稿",
        },
    )
    item = ReviewItem.objects.get()
    assert response.status_code == 302 and response.url == f"/legal/{item.pk}/"
    assert item.due_date is not None
    response = web.post(
        f"/legal/{item.pk}/assign/",
        {"version": 1, "reviewer_org": legal_units["a-gw"].pk, "reviewer": lawyer.pk},
    )
    assert response.status_code == 302
    web = browser_of(lawyer)
    page = web.get(f"/legal/{item.pk}/").content.decode()
    assert "出具审查意见" in page and "退回修改" in page
    response = web.post(
        f"/legal/{item.pk}/conclude/",
        {
            "version": 2,
            "opinion": "unlawful",
            "opinion_on": TODAY.isoformat(),
            "opinion_text": "与上位法抵触",
            "letter_issued": "on",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "concluded" and item.opinion == "unlawful"
    page = web.get(f"/legal/{item.pk}/").content.decode()
    assert "与上位法抵触" in page and "第1轮" in page
    # A concluded review keeps showing its statutory limit, and whether the opinion came within it.
    due = item.rounds.get().due_date
    shown = page.split('id="review-due">')[1].split("</dd>")[0]
    assert f"{due.year}年{due.month}月{due.day}日" in shown and "期限内出具意见" in shown
    assert "无法定审查期限" not in shown
    letter = web.get(f"/legal/{item.pk}/letter/1.docx")
    assert unquote(letter["Content-Disposition"].split("''")[1]) == download_name(
        f"合法性审查法律意见书-{item.number}-第1轮.docx"
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
    assert "合法性审查法律意见书" in text and "与上位法抵触" in text and "不合法" in text


def test_stale_form_keeps_input_and_says_why(tree, office, browser_of):
    item = new_contract(office, tree["a-sq"])
    web = browser_of(office)
    form = {"version": 1, "title": "改一", "counterparty": "某公司", "amount": "100"}
    assert web.post(f"/legal/{item.pk}/edit/", form).status_code == 302
    response = web.post(f"/legal/{item.pk}/edit/", form | {"title": "改二"})
    page = response.content.decode()
    assert response.status_code == 200 and "旧版本" in page and "改二" in page
    assert ReviewItem.objects.get().title == "改一"


def test_refused_action_shows_the_reason(tree, office, browser_of):
    item = new_contract(office, tree["a-sq"])
    response = browser_of(office).post(
        f"/legal/{item.pk}/conclude/",
        {"version": 1, "opinion": "lawful", "opinion_on": TODAY.isoformat(), "opinion_text": "x"},
    )
    assert "不能变更为“已出具意见”" in response.content.decode()


def test_other_street_cannot_list_read_change_or_export(tree, office, person, browser_of, legal_units):
    item = new_contract(office, tree["a-sq"], title="甲街道保洁合同")
    web = browser_of(person("office_b", "office", tree["b"]))
    assert "甲街道保洁合同" not in web.get("/legal/").content.decode()
    assert web.get(f"/legal/{item.pk}/").status_code == 404
    assert web.post(f"/legal/{item.pk}/withdraw/", {"version": 1, "reason": "x"}).status_code == 404
    assert web.get(f"/legal/{item.pk}/letter/1.docx").status_code == 404
    export = web.get("/legal/excel/export/")
    assert export.status_code == 200
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(export.content)).active
    assert all("甲街道保洁合同" not in str(c.value) for row in sheet.iter_rows() for c in row)
    item.refresh_from_db()
    assert item.status == "submitted"


def test_list_filters_on_the_page(tree, office, browser_of):
    new_contract(office, tree["a-sq"], title="保洁服务合同")
    new_item(office, tree["a-sq"], "topic", title="关于预算调整的议题")
    page = browser_of(office).get("/legal/", {"kind": "topic"}).content.decode()
    assert "关于预算调整的议题" in page and "保洁服务合同" not in page
