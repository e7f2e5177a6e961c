"""Every input form the analyzer accepts, and every unreadable one it refuses with a Chinese message."""

import io
import zipfile

import docx
import pytest

from fazhi.reports.analyzer import ReportUnreadable, analyze, analyze_text
from fazhi.reports.analyzer.decode import MAX_TEXT_BYTES
from tests.conftest import seed_path

WUCHANG = "004_8030a51ea79497b7.txt"
GUANLAN = "000_db59382493192273.txt"


def seed_text(name):
    return seed_path(name).read_text(encoding="utf-8")


def shape(result):
    """What must not depend on the input format: outline, mandated items, figures."""
    return (
        [(h.number, h.title, h.level) for h in result.headings()],
        [(m.key, m.present) for m in result.mandated],
        [(f.text, f.value, f.unit, f.subject) for f in result.figures],
        result.issuer,
        result.year,
    )


@pytest.fixture(scope="module")
def wuchang_text():
    return seed_text(WUCHANG)


@pytest.fixture(scope="module")
def wuchang_reference(wuchang_text):
    return analyze(wuchang_text.encode("utf-8"))


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_encodings_give_the_same_analysis(wuchang_text, wuchang_reference, encoding):
    result = analyze(wuchang_text.encode(encoding))
    assert shape(result) == shape(wuchang_reference)
    # Text that GBK can encode is the same bytes in GB18030, and is reported as GBK.
    assert result.encoding == {"gb18030": "gbk"}.get(encoding, encoding)
    assert result.text == wuchang_reference.text


def test_gb18030_only_characters_are_detected_as_gb18030():
    text = "一、主要举措和成效\n受理矛盾纠纷12件,其中涉及𠀀姓当事人3人。"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    result = analyze(text.encode("gb18030"))
    assert result.encoding == "gb18030"
    assert [(f.value, f.unit) for f in result.figures] == [(12, "件"), (3, "人")]


def test_crlf_full_width_and_ideographic_spaces_are_normalised():
    result = analyze_text("（一）强化调解\r\n\u3000\u3000共受理纠纷１２３件，同比上升５．５％。\r\n")
    assert result.normalised == "(一)强化调解\n共受理纠纷123件，同比上升5.5%。"
    (found,) = result.figures
    assert found.text == "１２３件" and result.text[found.start : found.end] == found.text
    assert result.outline[0].number == "(一)"
    assert (found.value, found.unit, found.subject) == (123, "件", "受理纠纷")
    assert found.comparison.rate_unit == "%" and str(found.comparison.rate) == "5.5"


def test_html_page(wuchang_text, wuchang_reference):
    paragraphs = "".join(f"<p style='text-indent:2em'>{line}</p>\n" for line in wuchang_text.splitlines())
    paragraphs = paragraphs.replace("调解成功3212件", "调解成功<b>3212</b><span>件</span>")
    html = (
        "<!DOCTYPE html><html><head><meta charset='gbk'><title>五常街道</title>"
        "<style>p{color:red}</style><script>var x = '受理100件';</script></head><body>"
        "<nav>首页 | 政务公开 | 法治政府</nav>"
        "<div class='crumb'>您现在的位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>"
        "<div class='info'>信息来源：五常街道 发布时间：2025-03-01 【字体：大 中 小】</div>"
        f"<div class='content'>{paragraphs}</div>"
        "<div class='tools'>【打印本页】 【关闭窗口】</div></body></html>"
    )
    result = analyze(html.encode("gbk"), filename="report.html")
    assert result.format == "html"
    assert shape(result) == shape(wuchang_reference)
    assert "调解成功3212件" in result.normalised
    assert (
        "受理100件" not in result.text
        and "信息来源" not in result.normalised
        and "打印本页" not in result.normalised
    )


