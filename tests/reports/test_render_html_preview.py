from datetime import date

from bs4 import BeautifulSoup

from fazhi.reports.document import Heading, Paragraph, ReportDocument, Run
from fazhi.reports.render_html import render_html


def sample_document(**changes) -> ReportDocument:
    fields = {
        "title": "五常街道2024年\n法治政府建设年度报告",
        "issuer": "五常街道<办事处>",
        "signed": date(2025, 2, 18),
        "blocks": [
            Heading(1, "一、", "主要举措和成效"),
            Heading(2, "（一）", "矛盾纠纷<化解>"),
            Paragraph.of(
                "共接收矛盾纠纷", Run("3218", 'disputes.received"><script>'), "件，<script>alert(1)</script>"
            ),
            Heading(3, "1.", "调委会"),
            Heading(4, "（1）", "警民联调"),
            Heading(1, "二、", "存在的不足和原因"),
            Paragraph("第一行\n第二行 & 其他"),
        ],
    }
    fields.update(changes)
    return ReportDocument(**fields)


def soup(doc=None):
    return BeautifulSoup(render_html(doc or sample_document()), "html.parser")


def test_is_a_fragment_with_semantic_headings_in_order():
    html = render_html(sample_document())
    assert "<html" not in html and "<body" not in html
    page = soup()
    assert [(h.name, h.get_text()) for h in page.find_all(["h1", "h2", "h3", "h4", "h5"])] == [
        ("h1", "五常街道2024年法治政府建设年度报告"),
        ("h2", "一、主要举措和成效"),
        ("h3", "（一）矛盾纠纷<化解>"),
        ("h4", "1.调委会"),
        ("h5", "（1）警民联调"),
        ("h2", "二、存在的不足和原因"),
    ]
    assert page.h1.find("br") is not None


def test_figures_are_marked_with_their_code():
    (figure,) = soup().select("span.figure")
    assert figure.get_text() == "3218"
    assert figure["data-code"] == 'disputes.received"><script>'


def test_everything_is_escaped_and_there_is_no_script_or_inline_style():
    html = render_html(sample_document())
    page = soup()
    assert page.find("script") is None
    assert not [tag for tag in page.find_all(True) if tag.has_attr("style")]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "第一行<br>第二行 &amp; 其他" in html
    assert "矛盾纠纷&lt;化解&gt;" in html


def test_issuer_and_machine_readable_date_close_the_report():
    page = soup()
    assert page.select_one("p.report-issuer").get_text() == "五常街道<办事处>"
    time = page.select_one("p.report-date time")
    assert time["datetime"] == "2025-02-18"
    assert time.get_text() == "2025年2月18日"


def test_without_issuer_and_date_there_is_no_closing():
    page = soup(sample_document(issuer="", signed=None))
    assert page.select_one("footer") is None
