"""Raw text → the normalised text the analysis reads: one paragraph a line, page chrome removed.

Normalising: full-width digits, letters, % and brackets become ASCII (so "（一）" and "(一)" read the
same); Chinese punctuation such as ， ： ； stays (it is a delimiter either way); lines are stripped and
blank lines dropped. Every normalised character remembers the offset of the character it came from, so
that what the analysis finds is reported at its place in the caller's text (positions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WIDTH_MAP = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
for _keep in "，：；！？":  # left as written: these are Chinese punctuation, not ASCII look-alikes
    WIDTH_MAP.pop(ord(_keep))
WIDTH_MAP.update(
    {0x3000: " ", 0x00A0: " ", 0xFE6A: "%", 0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None}
)
WIDTH_MAP.update({0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ", 0x00AD: None})

# Lines that belong to the web page around a report, never to the report.
CHROME_MARKERS = re.compile(
    r"您现在的位置|当前位置|您的位置|所在位置|信息来源[:：]|信息提供日期|发布(?:时间|日期)[:：]|浏览(?:次数|量)[:：]"
    r"|点击(?:数|量|率)?[:：]|【\s*字体|字体[:：]\s*(?:\[?大|默认)|字号[:：]|视力保护色|触碰右侧展开|分享到"
    r"|扫一扫|版权所有|ICP备|网站标识码|公网安备|网站地图|联系我们|技术支持[:：]|主办单位[:：]|索引号[:：]"
    r"|^(?:上一篇|下一篇|相关(?:链接|阅读|文章|附件))"
)
BREADCRUMB = re.compile(r"(?:首页|主页|网站首页)\s*[>»›＞]")
BUTTON_WORDS = re.compile(
    r"(?:[【\[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|分享|返回顶部|返回|保存|字体|大|中|小|默认|"
    r"视力保护色|【|】)\s*[】\]]?\s*)+"
)
INLINE_CHROME = re.compile(r"【\s*(?:字体|打印|关闭)[^】]{0,30}】")
SOURCE_LINE = re.compile(r"信息来源[:：]\s*(\S{2,40})")
TITLE_LINE = re.compile(r"(?:法治政府|依法行政|法治建设|法治[\u4e00-\u9fff]{0,6}建设).{0,30}(?:报告|情况)$")
HEADING_START = re.compile(
    r"[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十0-9]{1,3}\)|[0-9]{1,2}[.、]"
)
MAX_CHROME_LINE = 160


@dataclass
class CleanText:
    text: str
    web_page: bool  # page chrome was found and removed
    source: str | None  # the organ named by a "信息来源:" line, a hint for the issuer
    # positions[i] is the offset in the caller's text of the character text[i] came from; one more
    # entry, for len(text), is where the last kept character ends.
    positions: list[int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the caller's text that text[start:end] was made from."""
        if end <= start:
            point = self.positions[start]
            return point, point
        return self.positions[start], self.positions[end - 1] + 1


# "１，０００" written in full width throughout: there the "，" is a thousands separator, not a pause.
FULL_WIDTH_THOUSANDS = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９0-9]))")
# A line break in the caller's text: "\r\n", "\r" or "\n" (what str.splitlines() would also split
# on, such as \u2028, stays inside a line as it did before).
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def normalise(raw: str) -> CleanText:
    lines: list[tuple[str, list[int]]] = []
    web_page = False
    source = None
    for line_start, raw_line in _raw_lines(raw):
        line, positions = _fold(raw_line, line_start)
        if not line:
            continue
        if len(line) <= MAX_CHROME_LINE and _is_chrome(line):
            web_page = True
            found = SOURCE_LINE.search(line)
            if found and source is None:
                source = found.group(1)
            continue
        stripped, kept = _drop_inline_chrome(line, positions)
        if stripped != line:
            web_page = True
            if not stripped:
                continue
        lines.append((stripped, kept))
    if web_page:
        lines = _drop_before_title(lines)
    text_parts: list[str] = []
    positions: list[int] = []
    for number, (line, kept) in enumerate(lines):
        if number:
            text_parts.append("\n")
            positions.append(lines[number - 1][1][-1] + 1)  # the break after the previous line
        text_parts.append(line)
        positions.extend(kept)
    positions.append(positions[-1] + 1 if positions else 0)
    return CleanText("".join(text_parts), web_page, source, positions)


def _raw_lines(raw: str):
    start = 0
    for found in LINE_BREAK.finditer(raw):
        yield start, raw[start : found.start()]
        start = found.end()
    yield start, raw[start:]


def _fold(line: str, offset: int) -> tuple[str, list[int]]:
    """Width-fold a line and turn each run of spaces into one space (none at either end), keeping
    for each character the offset of the character it came from."""
    chars: list[str] = []
    positions: list[int] = []
    pending_space = None  # offset of the first space of a run not yet written
    for index, char in enumerate(line):
        folded = "," if FULL_WIDTH_THOUSANDS.match(line, index) else char.translate(WIDTH_MAP)
        if not folded:
            continue  # zero-width characters, soft hyphens
        if folded.isspace():
            if pending_space is None:
                pending_space = offset + index
            continue
        if pending_space is not None and chars:
            chars.append(" ")
            positions.append(pending_space)
        pending_space = None
        chars.append(folded)
        positions.append(offset + index)
    return "".join(chars), positions


def _drop_inline_chrome(line: str, positions: list[int]) -> tuple[str, list[int]]:
    """Remove 【字体…】/【打印】 inside a line, then the spaces left at either end."""
    keep = [True] * len(line)
    for found in INLINE_CHROME.finditer(line):
        keep[found.start() : found.end()] = [False] * (found.end() - found.start())
    chars = [(char, position) for char, position, kept in zip(line, positions, keep, strict=True) if kept]
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    return "".join(char for char, _ in chars), [position for _, position in chars]


def _is_chrome(line: str) -> bool:
    if CHROME_MARKERS.search(line) or BREADCRUMB.search(line):
        return True
    return bool(BUTTON_WORDS.fullmatch(line)) and any(
        word in line for word in ("打印", "关闭", "收藏", "分享", "返回")
    )


def _drop_before_title(lines: list[tuple[str, list[int]]]) -> list[tuple[str, list[int]]]:
    """On a web page the lines above the report's title are navigation (e.g. a section name)."""
    for index, (line, _) in enumerate(lines[:20]):
        if find_title_line(line):
            return lines[index:]
        if len(line) > 80 or "。" in line or HEADING_START.match(line):
            break  # the body has begun and it has no title line
    return lines


def find_title_line(line: str) -> bool:
    return (
        len(line) <= 80
        and "。" not in line
        and not HEADING_START.match(line)
        and bool(TITLE_LINE.search(line))
    )
