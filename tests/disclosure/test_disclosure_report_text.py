"""Parts 五 and 六 of the 政府信息公开工作年度报告 as the office writes them: offered as the draft, saved per unit
and year (audited, only by those who may write the unit), kept on a refusal, and used by the Word and Excel
exports in place of the draft."""

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.disclosure import services
from fazhi.disclosure.models import AnnualReportText
from fazhi.ledger.services import MAX_TEXT_LENGTH
from tests.conftest import PASSWORD
from tests.disclosure.disclosure_fixtures import new_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
YEAR = "2025"
FIVE = "五、存在的主要问题及改进情况"
SIX = "六、其他需要报告的事项"
OWN_FIVE = "一是依申请公开答复文书格式不够统一。\n二是主动公开栏目更新不及时。"


@pytest.fixture
def clerk(tree, person, client):
    user = person("gk_a", "petition", tree["a"], full_name="王公开")
    client.login(username="gk_a", password=PASSWORD)
    return user


def save(client, part, text, org="a", year=YEAR, **more):
    data = {"part": part, f"{part}-org": org, f"{part}-year": year, f"{part}-text": text}
    return client.post("/disclosure/annual/text/", data | more)


def word_parts(client, org="a") -> dict[str, list[str]]:
    """The Word export's paragraphs under each heading (the closing signature, the unit's name, left out)."""
    response = client.get("/disclosure/annual/", {"org": org, "year": YEAR, "format": "docx"})
    parts, current = {}, None
    for p in Document(io.BytesIO(response.content)).paragraphs:
        text = p.text.strip()
        if text[:2] in ("一、", "五、", "六、"):
            current = parts.setdefault(text, [])
        elif text and current is not None:
            current.append(text)
    if current and current[-1] == {"a": "甲街道", "b": "乙街道"}[org]:
        current.pop()
    return parts


def excel_text(client, org="a") -> list[str]:
    response = client.get("/disclosure/annual/", {"org": org, "year": YEAR, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content))["文字部分"]
    return [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]


def test_the_page_offers_the_drafts_until_the_office_writes_its_own(client, clerk, tree):
    page = client.get("/disclosure/annual/", {"org": "a", "year": YEAR}).content.decode()
    assert 'id="part-problems"' in page and 'id="part-other"' in page
    assert "（请填写本年度政府信息公开工作存在的主要问题" in page  # 五's draft, in its text area
    assert "本年度因申请人逾期未按收费通知要求缴纳费用" in page  # 六's draft from the counts
    assert page.count("系统草稿，尚未保存") == 2
    assert word_parts(client)[FIVE][0].startswith("（请填写本年度")


def test_saved_text_is_audited_and_used_by_both_exports(client, clerk, tree):
    response = save(client, "problems", OWN_FIVE)
    assert response.status_code == 302
    assert response["Location"] == f"/disclosure/annual/?org=a&year={YEAR}#part-problems"
    row = AnnualReportText.objects.get()
    assert (row.org, row.year, row.part, row.text, row.updated_by) == (
        tree["a"],
        2025,
        "problems",
        OWN_FIVE,
        clerk,
    )
    created = AuditEntry.objects.get(action=Action.CREATE, target_type="disclosure.annualreporttext")
    assert created.actor == clerk and created.org_id == tree["a"].pk
    assert created.changes["text"] == [None, OWN_FIVE] and created.changes["part"] == [None, "problems"]
    page = client.get("/disclosure/annual/", {"org": "a", "year": YEAR}).content.decode()
    assert "已保存“五、存在的主要问题及改进情况”" in page and "本单位已保存的内容" in page
    assert "二是主动公开栏目更新不及时。" in page and page.count("系统草稿，尚未保存") == 1
    parts = word_parts(client)
    assert parts[FIVE] == ["一是依申请公开答复文书格式不够统一。", "二是主动公开栏目更新不及时。"]
    assert parts[SIX][0].startswith("本年度因申请人逾期")  # 六 not written: still drafted
    lines = excel_text(client)
    assert lines[lines.index(FIVE) + 1 : lines.index(FIVE) + 3] == parts[FIVE]
    # rewritten: one UPDATE entry with the text before and after; the same text again writes nothing
    save(client, "other", "本年度未收取信息处理费。")
    save(client, "problems", "改写后的问题。")
    save(client, "problems", "改写后的问题。")
    updates = AuditEntry.objects.filter(action=Action.UPDATE, target_type="disclosure.annualreporttext")
    assert [e.changes["text"] for e in updates] == [[OWN_FIVE, "改写后的问题。"]]
    assert word_parts(client)[SIX] == ["本年度未收取信息处理费。"]
    assert "本年度未收取信息处理费。" in excel_text(client)


def test_the_text_is_kept_per_unit_and_year(client, clerk, tree, person):
    save(client, "problems", OWN_FIVE)
    save(client, "problems", "上一年度的问题。", year="2024")
    assert word_parts(client)[FIVE] == OWN_FIVE.splitlines()
    other = client.get("/disclosure/annual/", {"org": "a", "year": "2024", "format": "docx"})
    assert "上一年度的问题。" in [p.text for p in Document(io.BytesIO(other.content)).paragraphs]
    client.force_login(person("gk_b", "petition", tree["b"]))
    assert word_parts(client, org="b")[FIVE][0].startswith("（请填写本年度")


def test_a_refused_text_comes_back_as_typed_with_the_reason(client, clerk):
    long_text = "问题" * (MAX_TEXT_LENGTH // 2) + "超出的部分"
    response = save(client, "problems", long_text)
    page = response.content.decode()
    assert response.status_code == 400 and "超过" in page and "字的上限" in page
    assert "超出的部分" in page  # what was typed is still in the text area
    assert 'class="field-error"' in page and "本年度因申请人逾期" in page  # 六 keeps its own draft
    response = save(client, "other", "   ")
    assert response.status_code == 400 and "不能为空" in response.content.decode()
    assert not AnnualReportText.objects.exists()


def test_only_those_who_may_write_the_unit_save_its_text(client, clerk, tree, person):
    reader = person("lead_a", "leader", tree["a"])
    client.force_login(reader)
    page = client.get("/disclosure/annual/", {"org": "a", "year": YEAR}).content.decode()
    assert "保存第五部分" not in page and "（请填写本年度" in page  # read, not written
    assert save(client, "problems", "领导不能填写").status_code == 403
    client.force_login(person("gk_b", "petition", tree["b"]))
    assert save(client, "problems", "他街道不能填写").status_code == 404
    client.force_login(clerk)
    assert save(client, "problems", "未来年度", year="2099").status_code == 404
    assert save(client, "unknown", "哪一部分").status_code == 400
    assert client.get("/disclosure/annual/text/").status_code == 405
    assert not AnnualReportText.objects.exists()


def test_a_reply_still_counts_in_part_six_draft(client, clerk, tree):
    """六's draft comes from the counts (unpaid fees) until the office writes its own."""
    r = new_request(clerk, tree["a"], received_on=datetime.date(2025, 3, 3))
    services.reply(clerk, r, r.version, replied_on=datetime.date(2025, 3, 20), outcome="other_no_fee")
    assert "缴纳费用、本机关不再处理的政府信息公开申请1件" in word_parts(client)[SIX][0]
