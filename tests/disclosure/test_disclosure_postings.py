"""The 主动公开 postings log and table 二 of the yearly report: the 20 工作日 of 条例第二十六条, what each
kind must say, repeal of a normative document, table 二's counting rule (制发/废止/现行有效, decisions,
fees in 万元), its figures, the pages and API, the exported report's six parts, and the demo reproducing
西乡 2023's 工作动态49篇、通知公告27篇、财政审计文件16篇、政策解读3篇."""

import datetime
import io
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from fazhi.disclosure import proactive
from fazhi.disclosure.annual_report import report_docx
from fazhi.disclosure.models import PENDING, PUBLISHED, REPEALED, Posting
from fazhi.disclosure.table import annual_tables, table_two
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.figures import registry
from fazhi.orgs.models import Organisation
from tests.conftest import PASSWORD, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


@pytest.fixture
def clerk(tree, person):
    return person("gk_a", "petition", tree["a"], full_name="王公开")


MARCH = D(2026, 3, 2)


def post(clerk, org, kind="news", formed_on=MARCH, **extra):
    return proactive.register(
        clerk, org=org, kind=kind, title=extra.pop("title", "街道工作动态"), formed_on=formed_on, **extra
    )


def year_value(code, org, year):
    orgs = Organisation.objects.subtree_of([org])
    return registry.get(code).compute(orgs, D(year, 1, 1), D(year, 12, 31))


def two(org, year):
    orgs = Organisation.objects.subtree_of([org])
    return {
        label: values
        for section in table_two(orgs, D(year, 1, 1), D(year, 12, 31))
        for label, values in section.rows
    }


def test_pending_posting_runs_twenty_working_days_and_late_publication_is_said(clerk, tree):
    posting = post(clerk, tree["a"], formed_on=D(2026, 6, 1))
    assert posting.status == PENDING and posting.number
    assert posting.due_date == D(2026, 6, 30)  # 20 工作日, 端午 (19 June) not counted
    published = proactive.publish(
        clerk, posting, posting.version, published_on=D(2026, 7, 1), link="https://x"
    )
    assert published.status == PUBLISHED and published.late
    assert "晚于法定期限" in proactive.publish_warning(
        published
    ) and "第二十六条" in proactive.publish_warning(published)
    with pytest.raises(TransitionNotAllowed):
        proactive.publish(clerk, published, published.version, published_on=D(2026, 7, 2))


def test_logged_after_the_fact_is_published_at_once_and_checked(clerk, tree):
    posting = post(clerk, tree["a"], published_on=D(2026, 3, 4))
    assert posting.status == PUBLISHED and not posting.late
    with pytest.raises(FazhiError, match="早于信息形成日期"):
        post(clerk, tree["a"], formed_on=D(2026, 3, 4), published_on=D(2026, 3, 2))
    with pytest.raises(FazhiError, match="处理决定数量"):
        post(clerk, tree["a"], kind="penalty", decisions=0)
    with pytest.raises(FazhiError, match="收费金额"):
        post(clerk, tree["a"], kind="fee")
    with pytest.raises(FazhiError, match="不是主动公开的责任单位"):
        post(clerk, tree["a-tw"])
    assert post(clerk, tree["a"], kind="news", decisions=9, fee_amount=Decimal("3")).decisions == 1


def test_only_documents_are_repealed_and_table_two_counts_them(clerk, tree):
    old = post(clerk, tree["a"], kind="normative", formed_on=D(2025, 5, 6), published_on=D(2025, 5, 8))
    post(clerk, tree["a"], kind="normative", formed_on=D(2025, 9, 1), published_on=D(2025, 9, 2))
    post(clerk, tree["a"], kind="normative", formed_on=D(2026, 2, 3), published_on=D(2026, 2, 4))
    news = post(clerk, tree["a"], published_on=D(2026, 3, 3))
    with pytest.raises(FazhiError, match="不能废止"):
        proactive.repeal(clerk, news, news.version, repealed_on=D(2026, 4, 1))
    with pytest.raises(FazhiError, match="早于印发日期"):
        proactive.repeal(clerk, old, old.version, repealed_on=D(2025, 1, 1))
    repealed = proactive.repeal(clerk, old, old.version, repealed_on=D(2026, 4, 1), note="被新办法替代")
    assert repealed.status == REPEALED
    assert two(tree["a"], 2026)["行政规范性文件"] == [1, 1, 2]  # 制发, 废止, 现行有效
    assert two(tree["a"], 2025)["行政规范性文件"] == [2, 0, 2]
    assert two(tree["a"], 2026)["规章"] == [0, 0, 0]


