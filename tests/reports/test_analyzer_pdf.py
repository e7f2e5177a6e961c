"""PDF reports: a text PDF reads like the .docx and .txt of the same report, with page numbers; a scan
(no text layer), a locked or a damaged PDF is refused with a Chinese message saying what to do."""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfWriter
from report_fakes import install_fake_figures

from fazhi.reports import services
from fazhi.reports.analyzer import ReportUnreadable, analyze, analyze_text
from fazhi.reports.analyzer.pdf import join_pages
from fazhi.reports.compose import to_document
from fazhi.reports.render import render
from tests.conftest import PASSWORD, seed_path

WUCHANG = "004_8030a51ea79497b7.txt"
FIXTURES = Path(__file__).parent / "fixtures"

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
needs_office = pytest.mark.skipif(
    OFFICE is None, reason="本机未安装 LibreOffice，无法由 .docx 生成测试用 PDF"
)
QUOTES = str.maketrans("", "", "“”‘’")


def to_pdf(docx: bytes, work) -> bytes:
    source = work / "report.docx"
    source.write_bytes(docx)
    home = work / "home"
    home.mkdir(exist_ok=True)
    subprocess.run(
        [OFFICE, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(source)],
        env={**os.environ, "HOME": str(home)}, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    return (work / "report.pdf").read_bytes()


def figures(result):
    """What a figure is, wherever it stands; quotation marks aside (a PDF may draw them out of place)."""
    return [
        (f.kind, f.text, f.value, f.unit, f.subject.translate(QUOTES), f.code,
         f.comparison.text if f.comparison else None)
        for f in result.figures
    ]  # fmt: skip


@needs_office
def test_drafted_report_reads_the_same_from_txt_docx_and_pdf(tree, person, monkeypatch, tmp_path):
    install_fake_figures(monkeypatch)
    writer = person("fazhiban", "office", tree["a"])
    document = to_document(services.draft_report(writer, tree["a"], 2024))
    text = analyze(render(document, "txt"), filename="report.txt")
    docx = analyze(render(document, "docx"), filename="report.docx")
    pdf = analyze(to_pdf(render(document, "docx"), tmp_path), filename="report.pdf")

    assert pdf.format == "pdf"
    assert len(text.figures) >= 5
    assert figures(pdf) == figures(docx) == figures(text)
    assert [(h.number, h.title.translate(QUOTES)) for h in pdf.headings()] == [
        (h.number, h.title.translate(QUOTES)) for h in text.headings()
    ]
    assert (pdf.issuer, pdf.year, pdf.signed) == (text.issuer, text.year, text.signed)
    for found in pdf.figures:
        assert pdf.text[found.start : found.end] == found.text
    assert all(found.page == 1 for found in pdf.figures)  # the draft's figures fit on its first page
    assert all(found.page is None for found in text.figures)
    assert pdf.to_dict()["figures"][0]["page"] == 1


@needs_office
def test_a_published_report_of_several_pages(tmp_path):
    """The 五常 seed as a three-page PDF: the same figures as its text, each with its page."""
    plain = seed_path(WUCHANG).read_text(encoding="utf-8")
    document = docx.Document()
    for line in plain.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    pdf = analyze(to_pdf(buffer.getvalue(), tmp_path))
    text = analyze_text(plain)
    assert figures(pdf) == figures(text)
    assert [m.present for m in pdf.mandated] == [m.present for m in text.mandated]
    pages = [found.page for found in pdf.figures]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] >= 2
    for found in pdf.figures:
        assert pdf.text[found.start : found.end] == found.text


def test_printed_lines_are_joined_into_paragraphs_and_pages_are_kept():
    pages = [
        "一、主要举措和成效\n全年共受理矛盾纠纷 3218 件，同比上升 18.22%，调解成功\n3212 件，调解成功率99.81%。\n- 1 -",
        "（一）强化调解\n开展培训 250“ ”人次，组织调解员开展两次 浙里调解 系统操作培训，共计\n42 场。\n2",
    ]
    joined = join_pages(pages)
    assert joined.text == (
        "一、主要举措和成效\n全年共受理矛盾纠纷3218件，同比上升18.22%，调解成功3212件，调解成功率99.81%。\n"
        "（一）强化调解\n开展培训250人次，组织调解员开展两次浙里调解系统操作培训，共计42场。"
    )
    assert joined.page_starts == [0, joined.text.index("（一）")]


