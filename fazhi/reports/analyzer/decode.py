"""Bytes or a file path → raw text: Word (.docx), text PDF, HTML, or plain text in UTF-8 / GBK / GB18030.

Every failure becomes ReportUnreadable with a Chinese message; nothing else escapes.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from fazhi.ziplimits import directory_problem

from .errors import ReportUnreadable
from .pdf import pdf_text

MAX_FILE_BYTES = 20 * 1024 * 1024  # a .docx may carry pictures
MAX_TEXT_BYTES = 5 * 1024 * 1024  # plain text or HTML: an annual report is ~20 KB
MAX_TEXT_CHARS = 500_000  # after extraction, whatever the format: 15× a long report
# Unpacked sizes the zip declares, checked before python-docx reads any part (it reads every part
# whole: the XML into lxml trees, pictures as bytes). Reading stops at the declared size, so a zip
# bomb is refused on its directory alone. An annual report's XML is a few MB at most.
MAX_DOCX_XML_BYTES = 16 * 1024 * 1024  # all XML parts together
MAX_DOCX_UNPACKED_BYTES = 40 * 1024 * 1024  # everything, pictures included
MAX_DOCX_PARTS = 2000  # checked on the zip's end record, before the directory is parsed
MAX_DOCX_DIRECTORY_BYTES = 1024 * 1024
BAD_CHAR_RATIO = 0.01
TOO_MANY_PARTS = (
    f"Word 文件内部的部件超过 {MAX_DOCX_PARTS} 个，不像是一份报告：请只保留报告正文，另存为 .docx 后重试。"
)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps of old
PDF_MAGIC = b"%PDF"
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
HTML_HINT = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<(?:p|div|br|span|table|td|h[1-6])[\s/>]", re.I
)

SIZE_LIMIT_MESSAGE = "文件过大（超过 {limit} MB），年度报告一般不超过几十 KB：请确认选择的是报告正文文件。"


@dataclass
class RawDocument:
    text: str
    format: str  # "text", "html", "docx" or "pdf"
    encoding: str | None
    page_starts: list[int] | None = None  # PDF: offset in text where each page begins


def read_source(source: bytes | bytearray | str | os.PathLike, filename: str | None = None) -> RawDocument:
    """Read ``source``: bytes are the file's content; a str or path names a file to read."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        name = filename or ""
    else:
        data = _read_file(source)
        name = filename or os.fspath(source)
    return read_bytes(data, name)


