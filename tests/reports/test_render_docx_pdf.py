"""Where LibreOffice is installed, the Word export converts to a PDF that carries the Chinese text."""

import os
import shutil
import subprocess
from datetime import date

import pytest

from fazhi.reports.document import Heading, Paragraph, ReportDocument
from fazhi.reports.render_docx import render_docx

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    OFFICE is None,
    reason="本机未安装 LibreOffice（PATH 中没有 libreoffice 或 soffice），跳过 Word 转 PDF 检查",
)

DOC = ReportDocument(
    "五常街道2024年\n法治政府建设年度报告",
    "五常街道办事处",
    date(2025, 2, 18),
    [
        Heading(1, "一、", "主要举措和成效"),
        Paragraph("2024年，街道共接收矛盾纠纷3218件，同比上升18.22%，调解成功3212件。" * 12),
    ],
)


def _has_cjk_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True  # cannot tell; let the text check decide
    listed = subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True, timeout=30)
    return bool(listed.stdout.strip())


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory):
    work = tmp_path_factory.mktemp("pdf")
    source = work / "report.docx"
    source.write_bytes(render_docx(DOC))
    home = work / "home"
    home.mkdir()
    # A private profile: LibreOffice refuses to start twice on one profile and writes into $HOME.
    profile = (work / "profile").as_uri()
    completed = subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    pdf = work / "report.pdf"
    assert pdf.exists(), f"LibreOffice 未生成 PDF：{completed.stdout}\n{completed.stderr}"
    return pdf


def test_docx_converts_to_pdf(pdf_path):
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_pdf_carries_the_chinese_title(pdf_path):
    if PDFTOTEXT is None:
        pytest.skip("本机未安装 pdftotext（poppler-utils），无法读取 PDF 文字")
    if not _has_cjk_font():
        pytest.skip("本机没有中文字体（fc-list :lang=zh 为空），PDF 中的中文无法渲染")
    extracted = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    flat = "".join(extracted.split())
    assert "五常街道2024年" in flat
    assert "法治政府建设年度报告" in flat
    assert "主要举措和成效" in flat
