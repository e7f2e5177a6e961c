"""Raw text → the normalised text all offsets refer to: one paragraph a line, page chrome removed.

Normalising: full-width digits, letters, % and brackets become ASCII (so "（一）" and "(一)" read the
same); Chinese punctuation such as ， ： ； stays (it is a delimiter either way); lines are stripped and
blank lines dropped.
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


def normalise(raw: str) -> CleanText:
    raw = raw.translate(WIDTH_MAP).replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    web_page = False
    source = None
    for line in raw.split("\n"):
        line = " ".join(line.split())  # tabs and runs of spaces inside a line become one space
        if not line:
            continue
        if len(line) <= MAX_CHROME_LINE and _is_chrome(line):
            web_page = True
            found = SOURCE_LINE.search(line)
            if found and source is None:
                source = found.group(1)
            continue
        stripped = INLINE_CHROME.sub("", line).strip()
        if stripped != line:
            web_page = True
            if not stripped:
                continue
        lines.append(stripped)
    if web_page:
        lines = _drop_before_title(lines)
    return CleanText("\n".join(lines), web_page, source)


def _is_chrome(line: str) -> bool:
    if CHROME_MARKERS.search(line) or BREADCRUMB.search(line):
        return True
    return bool(BUTTON_WORDS.fullmatch(line)) and any(
        word in line for word in ("打印", "关闭", "收藏", "分享", "返回")
    )


def _drop_before_title(lines: list[str]) -> list[str]:
    """On a web page the lines above the report's title are navigation (e.g. a section name)."""
    for index, line in enumerate(lines[:20]):
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
