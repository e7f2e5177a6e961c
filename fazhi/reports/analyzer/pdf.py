"""Text PDFs (as offices publish their reports) → the report's text, with where each page starts.

pypdf reads the text layer; a scanned PDF has none and is refused with what to do instead. The text
comes out one printed line a line: lines a paragraph was wrapped into are joined again, and the
space PDF writers leave where Latin digits meet Chinese ("959 余份", a change of font) is dropped,
so that figures, subjects and headings read as in the .docx or .txt of the same report.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .errors import ReportUnreadable

MAX_PDF_PAGES = 300  # an annual report has 5-20 pages
SENTENCE_END = "。：:；;！!？?"
# A line that starts a part or an item never continues the line above it.
NEW_BLOCK = re.compile(
    r"[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、．](?![0-9])|[一二三四五六七八九十]是"
)
PAGE_NUMBER = re.compile(r"[-—–－\s第页共/]*[0-9]{1,3}[-—–－\s页/0-9共]*")
CJK_SIDE = r"[\u4e00-\u9fff，。、；：！？“”《》（）【】]"
FONT_GAP = re.compile(rf"(?<=[0-9%])[ \u00a0]+(?={CJK_SIDE})|(?<={CJK_SIDE})[ \u00a0]+(?=[0-9])")
# Where a PDF draws quotation marks in another font, the text layer gives them out of place: an empty
# pair "“ ”" further on, and a space where each mark stood ("开展两次 浙里调解 系统"). Chinese puts no
# space between characters, so such spaces and empty pairs are dropped (the quotes carry no figure).
EMPTY_QUOTES = re.compile(r"[“‘]\s*[”’]")
CJK_GAP = re.compile(rf"(?<={CJK_SIDE})[ \u00a0]+(?={CJK_SIDE})")
# A line narrower than this share of the widest ends its paragraph (justified lines with Latin digits
# print narrower than they count); a heading goes on only when it filled its line.
SHORT_LINE = 0.7
SHORT_HEADING = 0.9

SCANNED = (
    "这份 PDF 没有可读取的文字（多为扫描件或图片），无法分析：请上传报告的 Word（.docx）文件，"
    "或能复制出文字的 PDF；只有扫描件时，请先用文字识别（OCR）软件转成文字后再上传。"
)


@dataclass
class PdfText:
    text: str
    page_starts: list[int]  # offset in text where each page's text begins (page n at index n-1)


def pdf_text(data: bytes) -> PdfText:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportUnreadable("PDF 文件设置了打开密码，无法读取：请去掉密码后另存为 PDF 再上传。")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ReportUnreadable(f"PDF 超过 {MAX_PDF_PAGES} 页，不像是一份年度报告：请只上传报告正文。")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReportUnreadable:
        raise
    except Exception as exc:  # any failure of a third-party parser on a hostile file
        # pypdf raises many kinds on damaged files; none of them may escape as a server error.
        raise ReportUnreadable(
            "PDF 文件已损坏或无法读取：请用 PDF 阅读器打开确认，重新导出 PDF，或上传报告的 .docx 文件。"
        ) from exc
    if not any(page.strip() for page in pages):
        raise ReportUnreadable(SCANNED)
    return join_pages(pages)


def join_pages(pages: list[str]) -> PdfText:
    """Pages of printed lines → paragraphs a line; a paragraph may run on to the next page."""
    lines: list[tuple[int, str, float]] = []  # page, text, printed width
    for number, page in enumerate(pages):
        for printed in page.splitlines():
            printed = printed.strip()
            line = CJK_GAP.sub("", FONT_GAP.sub("", EMPTY_QUOTES.sub("", printed)))
            if line and not PAGE_NUMBER.fullmatch(line):
                lines.append((number, line, _width(printed)))
    widest = max((width for _, _, width in lines), default=0)
    parts: list[str] = []
    page_starts = [-1] * len(pages)
    length = 0
    previous, previous_width = "", 0.0  # the printed line before this one
    for number, line, width in lines:
        if parts:
            joined = (
                previous[-1] not in SENTENCE_END
                and previous_width >= widest * (SHORT_HEADING if NEW_BLOCK.match(previous) else SHORT_LINE)
                and not NEW_BLOCK.match(line)
            )
            separator = "" if joined else "\n"
            parts.append(separator)
            length += len(separator)
        previous, previous_width = line, width
        if page_starts[number] == -1:
            page_starts[number] = length
        parts.append(line)
        length += len(line)
    # A page without text starts where the next one does (or at the end).
    for number in range(len(pages) - 1, -1, -1):
        if page_starts[number] == -1:
            page_starts[number] = page_starts[number + 1] if number + 1 < len(pages) else length
    return PdfText("".join(parts), page_starts)


def _width(line: str) -> float:
    """Printed width in Chinese characters: Latin digits, letters and spaces take half (a justified
    line of mostly figures holds more characters than one of Chinese alone)."""
    return sum(0.5 if char.isascii() else 1 for char in line)
