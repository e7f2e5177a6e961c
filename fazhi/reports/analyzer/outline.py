"""The outline (一、 / (一) / 1. / (1) headings as a tree) and 一是…二是… enumerations."""

from __future__ import annotations

import re
from bisect import bisect_right

from .numerals import chinese_to_int
from .result import Enumeration, EnumerationItem, Heading

CN = "一二三四五六七八九十"
# One pattern per marker kind; the kind's rank is its usual depth (一、 above (一) above 1. above (1)).
MARKERS = (
    (1, re.compile(rf"([{CN}]{{1,3}})\s*、")),
    (2, re.compile(rf"\(\s*([{CN}]{{1,3}})\s*\)")),
    (3, re.compile(r"([0-9]{1,2})\s*[.、](?![0-9])")),
    (4, re.compile(r"\(\s*([0-9]{1,2})\s*\)")),
)
TITLE_END = re.compile(r"[。:：;；!！?？]")
MAX_TITLE = 80
ENUM_MARKER = re.compile(rf"(?:^|(?<=[。；;:：,，!！?？\s]))([{CN}]{{1,3}})是", re.M)


def parse_outline(text: str, end_of_body: int | None = None) -> list[Heading]:
    """Headings are lines starting with a marker; the tree follows marker kinds, numbering must advance."""
    body_end = len(text) if end_of_body is None else end_of_body
    roots: list[Heading] = []
    stack: list[Heading] = []
    last_index: dict[tuple[int, int], int] = {}  # (id of parent or 0, level) → last accepted index
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if start >= body_end:
            break
        found = _marker(line)
        if found is None:
            continue
        level, index, number, rest = found
        depth = len(stack)
        while depth and stack[depth - 1].level >= level:
            depth -= 1
        parent = stack[depth - 1] if depth else None
        key = (id(parent) if parent else 0, level)
        previous = last_index.get(key)
        if level == 1 and parent is None:
            if previous is not None and index <= previous:
                continue  # "三、" inside a paragraph list, not the next part
        elif index != 1 and index != (previous or 0) + 1:
            continue
        heading = Heading(number, index, level, _title(rest), start, body_end)
        last_index[key] = index
        (parent.children if parent else roots).append(heading)
        del stack[depth:]
        stack.append(heading)
    _close(roots, body_end, text)
    return roots


def _marker(line: str) -> tuple[int, int, str, str] | None:
    for level, pattern in MARKERS:
        found = pattern.match(line)
        if not found:
            continue
        written = found.group(1)
        index = int(written) if level >= 3 else chinese_to_int(written)
        if not index:
            return None
        return level, index, found.group(0).replace(" ", ""), line[found.end() :]
    return None


def _title(rest: str) -> str:
    """A run-in heading ends at its first full stop (or colon); a short line is all title."""
    found = TITLE_END.search(rest)
    title = rest[: found.start()] if found else rest
    title = title.strip(" ,，、")
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE] + "…"
    return title


def _close(headings: list[Heading], parent_end: int, text: str) -> None:
    """A section ends where the next heading of the same parent starts (trailing newline excluded)."""
    for position, heading in enumerate(headings):
        end = headings[position + 1].start if position + 1 < len(headings) else parent_end
        heading.end = _trim(text, heading.start, end)
        _close(heading.children, heading.end, text)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "\n ":
        end -= 1
    return end


def find_enumerations(text: str, headings: list[Heading]) -> list[Enumeration]:
    """Runs of 一是, 二是, 三是 … in order; a run never crosses a heading."""
    boundaries = sorted({h.start for h in headings})
    groups: list[Enumeration] = []
    current: list[tuple[int, int, str]] = []  # (index, start, number)

    def flush() -> None:
        if len(current) >= 2:
            groups.append(_group(text, current))
        current.clear()

    for found in ENUM_MARKER.finditer(text):
        index = chinese_to_int(found.group(1))
        if not index:
            continue
        item = (index, found.start(), found.group(0))
        if index == 1:
            flush()
            current.append(item)
        elif (
            current
            and index == current[-1][0] + 1
            and not _heading_between(boundaries, current[-1][1], item[1])
        ):
            current.append(item)
        else:
            flush()
    flush()
    return groups


def _heading_between(boundaries: list[int], start: int, end: int) -> bool:
    position = bisect_right(boundaries, start)
    return position < len(boundaries) and boundaries[position] <= end


def _group(text: str, items: list[tuple[int, int, str]]) -> Enumeration:
    result = []
    for position, (index, start, number) in enumerate(items):
        end = items[position + 1][1] if position + 1 < len(items) else _paragraph_end(text, start)
        end = _trim(text, start, end)
        result.append(EnumerationItem(number, index, text[start:end], start, end))
    return Enumeration(result[0].start, result[-1].end, result)


def _paragraph_end(text: str, start: int) -> int:
    newline = text.find("\n", start)
    return len(text) if newline == -1 else newline
