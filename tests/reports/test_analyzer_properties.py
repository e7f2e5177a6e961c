"""Property tests: no input makes the analyzer fail with anything but ReportUnreadable, and every
offset it returns points into the text as given."""

import io
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fazhi.reports.analyzer import AnalysisResult, ReportUnreadable, analyze, analyze_text
from fazhi.reports.analyzer.clean import WIDTH_MAP

REPORT_PIECES = [
    "一、", "二、", "十一、", "(一)", "(二)", "（三）", "1.", "2、", "(1)", "一是", "二是", "三是",
    "2024年", "2月18日", "第二十五条", "两", "十二", "一百零五", "3212", "1.2", "5467.4733", "0", "100",
    "万", "亿", "件", "宗", "万元", "元", "%", "％", "人次", "个百分点", "余", "近", "超", "约", "多", "左右",
    "以上", "同比上升", "较去年同期增长", "同比下降", "增幅达", "调解成功", "共接收矛盾纠纷", "其中", "(包含社区)",
    "，", ",", "。", "；", "：", "、", "\n", "\r\n", " ", "\u3000", "“", "”", "《", "》", "(", ")", "第",
    "法治政府建设年度报告", "存在的不足和原因", "主要举措和成效", "其他需要报告的情况", "第一责任人",
    "街道办事处", "信息来源：", "【字体：大 中 小】", "触碰右侧展开", "首页 > ", "\x00", "\ufffd",
]  # fmt: skip

report_like = st.lists(st.sampled_from(REPORT_PIECES) | st.text(max_size=3), max_size=80).map("".join)


def check_offsets(result: AnalysisResult) -> None:
    text = result.text
    for found in result.figures:
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        if found.comparison is not None:
            comparison = found.comparison
            assert 0 <= comparison.start < comparison.end <= len(text)
            assert text[comparison.start : comparison.end] == comparison.text
    for heading in result.headings():
        assert 0 <= heading.start <= heading.end <= len(text)
        written = text[heading.start : heading.end].translate(WIDTH_MAP)
        assert "".join(written.split()).startswith(heading.number)
    for enumeration in result.enumerations:
        for item in enumeration.items:
            assert 0 <= item.start <= item.end <= len(text)
            assert text[item.start : item.end] == item.text
    for item in result.mandated:
        assert item.present == (item.heading is not None)
    result.to_dict()


def analyze_or_refuse(call, value) -> None:
    try:
        result = call(value)
    except ReportUnreadable as exc:
        assert exc.message and any("\u4e00" <= char <= "\u9fff" for char in exc.message)
        return
    check_offsets(result)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
@example(b"PK\x03\x04")
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example(b"\x81\x30\x81\x30")
def test_any_bytes(data):
    analyze_or_refuse(analyze, data)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_any_text(text):
    analyze_or_refuse(analyze_text, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_report_like_text(text):
    analyze_or_refuse(analyze_text, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like, st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]))
def test_report_like_bytes_in_any_supported_encoding(text, encoding):
    analyze_or_refuse(analyze, text.encode(encoding))


@settings(max_examples=100, deadline=None)
@given(report_like)
def test_report_like_html(text):
    analyze_or_refuse(analyze, f"<html><body><p>{text}</p></body></html>".encode())


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
@example(b"\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF")
def test_pdf_like_junk(data):
    analyze_or_refuse(analyze, b"%PDF-1.4\n" + data)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["word/document.xml", "[Content_Types].xml", "other"]))
def test_zip_archives_with_junk(content, name):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    analyze_or_refuse(analyze, buffer.getvalue())
