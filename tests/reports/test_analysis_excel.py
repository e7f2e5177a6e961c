"""Several analysed reports as one Excel workbook: figures per code side by side, mandated items present."""

import io
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from tests.conftest import PASSWORD

PAGE = "/reports/analysis/"
EXCEL = "/reports/analysis/excel/"

JIA = """甲街道2024年法治政府建设年度报告
一、主要举措和成效
2024年街道共接收矛盾纠纷120件,调解成功100件。行政诉讼调撤率达到83.33%。
二、存在的问题和不足
基层法治力量仍显薄弱。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
四、2025年工作思路
继续推进法治建设。
五、其他需要报告的情况
无。
甲街道办事处
2025年1月10日
"""
YI = """乙街道2024年法治政府建设年度报告
一、主要举措和成效
2024年街道共接收矛盾纠纷80件,调解成功70余件。收到检察建议书2份。
二、存在的问题和不足
普法形式较单一。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人主持学法。
四、2025年工作思路
继续推进法治建设。
乙街道办事处
2025年1月20日
"""


def txt(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


@pytest.fixture
def office(client, tree, person):
    person("fazhiban", "office", tree["a"])
    assert client.login(username="fazhiban", password=PASSWORD)
    return client


def compared(client):
    response = client.post(PAGE, {"files": [txt("甲.txt", JIA), txt("乙.txt", YI)]})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="analysis-excel"' in html and "导出对比表（Excel）" in html
    return response.context["excel_token"]


def sheet_rows(worksheet):
    return [list(row) for row in worksheet.iter_rows(values_only=True)]


def test_the_workbook_holds_figures_per_code_and_mandated_items(office):
    response = office.post(EXCEL, {"token": compared(office)})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    name = "2024年法治政府建设年度报告对比（2份）.xlsx"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and f"filename*=utf-8''{quote(name)}" in disposition
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["指标对比", "法定必报事项"]

    figures = sheet_rows(book["指标对比"])
    assert figures[0][0] == "指标对比"  # the title row
    assert figures[1] == ["指标", "单位", "甲街道办事处", "乙街道办事处", "说明"]
    rows = {row[0]: row[1:] for row in figures[2:]}
    assert rows["接收矛盾纠纷"] == ["件", 120, 80, None]
    assert rows["调解成功"][:3] == ["件", 100, 70]
    assert rows["调解成功"][3] == "乙街道办事处：约数（报告原文“70余件”）"
    assert rows["行政诉讼调撤率"] == ["%", 83.33, None, None]
    assert rows["收到检察建议书"] == ["份", None, 2, None]
    # Chinese labels only: no registry code anywhere in the workbook
    cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v]
    assert not [v for v in cells if "." in v and v.split(".")[0].isascii() and v.split(".")[0].isalpha()]

    mandated = sheet_rows(book["法定必报事项"])
    assert mandated[1] == ["事项", "是否必报", "甲街道办事处", "乙街道办事处"]
    by_item = {row[0]: row[1:] for row in mandated[2:]}
    assert len(by_item) == 6
    assert by_item["上一年度推进法治政府建设的主要举措和成效"] == [
        "是",
        "有（一、主要举措和成效）",
        "有（一、主要举措和成效）",
    ]
    other = next(label for label in by_item if label.startswith("其他"))
    assert by_item[other] == ["是", "有（五、其他需要报告的情况）", "缺少"]
    remedy = next(cells for label, cells in by_item.items() if cells[0] == "否")
    assert remedy[1:] == ["无", "无"]


def test_the_download_is_audited(office):
    office.post(EXCEL, {"token": compared(office)})
    entry = AuditEntry.objects.filter(action=Action.EXPORT, target_type="reports.analysis").get()
    assert entry.actor.username == "fazhiban"
    assert (
        "2份" in entry.target_repr
        and "甲街道办事处" in entry.target_repr
        and "乙街道办事处" in entry.target_repr
    )


def test_one_report_offers_no_comparison_download(office):
    html = office.post(PAGE, {"files": [txt("甲.txt", JIA)]}).content.decode()
    assert 'id="analysis-excel"' not in html


def test_an_altered_or_another_persons_token_is_refused(office, client, person, tree):
    token = compared(office)
    altered = office.post(EXCEL, {"token": token[:-3] + "abc"})
    assert altered.status_code == 400 and "已失效" in altered.content.decode()
    assert office.post(EXCEL, {}).status_code == 400
    office.logout()
    person("other", "office", tree["b"])
    assert client.login(username="other", password=PASSWORD)
    assert client.post(EXCEL, {"token": token}).status_code == 400
    assert not AuditEntry.objects.filter(action=Action.EXPORT, target_type="reports.analysis").exists()


def test_login_role_and_method(client, tree, person):
    assert reverse("reports:analysis-excel") == EXCEL
    assert client.post(EXCEL, {"token": "x"}).status_code == 302
    person("norole", None, None)
    assert client.login(username="norole", password=PASSWORD)
    assert client.post(EXCEL, {"token": "x"}).status_code == 403
    assert client.get(EXCEL).status_code == 405


def test_repeated_issuers_get_distinct_columns():
    from fazhi.reports.analysis_excel import report_headers

    reports = [{"issuer": "甲街道办事处", "name": "a.txt"}, {"issuer": "甲街道办事处", "name": "b.txt"}]
    assert report_headers([*reports, {"issuer": "", "name": "c.txt"}]) == [
        "甲街道办事处",
        "甲街道办事处（2）",
        "c.txt",
    ]