def test_web_page_text_with_chrome_before_and_after():
    page = (
        "法治政府\n当前位置：首页 > 信息公开 > 年度报告\n"
        "某某街道办事处2024年法治政府建设年度报告\n发布日期：2025-03-20 浏览次数：123\n"
        "一、主要举措和成效\n全年受理矛盾纠纷100件。\n二、存在的不足和原因\n不足。\n"
        "【打印】【关闭】\n分享到：\n上一篇：某某街道2023年报告\n"
    )
    result = analyze(page.encode("utf-8"))
    assert result.format == "web"
    assert result.title == "某某街道办事处2024年法治政府建设年度报告"
    assert result.issuer == "某某街道办事处" and result.year == 2024
    assert result.normalised.splitlines()[0] == result.title
    assert [h.number for h in result.outline] == ["一、", "二、"]
    assert result.text == page  # offsets index the page as given, chrome included
    assert result.text[result.outline[-1].start : result.outline[-1].end] == "二、存在的不足和原因\n不足。"
    assert "上一篇" not in result.normalised and "打印" not in result.normalised


def build_docx(lines, table_rows=()):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_bytes_and_path(wuchang_text, wuchang_reference, tmp_path):
    data = build_docx(wuchang_text.splitlines(), table_rows=[("项目", "数量"), ("法律咨询", "541次")])
    result = analyze(data)
    assert result.format == "docx" and result.encoding is None
    assert shape(result)[:2] == shape(wuchang_reference)[:2]
    assert [(f.text, f.subject) for f in result.figures][:-1] == [
        (f.text, f.subject) for f in wuchang_reference.figures
    ]
    assert result.figures[-1].text == "541次"  # from the table, after the body text
    path = tmp_path / "五常.docx"
    path.write_bytes(data)
    assert shape(analyze(path)) == shape(result)
    assert shape(analyze(str(path))) == shape(result)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "为空"),
        (b"  \n\r\n\t ", "为空"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "不是文本"),
        (b"\x00\x01\x02\x03" * 200, "不是文本"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, ".doc"),
        (b"PK\x03\x04 truncated zip", "不是有效的 Word"),
        (b"<html><body><script>x</script></body></html>", "没有可分析的正文"),
    ],
)
def test_unreadable_inputs_raise_a_chinese_message(data, words):
    with pytest.raises(ReportUnreadable) as raised:
        analyze(data)
    assert words in raised.value.message
    assert str(raised.value) == raised.value.message


def test_zip_that_is_not_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "一、主要举措")
    with pytest.raises(ReportUnreadable, match="不是有效的 Word"):
        analyze(buffer.getvalue())


def test_damaged_word_document():
    data = bytearray(build_docx(["一、主要举措和成效"]))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        names = archive.namelist()
    assert "word/document.xml" in names
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>not xml")
        archive.writestr("[Content_Types].xml", "broken")
    with pytest.raises(ReportUnreadable, match="损坏"):
        analyze(buffer.getvalue())


def test_huge_text_is_refused(tmp_path):
    data = "受理纠纷1件。".encode() * (MAX_TEXT_BYTES // 10)
    assert len(data) > MAX_TEXT_BYTES
    with pytest.raises(ReportUnreadable, match="文件过大"):
        analyze(data)
    path = tmp_path / "huge.txt"
    path.write_bytes(data * 4)
    with pytest.raises(ReportUnreadable, match="文件过大"):
        analyze(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReportUnreadable, match="找不到报告文件"):
        analyze(tmp_path / "nope.txt")
    with pytest.raises(ReportUnreadable, match="找不到报告文件"):
        analyze(tmp_path)


def test_text_in_an_unknown_single_byte_encoding_gives_an_empty_result():
    result = analyze("Rapport annuel : café, élève, naïve — 2024.\n".encode("cp1252"))
    assert result.outline == [] and result.figures == [] and result.title is None


def test_analyze_text_refuses_non_text():
    with pytest.raises(ReportUnreadable):
        analyze_text(b"bytes")
    with pytest.raises(ReportUnreadable, match="没有可分析的正文"):
        analyze_text("\n \u3000\n")


def test_guanlan_without_title_still_reads(tmp_path):
    text = seed_text(GUANLAN)
    path = tmp_path / "guanlan.txt"
    path.write_bytes(text.encode("gbk"))
    result = analyze(path)
    assert result.encoding == "gbk" and result.issuer == "观澜街道" and len(result.outline) == 6


def test_text_far_longer_than_any_report_is_refused():
    with pytest.raises(ReportUnreadable, match="报告文字过长"):
        analyze(("受理纠纷1件。" * 100_000).encode("gbk"))