def test_table_two_sums_decisions_and_fees_in_wan_yuan(clerk, tree):
    post(clerk, tree["a"], kind="penalty", decisions=12, formed_on=D(2026, 1, 31), published_on=D(2026, 2, 2))
    post(clerk, tree["a"], kind="penalty", decisions=9, formed_on=D(2026, 2, 27), published_on=D(2026, 3, 2))
    post(clerk, tree["a"], kind="penalty", decisions=5, formed_on=D(2025, 12, 31), published_on=D(2026, 1, 5))
    post(clerk, tree["a"], kind="coercion", decisions=2, formed_on=D(2026, 4, 1))
    post(clerk, tree["a"], kind="fee", fee_amount=Decimal("1.25"), formed_on=D(2026, 5, 6))
    post(clerk, tree["a"], kind="fee", fee_amount=Decimal("98.75"), formed_on=D(2026, 6, 1))
    post(clerk, tree["a"], kind="licence", decisions=1, formed_on=D(2026, 6, 2))
    table = two(tree["a"], 2026)
    assert table["行政处罚"] == [21] and table["行政强制"] == [2] and table["行政许可"] == [1]
    assert table["行政事业性收费"] == [Decimal("100")] and str(table["行政事业性收费"][0]) == "100"
    assert year_value("disclosure.decisions.penalty", tree["a"], 2026) == 21
    assert str(year_value("disclosure.fees", tree["a"], 2026)) == "100.00"  # money keeps two places
    # published in 2026: the three penalty postings of 2026 (one formed in 2025) and nothing pending
    assert year_value("disclosure.postings.penalty", tree["a"], 2026) == 3
    assert year_value("disclosure.postings", tree["a"], 2026) == 3


def test_postings_pages_and_table_two_on_the_annual_page(client, clerk, tree):
    client.login(username="gk_a", password=PASSWORD)
    form = client.get("/disclosure/postings/new/").content.decode()
    assert "公开类别" in form and "20个工作日" in form
    response = client.post(
        "/disclosure/postings/new/",
        {"org": tree["a"].pk, "kind": "penalty", "title": "3月行政处罚决定公示", "document_number": "", "venue": "portal",
         "formed_on": "2026-03-31", "decisions": "14", "fee_amount": "", "link": "", "published_on": "2026-04-02"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    posting = Posting.objects.get()
    detail = client.get(response.url).content.decode()
    assert posting.number in detail and "已公开" in detail and "14件" in detail
    listing = client.get("/disclosure/postings/", {"kind": "penalty"}).content.decode()
    assert posting.number in listing
    page = client.get("/disclosure/annual/", {"org": "a", "year": "2026"}).content.decode()
    assert "二、主动公开政府信息情况" in page and "第二十条第（六）项" in page
    assert '<tr data-row="行政处罚"><th>行政处罚</th><td>14</td>' in page
    book = load_workbook(
        io.BytesIO(client.get("/disclosure/annual/", {"org": "a", "year": "2026", "format": "xlsx"}).content)
    )
    rows = {row[0]: row[1:] for row in book["年度报告表格"].iter_rows(values_only=True) if row and row[0]}
    assert rows["行政处罚"][0] == 14 and rows["行政规范性文件"][:3] == (0, 0, 0)
    assert "一、总体情况" in [r[0] for r in book["文字部分"].iter_rows(values_only=True)]


def test_api_logs_publishes_and_refuses_a_repeal_of_news(clerk, tree):
    api = client_for(clerk)
    created = api.post(
        "/api/disclosure-postings/",
        {
            "org": "a",
            "kind": "notice",
            "title": "关于道路施工的通告",
            "formed_on": "2026-07-01",
            "venue": "portal",
        },
        format="json",
    )
    assert created.status_code == 201, created.content.decode()
    body = created.json()
    assert body["status"] == "pending" and body["due_date"] == "2026-07-29"
    pk = body["id"]
    published = api.post(
        f"/api/disclosure-postings/{pk}/publish/",
        {"version": body["version"], "published_on": "2026-07-10"},
        format="json",
    )
    assert published.status_code == 200, published.content.decode()
    refused = api.post(
        f"/api/disclosure-postings/{pk}/repeal/",
        {"version": published.json()["version"], "repealed_on": "2026-07-14"},
        format="json",
    )
    assert refused.status_code == 409 and "废止" in refused.json()["error"]["message"]


def test_exported_report_has_the_six_parts_and_three_tables(clerk, tree):
    post(clerk, tree["a"], kind="normative", formed_on=D(2026, 2, 3), published_on=D(2026, 2, 4))
    post(clerk, tree["a"], kind="news", published_on=D(2026, 3, 4))
    doc = Document(io.BytesIO(report_docx(tree["a"], 2026, annual_tables(tree["a"], 2026))))
    text = [p.text for p in doc.paragraphs]
    headings = [t for t in text if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert headings == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]  # fmt: skip
    assert any("全年主动公开政府信息2条，其中行政规范性文件1条、工作动态1篇" in t for t in text)
    two_table = doc.tables[0]
    cells = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in two_table.rows}
    assert cells["行政规范性文件"] == ["1", "0", "1"]
    assert cells["行政事业性收费"][0] == "0"
    assert len(doc.tables) == 3


def test_home_board_warns_of_a_posting_past_its_twenty_working_days(client, clerk, tree):
    late = post(clerk, tree["a"], kind="notice", title="关于道路施工的通告", formed_on=D(2026, 6, 1))
    post(
        clerk,
        tree["a"],
        kind="news",
        title="已公开的动态",
        formed_on=D(2026, 6, 1),
        published_on=D(2026, 6, 2),
    )
    client.login(username="gk_a", password=PASSWORD)
    body = client.get("/").content.decode()
    assert late.number in body and "已公开的动态" not in body
