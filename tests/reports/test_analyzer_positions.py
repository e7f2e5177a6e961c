"""Every span the analyzer returns indexes the text as the caller gave it (after decoding), whatever
was cleaned away inside: page chrome (navigation, 索引号/发布机构 blocks, 字体：[大 中 小]), full-width
digits, ideographic spaces, runs of spaces and "\\r\\n"."""

from decimal import Decimal
from pathlib import Path

import pytest

from fazhi.reports.analyzer import AnalysisResult, analyze, analyze_text
from fazhi.reports.analyzer.clean import WIDTH_MAP
from tests.conftest import seed_path

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = ["000_db59382493192273.txt", "003_6a7d4b23cf609262.txt", "004_8030a51ea79497b7.txt"]
WEB_FIXTURES = sorted(path.name for path in FIXTURES.glob("web_*.txt"))
FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(ord("0"), ord("9") + 1)})
FULL_WIDTH.update({ord("%"): "％", ord("("): "（", ord(")"): "）", ord("."): "．"})

CHROME_ABOVE = (
    "首页 | 政务公开 | 政策解读\r\n"
    "您当前的位置：首页 > 政府信息公开 > 法定主动公开内容\r\n"
    "索引号：11440306007543211T/2024-00123\r\n"
    "发布机构：街道办事处　　　生成日期：2024-02-20\r\n"
    "字体：[大 中 小]　　打印本页　关闭窗口\r\n"
    "【字体：大 中 小】 视力保护色\r\n"
)
CHROME_BELOW = (
    "\r\n【打印本页】【关闭窗口】\r\n上一篇：2022年报告\r\n版权所有：某某区人民政府 ICP备12345678号\r\n"
)


def assert_spans_exact(result: AnalysisResult) -> None:
    text = result.text
    assert result.figures, "no figures found"
    for found in result.figures:
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text, found
        if found.comparison is not None:
            comparison = found.comparison
            assert text[comparison.start : comparison.end] == comparison.text, comparison
    for heading in result.headings():
        written = "".join(text[heading.start : heading.end].translate(WIDTH_MAP).split())
        assert written.startswith(heading.number + "".join(heading.title.removesuffix("…").split()))
    for enumeration in result.enumerations:
        for item in enumeration.items:
            assert text[item.start : item.end] == item.text


def as_web_page(plain: str) -> str:
    """A seed as a web page would carry it: chrome around it, full-width digits, CRLF, indents."""
    body = "\r\n".join("\u3000\u3000" + line for line in plain.translate(FULL_WIDTH).splitlines())
    return CHROME_ABOVE + body + CHROME_BELOW


def summary(result: AnalysisResult) -> list[tuple]:
    return [(f.kind, Decimal(str(f.value)), f.unit, f.subject, f.code) for f in result.figures]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_spans_index_the_seed_text(name):
    source = seed_path(name).read_text(encoding="utf-8")
    result = analyze(seed_path(name))
    assert result.text == source
    assert_spans_exact(result)


@pytest.mark.parametrize("name", WEB_FIXTURES)
def test_web_page_fixture_spans_index_the_page(name):
    source = (FIXTURES / name).read_bytes().decode("utf-8")
    result = analyze(FIXTURES / name)
    assert result.format == "web" and result.text == source
    assert_spans_exact(result)
    # The chrome is in the text as given but no figure, heading or item lies in it.
    first_heading = next(result.headings())
    assert first_heading.start > source.index("字体")


@pytest.mark.parametrize("name", SEEDS)
def test_seed_wrapped_in_page_chrome_keeps_its_figures_at_their_places(name):
    plain = seed_path(name).read_text(encoding="utf-8")
    page = as_web_page(plain)
    reference = analyze_text(plain)
    result = analyze_text(page)
    assert_spans_exact(result)
    assert summary(result) == summary(reference)
    # The same figure is found at a different place, which is where the page has it.
    for found, expected in zip(result.figures, reference.figures, strict=True):
        assert found.text == expected.text.translate(FULL_WIDTH)
        assert found.start > len(CHROME_ABOVE)


def test_inline_chrome_and_runs_of_spaces_inside_a_line():
    text = "一、主要举措和成效\n\t全年受理  纠纷  12件，【打印】调解成功１０件。  【关闭】"
    result = analyze_text(text)
    assert [(f.text, f.value) for f in result.figures] == [("12件", 12), ("１０件", 10)]
    assert_spans_exact(result)
    assert result.text[result.outline[0].start : result.outline[0].end].startswith("一、主要举措和成效")