def _read_file(path: str | os.PathLike) -> bytes:
    try:
        path = Path(path)
        if not path.is_file():
            raise ReportUnreadable(f"找不到报告文件：{path}。请检查路径是否正确。")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ReportUnreadable(SIZE_LIMIT_MESSAGE.format(limit=MAX_FILE_BYTES // (1024 * 1024)))
        return path.read_bytes()
    except (OSError, ValueError) as exc:
        raise ReportUnreadable(f"无法读取报告文件：{exc}。请检查文件是否存在、是否有读取权限。") from exc


def read_bytes(data: bytes, filename: str = "") -> RawDocument:
    if not data or not data.strip():
        raise ReportUnreadable("文件为空：没有可分析的内容。请选择报告正文文件。")
    if len(data) > MAX_FILE_BYTES:
        raise ReportUnreadable(SIZE_LIMIT_MESSAGE.format(limit=MAX_FILE_BYTES // (1024 * 1024)))
    if data.startswith(ZIP_MAGIC):
        return RawDocument(_docx_text(data), "docx", None)
    if data.startswith(OLE_MAGIC):
        raise ReportUnreadable(
            "这是旧版 Word（.doc）或 WPS 文件，暂不支持：请在 Word/WPS 中另存为 .docx 后重新上传。"
        )
    if data[:1024].lstrip().startswith(PDF_MAGIC):
        pdf = pdf_text(data)
        return RawDocument(_check_length(pdf.text), "pdf", None, pdf.page_starts)
    if len(data) > MAX_TEXT_BYTES:
        raise ReportUnreadable(SIZE_LIMIT_MESSAGE.format(limit=MAX_TEXT_BYTES // (1024 * 1024)))
    text, encoding = decode_text(data)
    if filename.lower().endswith((".htm", ".html")) or HTML_HINT.search(text[:4096]):
        return RawDocument(_html_text(text), "html", encoding)
    return RawDocument(_check_length(text), "text", encoding)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text whose encoding is unknown: BOM, then UTF-8, GBK/GB18030, then a detector's guess."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _plausible(data.decode(encoding)), encoding
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8", "gbk", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _bad_ratio(text) <= BAD_CHAR_RATIO:
            return text, encoding
    guess = _detect(data)
    if guess is not None:
        return guess
    raise ReportUnreadable(
        "无法识别文件的文字编码，或文件不是文本（可能是图片、压缩包等二进制文件）。"
        "请上传 .docx，或将报告另存为 UTF-8 / GBK 编码的文本文件后重试。"
    )


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data).best()
    except Exception:  # the detector is a third-party heuristic; any failure just means "unknown"
        return None
    if best is None or not best.encoding:
        return None
    text = str(best)
    if _bad_ratio(text) > BAD_CHAR_RATIO:
        return None
    return text, best.encoding


def _plausible(text: str) -> str:
    if _bad_ratio(text) > BAD_CHAR_RATIO:
        raise ReportUnreadable(
            "文件内容含有大量无法显示的字符，不像是文本文件。请上传 .docx 或文本格式的报告。"
        )
    return text


def _bad_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = 0
    for char in text:
        if char in "\t\n\r\f\v":
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Co", "Cn", "Cs") or char == "\ufffd":
            bad += 1
    return bad / len(text)


def _check_length(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise ReportUnreadable(
            f"报告文字过长（超过 {MAX_TEXT_CHARS // 10000} 万字），不像是一份年度报告：请只上传报告正文。"
        )
    return text


BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "table", "ul", "ol", "blockquote", "pre", "hr", "dd", "dt",
)  # fmt: skip
NOISE_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "head", "nav", "select", "button")


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all(NOISE_TAGS):
            tag.decompose()
        # Paragraph boundaries must survive: a block element is a line, inline markup is not.
        for tag in soup.find_all(BLOCK_TAGS):
            tag.insert_before("\n")
            tag.insert_after("\n")
        text = soup.get_text()
    except Exception as exc:  # html.parser on hostile markup: report, never crash
        raise ReportUnreadable("网页文件无法解析：请在浏览器中打开后复制正文另存为文本文件再上传。") from exc
    return _check_length(text)


def _docx_text(data: bytes) -> str:
    if directory_problem(data, max_entries=MAX_DOCX_PARTS, max_bytes=MAX_DOCX_DIRECTORY_BYTES) in (
        "entries",
        "directory",
    ):
        raise ReportUnreadable(TOO_MANY_PARTS)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.getinfo("word/document.xml")
            _check_docx_sizes(archive.infolist())
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise ReportUnreadable(
            "文件是压缩包格式但不是有效的 Word（.docx）文档：请用 Word/WPS 打开确认，另存为 .docx 后重试。"
        ) from exc
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except ReportUnreadable:
        raise
    except Exception as exc:  # python-docx/lxml raise many kinds on damaged files
        raise ReportUnreadable(
            "Word（.docx）文件已损坏或格式不正确：请用 Word/WPS 打开后另存为 .docx 再上传。"
        ) from exc
    return _check_length("\n".join(lines))


def _check_docx_sizes(members: list[zipfile.ZipInfo]) -> None:
    megabytes = 1024 * 1024
    xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
    if len(members) > MAX_DOCX_PARTS:
        raise ReportUnreadable(TOO_MANY_PARTS)
    if xml > MAX_DOCX_XML_BYTES:
        raise ReportUnreadable(
            f"Word 文件的正文和格式解压后超过 {MAX_DOCX_XML_BYTES // megabytes} MB，无法分析："
            "请只保留报告正文（删去附表、批注和修订记录）后另存为 .docx 重试。"
        )
    if sum(m.file_size for m in members) > MAX_DOCX_UNPACKED_BYTES:
        raise ReportUnreadable(
            f"Word 文件解压后超过 {MAX_DOCX_UNPACKED_BYTES // megabytes} MB（多为图片），无法分析："
            "请删去图片，只保留报告正文后另存为 .docx 重试。"
        )


def _docx_lines(document):
    """Paragraphs and table rows in document order (tables hold figures in some reports)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                yield " ".join(cell.text.replace("\n", " ") for cell in row.cells)
