"""The report-analysis page: one report, several side by side, per-file errors, importing a baseline."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from test_analyzer_seeds import GUANLAN, WUCHANG, XIXIANG

from fazhi.figures.models import ManualValue
from fazhi.reports.analysis_forms import baseline_candidates
from fazhi.reports.analyzer import analyze
from tests.conftest import PASSWORD, seed_path

PAGE = "/reports/analysis/"
IMPORT = "/reports/analysis/import/"
BINARY = bytes(range(256)) * 40


def upload(name):
    path = seed_path(name)
    return SimpleUploadedFile(f"{name}", path.read_bytes(), content_type="text/plain")


def logged_in(client, person, username, role, org):
    person(username, role, org)
    assert client.login(username=username, password=PASSWORD)
    return client


@pytest.fixture
def handler(client, tree, person):
    return logged_in(client, person, "fazhiban", "office", tree["a"])


def test_urls_and_navigation():
    from fazhi.web.navigation import WORK_LINES

    assert reverse("reports:analysis") == PAGE
    assert any(line.url_name == "reports:analysis" and line.label == "报告分析" for line in WORK_LINES)


def test_page_needs_login_and_a_ledger_role(client, tree, person):
    assert client.get(PAGE).status_code == 302
    logged_in(client, person, "norole", None, None)
    assert client.get(PAGE).status_code == 403


def test_one_report_shows_outline_mandated_items_and_figures(handler):
    response = handler.post(PAGE, {"files": [upload(WUCHANG)]})
    html = response.content.decode()
    assert response.status_code == 200
    for heading in ("主要举措和成效", "存在的问题和不足", "2025年工作思路", "其他需要报告的情况"):
        assert heading in html
    assert "3218件" in html and "接收矛盾纠纷" in html and "disputes.received" in html
    assert "杭州市余杭区人民政府五常街道办事处" in html and "2024年2月18日" in html
    assert "必报事项齐全" in html and "缺少" not in html
    assert "side-by-side" not in html
    assert 'name="codes"' in html  # an office person may import


def test_missing_mandated_item_is_highlighted(handler):
    html = handler.post(PAGE, {"files": [upload(GUANLAN)]}).content.decode()
    mandated = html.split('class="grid mandated"', 1)[1].split("</table>", 1)[0]
    rows = {row.split("</td>", 1)[0].split("<td>")[-1]: row for row in mandated.split("<tr>")[2:]}
    assert "✗ 缺少" in rows["其他需要报告的情况"]
    assert all("✗ 缺少" not in row for label, row in rows.items() if label != "其他需要报告的情况")
    assert "缺少 1 项必报事项" in html
    # 观澜 has 一是…二是… enumerations inside paragraphs
    assert "“一是、二是”列举</dt><dd>10 组" in html


def test_two_reports_side_by_side(handler):
    response = handler.post(PAGE, {"files": [upload(WUCHANG), upload(XIXIANG)]})
    html = response.content.decode()
    assert 'id="side-by-side"' in html and 'id="mandated-matrix"' in html
    assert "杭州市余杭区人民政府五常街道办事处" in html and "深圳市宝安区西乡街道办事处" in html
    rows = {row["code"]: row for row in response.context["comparison"]}
    cells = rows["disputes.received"]["cells"]
    assert [c["value"] for c in cells] == ["3218", "4532"]
    assert rows["disputes.received"]["label"] == "接收矛盾纠纷"
    comparison = html.split('id="figures-comparison"', 1)[1].split("</table>", 1)[0]
    assert "3218件" in comparison and "4532件" in comparison
    # each report's own figures table follows
    assert html.count('class="grid analysis-figures"') == 2
    matrix = [[cell.present for cell in row["cells"]] for row in response.context["matrix"]]
    assert len(matrix) == 6 and all(len(row) == 2 for row in matrix)


def test_unreadable_file_fails_alone(handler):
    garbage = SimpleUploadedFile("scan.txt", BINARY)
    empty = SimpleUploadedFile("empty.txt", b"   ")
    response = handler.post(PAGE, {"files": [garbage, upload(WUCHANG), empty]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "scan.txt：无法分析" in html and "empty.txt：无法分析" in html
    assert "文件为空" in html
    errors = [e["error"] for e in response.context["entries"] if "error" in e]
    assert len(errors) == 2 and all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors)
    assert "3218件" in html


def test_no_file_is_a_form_error(handler):
    response = handler.post(PAGE, {})
    assert "请选择至少一个报告文件" in response.content.decode()


def test_baseline_candidates_take_the_first_exact_mention_in_the_registry_unit():
    path = seed_path(XIXIANG)
    chosen = {c["code"]: c for c in baseline_candidates(analyze(path).figures)}
    assert chosen["disputes.received"]["value"] == "4532"  # 4532宗 counts in the registry's 件
    amount = chosen["disputes.amount_involved"]
    assert (amount["value"], amount["text"], amount["approx"]) == ("18800000", "1880万元", "")
    # the 劳资 group's "涉及金额约2073.7万元" is not the ledger's 涉案金额: it has no code, so no rival
    assert amount["others"] == 0


def test_only_approximate_mention_is_taken_and_flagged():
    path = seed_path(GUANLAN)
    chosen = {c["code"]: c for c in baseline_candidates(analyze(path).figures)}
    success = chosen["disputes.mediated_success"]
    assert (success["value"], success["approx"]) == ("300", "余")
    assert "litigation.cases" not in chosen  # "1场" is not a count of cases in 起


def _token(response):
    return response.context["reports"][0]["import_form"]["token"].value()


def test_import_baseline_stores_values(handler, tree):
    response = handler.post(PAGE, {"files": [upload(WUCHANG)]})
    token = _token(response)
    response = handler.post(
        IMPORT,
        {
            "token": token,
            "org": tree["a"].pk,
            "year": 2024,
            "codes": ["disputes.received", "legal.contracts_reviewed"],
            "confirm": "yes",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "已将 2 项指标导入" in html and "甲街道" in html
    assert "/figures/?org=a&amp;year=2024" in html
    rows = {r.figure.code: r for r in ManualValue.objects.filter(org=tree["a"], year=2024)}
    assert set(rows) == {"disputes.received", "legal.contracts_reviewed"}
    assert rows["disputes.received"].value == Decimal(3218) and rows["disputes.received"].baseline
    assert rows["legal.contracts_reviewed"].value == Decimal(959)


def test_import_survives_a_request_that_saved_the_session_alongside_the_analysis(handler, tree):
    from django.contrib.sessions.backends.db import SessionStore

    key = handler.cookies["sessionid"].value
    before = SessionStore(session_key=key).load()
    token = _token(handler.post(PAGE, {"files": [upload(WUCHANG)]}))
    stale = SessionStore(session_key=key)
    stale.clear()  # another tab's request, begun before the analysis, saves what it had read
    stale.update(before)
    stale.save()
    response = handler.post(
        IMPORT,
        {"token": token, "org": tree["a"].pk, "year": 2024, "codes": ["disputes.received"], "confirm": "yes"},
    )
    assert response.status_code == 200 and "已将 1 项指标导入" in response.content.decode()


def test_a_tampered_or_anothers_token_is_refused(handler, client, tree, person):
    token = _token(handler.post(PAGE, {"files": [upload(WUCHANG)]}))
    fields = {"org": tree["a"].pk, "year": 2024, "codes": ["disputes.received"]}
    tampered = handler.post(IMPORT, {**fields, "token": token[:-2] + ("AA" if token[-2:] != "AA" else "BB")})
    assert tampered.status_code == 400 and "已失效" in tampered.content.decode()
    colleague = Client()
    colleague.force_login(person("fzb2", "office", tree["a"]))
    assert colleague.post(IMPORT, {**fields, "token": token}).status_code == 400


def test_import_of_anothers_report_chooses_no_unit_and_ticks_nothing(handler):
    response = handler.post(PAGE, {"files": [upload(WUCHANG)]})  # 五常街道's report; handler is 甲街道's
    form = response.context["reports"][0]["import_form"]
    assert form["year"].value() == 2024
    assert form["org"].value() is None and form["codes"].value() == []
    html = response.content.decode()
    assert "不是您可填报的单位" in html and "杭州市余杭区人民政府五常街道办事处" in html
    assert (
        'name="codes" value="disputes.received" id' in html
        and " checked" not in html.split("baseline-import")[1]
    )
    shown = re.sub(r'value="[^"]*"', "", html)
    assert "disputes.received" not in shown  # codes only in form values: people read the labels


def test_import_of_ones_own_report_names_ones_unit(handler, tree):
    text = "甲街道办事处2024年法治政府建设年度报告\n一、主要举措和成效\n全年共接收矛盾纠纷120件。\n"
    response = handler.post(PAGE, {"files": [SimpleUploadedFile("own.txt", text.encode())]})
    entry = response.context["reports"][0]
    assert entry["import_form"]["org"].value() == tree["a"].pk
    assert entry["import_form"]["codes"].value() == []


def test_import_asks_to_confirm_the_unit_and_year_before_writing(handler, tree):
    token = _token(handler.post(PAGE, {"files": [upload(WUCHANG)]}))
    fields = {"token": token, "org": tree["a"].pk, "year": 2023, "codes": ["disputes.received"]}
    response = handler.post(IMPORT, fields)
    html = response.content.decode()
    assert response.status_code == 200 and not ManualValue.objects.exists()
    assert "“甲街道”2023年" in html and "确认导入到甲街道2023年" in html
    assert "发布机关是“杭州市余杭区人民政府五常街道办事处”" in html  # another office's report
    assert "报告所写年度为 2024 年" in html
    assert "矛盾纠纷" in html and "3218件" in html
    response = handler.post(IMPORT, {**fields, "confirm": "yes"})
    assert response.status_code == 200
    assert ManualValue.objects.get().year == 2023


def test_reviewer_may_analyse_but_not_import(client, tree, person):
    logged_in(client, person, "qushenyue", "district_reviewer", tree["district"])
    response = client.post(PAGE, {"files": [upload(WUCHANG)]})
    html = response.content.decode()
    assert "3218件" in html and 'name="codes"' not in html
    assert "只能查看分析结果" in html
    response = client.post(
        IMPORT, {"token": "x", "org": tree["a"].pk, "year": 2024, "codes": ["disputes.received"]}
    )
    assert response.status_code == 403
    assert not ManualValue.objects.exists()


def test_cannot_import_into_an_org_one_cannot_write(client, tree, person):
    logged_in(client, person, "tiaojie", "handler", tree["a-tw"])
    response = client.post(PAGE, {"files": [upload(WUCHANG)]})
    token = _token(response)
    for org in (tree["a"], tree["b"]):
        response = client.post(
            IMPORT, {"token": token, "org": org.pk, "year": 2024, "codes": ["disputes.received"]}
        )
        assert response.status_code == 400
        assert "您无权向该单位导入基线" in response.content.decode()
    assert not ManualValue.objects.exists()
    response = client.post(
        IMPORT,
        {
            "token": token,
            "org": tree["a-tw"].pk,
            "year": 2024,
            "codes": ["disputes.received"],
            "confirm": "yes",
        },
    )
    assert response.status_code == 200
    assert ManualValue.objects.get().org == tree["a-tw"]


def test_import_with_unknown_token_or_code_is_refused(handler, tree):
    response = handler.post(IMPORT, {"token": "nope", "org": tree["a"].pk, "year": 2024, "codes": ["x"]})
    assert response.status_code == 400 and "已失效" in response.content.decode()
    token = _token(handler.post(PAGE, {"files": [upload(WUCHANG)]}))
    response = handler.post(
        IMPORT, {"token": token, "org": tree["a"].pk, "year": 2024, "codes": ["evil.code"]}
    )
    assert response.status_code == 400 and "不在本报告可导入的指标中" in response.content.decode()
    response = handler.post(IMPORT, {"token": token, "org": tree["a"].pk, "year": 2024})
    assert "请至少勾选一项指标" in response.content.decode()
    assert not ManualValue.objects.exists()


def test_docx_and_html_uploads_are_read(handler):
    import io

    from docx import Document

    document = Document()
    for line in ("一、主要举措和成效", "全年共接收矛盾纠纷120件。", "二、存在的问题和不足", "基层力量不足。"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    word = SimpleUploadedFile("report.docx", buffer.getvalue())
    page = SimpleUploadedFile(
        "report.html", "<html><body><p>一、主要举措</p><p>调解成功88件。</p></body></html>".encode("gbk")
    )
    response = handler.post(PAGE, {"files": [word, page]})
    html = response.content.decode()
    assert "120件" in html and "88件" in html
    assert [e.get("error") for e in response.context["entries"]] == [None, None]


def test_many_reports_are_read_by_the_worker_which_offers_the_comparison_workbook(handler, settings):
    import io

    from openpyxl import load_workbook

    from fazhi.jobs.models import Job, State
    from tests.jobs.job_helpers import run_worker

    settings.FAZHI_JOB_ANALYSIS_FILES = 3
    garbage = SimpleUploadedFile("scan.txt", BINARY)
    response = handler.post(PAGE, {"files": [upload(WUCHANG), upload(XIXIANG), upload(GUANLAN), garbage]})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.total, job.params["names"][-1]) == (4, "scan.txt")
    run_worker()
    job.refresh_from_db()
    assert job.state == State.DONE, job.error
    assert "已分析3份报告" in job.summary and "1份无法读取：scan.txt：无法识别文件的文字编码" in job.summary
    assert not job.source  # the uploaded reports are not kept once read
    result = handler.get(f"/jobs/{job.pk}/result/")
    content = b"".join(result.streaming_content) if result.streaming else result.content
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    received = next(row for row in rows if row and "接收矛盾纠纷" in str(row))
    assert "3218" in [str(value) for value in received] and "4532" in [str(value) for value in received]


def test_a_few_reports_are_still_analysed_on_the_page(handler, settings):
    settings.FAZHI_JOB_ANALYSIS_FILES = 3
    response = handler.post(PAGE, {"files": [upload(WUCHANG), upload(XIXIANG)]})
    assert response.status_code == 200 and 'id="side-by-side"' in response.content.decode()