def test_a_paragraph_running_on_to_the_next_page_keeps_the_page_it_starts_on():
    pages = [
        "一、主要举措\n" + "街道持续深化矛盾纠纷多元化解工作机制建设，全年共受理矛盾纠纷",
        "3218件。\n二、不足\n无。",
    ]
    joined = join_pages(pages)
    assert "受理矛盾纠纷3218件。" in joined.text
    assert joined.page_starts[1] == joined.text.index("3218件")


def blank_pdf(pages=1, password=None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_scan_without_text_is_refused_saying_why_and_what_to_do():
    with pytest.raises(ReportUnreadable) as raised:
        analyze(blank_pdf(3), filename="扫描件.pdf")
    message = raised.value.message
    assert "没有可读取的文字" in message and "扫描件" in message
    assert ".docx" in message and "OCR" in message


def test_a_locked_pdf_is_refused():
    with pytest.raises(ReportUnreadable, match="密码"):
        analyze(blank_pdf(password="secret"))


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n"]
)
def test_a_damaged_pdf_is_refused(data):
    with pytest.raises(ReportUnreadable, match="PDF"):
        analyze(data)


# A short 部门 report exported to PDF by LibreOffice (fixtures/short_report.pdf), beside its text: the
# CLI, the upload page and the API read it without LibreOffice.
SHORT_PDF = FIXTURES / "short_report.pdf"
SHORT_TXT = FIXTURES / "short_report.txt"


def test_the_fixture_pdf_reads_like_its_text():
    pdf, text = analyze(SHORT_PDF), analyze(SHORT_TXT)
    assert pdf.format == "pdf"
    assert figures(pdf) == figures(text)
    assert (pdf.title, pdf.issuer, pdf.year, pdf.signed) == (text.title, text.issuer, text.year, text.signed)
    assert {f.page for f in pdf.figures} == {1}
    assert {("years", "连续三年"), ("change", "较上年提高5个百分点")} <= {
        (f.kind, f.text) for f in pdf.figures
    }


def test_command_reads_a_pdf(capsys):
    call_command("analyze_report", str(SHORT_PDF), "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "pdf" and data["issuer"] == "长河区司法局"
    assert {figure["page"] for figure in data["figures"]} == {1}


def test_command_refuses_a_scan_with_exit_code_2(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(blank_pdf())
    with pytest.raises(CommandError) as raised:
        call_command("analyze_report", str(scan))
    assert raised.value.returncode == 2 and "扫描件" in str(raised.value)


@pytest.fixture
def reviewer(client, tree, person):
    person("qushenyue", "district_reviewer", tree["district"])
    assert client.login(username="qushenyue", password=PASSWORD)
    return client


def test_api_reads_a_pdf_and_refuses_a_scan(reviewer):
    pdf = SimpleUploadedFile("report.pdf", SHORT_PDF.read_bytes(), content_type="application/pdf")
    response = reviewer.post("/api/report-analysis/", {"file": pdf})
    assert response.status_code == 200
    data = response.json()
    assert data["format"] == "pdf" and data["year"] == 2023
    assert [f["text"] for f in data["figures"]][:3] == ["312份", "47个", "100%"]
    scan = SimpleUploadedFile("scan.pdf", blank_pdf(), content_type="application/pdf")
    response = reviewer.post("/api/report-analysis/", {"file": scan})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "report_unreadable"
    assert "扫描件" in response.json()["error"]["message"]


def test_upload_page_reads_a_pdf_and_explains_a_scan(reviewer):
    pdf = SimpleUploadedFile("长河.pdf", SHORT_PDF.read_bytes(), content_type="application/pdf")
    scan = SimpleUploadedFile("扫描.pdf", blank_pdf(), content_type="application/pdf")
    response = reviewer.post(reverse("reports:analysis"), {"files": [pdf, scan]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "长河区司法局" in html and "4,532宗" in html and "（第 1 页）" in html
    assert "没有可读取的文字" in html and "OCR" in html
    assert ".pdf" in reverse_accept(html)


def reverse_accept(html: str) -> str:
    start = html.index('accept="') + len('accept="')
    return html[start : html.index('"', start)]
