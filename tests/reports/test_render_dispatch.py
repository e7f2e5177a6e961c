import io
import zipfile
from datetime import date

import docx
import pytest

from fazhi.reports.document import Heading, Paragraph, ReportDocument
from fazhi.reports.render import FORMATS, export_format, format_for_path, render, render_to_path
from fazhi.reports.render_html import render_html
from fazhi.reports.render_text import render_markdown, render_text

DOC = ReportDocument(
    "五常街道2024年法治政府建设年度报告",
    "五常街道办事处",
    date(2025, 2, 18),
    [Heading(1, "一、", "主要举措和成效"), Paragraph("共接收矛盾纠纷3218件。")],
)


def test_render_text_formats_as_utf8_bytes():
    assert render(DOC, "txt") == render_text(DOC).encode("utf-8")
    assert render(DOC, "md") == render_markdown(DOC).encode("utf-8")
    assert render(DOC, "HTML") == render_html(DOC).encode("utf-8")


def test_render_docx_is_a_word_document():
    content = render(DOC, "docx")
    assert zipfile.is_zipfile(io.BytesIO(content))
    assert docx.Document(io.BytesIO(content)).paragraphs[1].text == "一、主要举措和成效"


def test_unknown_format_is_refused_in_chinese():
    with pytest.raises(ValueError, match="不支持的导出格式“pdf”"):
        render(DOC, "pdf")


@pytest.mark.parametrize(
    ("name", "code"), [("r.docx", "docx"), ("r.MD", "md"), ("r.txt", "txt"), ("r.htm", "html")]
)
def test_format_for_path_by_extension(name, code):
    assert format_for_path(name).code == code


@pytest.mark.parametrize("name", ["report.pdf", "report", "report.doc"])
def test_render_to_path_refuses_other_extensions_in_chinese(tmp_path, name):
    with pytest.raises(ValueError, match="请使用以下扩展名之一"):
        render_to_path(DOC, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_render_to_path_writes_each_format(tmp_path):
    assert render_to_path(DOC, tmp_path / "r.txt").read_text(encoding="utf-8") == render_text(DOC)
    assert render_to_path(DOC, tmp_path / "r.md").read_text(encoding="utf-8") == render_markdown(DOC)
    assert render_to_path(DOC, tmp_path / "r.html").read_text(encoding="utf-8") == render_html(DOC)
    written = render_to_path(DOC, tmp_path / "r.docx")
    assert docx.Document(str(written)).core_properties.title == DOC.title


def test_every_format_names_its_download():
    assert set(FORMATS) == {"docx", "html", "md", "txt"}
    assert export_format(".docx").media_type.startswith("application/vnd.openxmlformats")
    assert all(fmt.extension == "." + fmt.code for fmt in FORMATS.values())
