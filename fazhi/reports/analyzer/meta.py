"""Title, issuer, year covered and signing date of a report."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .clean import find_title_line
from .numerals import chinese_to_int

YEAR = r"(?:[0-9]{4}|[〇零○一二三四五六七八九]{4})"
MONTH_DAY = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"(?P<y>{YEAR})\s*年\s*(?P<m>{MONTH_DAY})\s*月\s*(?P<d>{MONTH_DAY})\s*日")
SIGNATURE_DATE = re.compile(rf"^(?P<issuer>.*?)\s*{DATE.pattern}$")
ORGAN_SUFFIX = re.compile(
    r"(?:街道办事处|办事处|街道|人民政府|政府|委员会|管委会|局|镇|乡|区|县|市|厅|部|委|办|中心)$"
)
TITLE_ISSUER = re.compile(rf"^(?P<issuer>.+?)(?:关于)?(?:{YEAR}年度?)")
TITLE_YEAR = re.compile(rf"(?P<y>{YEAR})\s*年度?")
OPENING = re.compile(
    rf"^(?P<y>{YEAR})年度?\s*[,，]?\s*(?P<org>[\u4e00-\u9fff]{{2,24}}?(?:街道办事处|街道|镇|乡))?"
)


@dataclass
class Meta:
    title: str | None
    issuer: str | None
    year: int | None
    signed: datetime.date | None
    signature_start: int | None  # where the signature block starts; sections end before it


def read_meta(text: str, source_hint: str | None) -> Meta:
    lines = _lines_with_offsets(text)
    title_line = next((line for line, _ in lines[:3] if find_title_line(line)), None)
    signed, signer, signature_start = _signature(lines)
    body_first = next((line for line, _ in lines if line != title_line), "")
    opening = OPENING.match(body_first)

    issuer = signer or _issuer_from_title(title_line) or _organ(source_hint)
    if issuer is None and opening and opening.group("org"):
        issuer = opening.group("org")

    year = None
    if title_line and (found := TITLE_YEAR.search(title_line)):
        year = _year(found.group("y"))
    if year is None and opening:
        year = _year(opening.group("y"))
    if year is None and signed is not None:
        year = signed.year - 1  # published in the first quarter of the year after
    return Meta(title_line, issuer, year, signed, signature_start)


def _lines_with_offsets(text: str) -> list[tuple[str, int]]:
    result = []
    offset = 0
    for line in text.split("\n"):
        result.append((line, offset))
        offset += len(line) + 1
    return result


def _signature(lines: list[tuple[str, int]]) -> tuple[datetime.date | None, str | None, int | None]:
    """A date alone (or after the organ's name) on one of the last lines, the organ's name above it."""
    tail = lines[-3:]
    for position in range(len(tail) - 1, -1, -1):
        line, offset = tail[position]
        found = SIGNATURE_DATE.match(line) if len(line) <= 60 else None
        if not found:
            continue
        signed = _date(found)
        if signed is None:
            continue
        issuer = _organ(found.group("issuer"))
        start = offset + (found.start("issuer") if issuer else found.start("y"))
        if issuer is None and position > 0:
            above, above_offset = tail[position - 1]
            issuer = _organ(above)
            if issuer:
                start = above_offset
        return signed, issuer, start
    return None, None, None


def _organ(line: str | None) -> str | None:
    if not line:
        return None
    line = line.strip()
    if 2 <= len(line) <= 40 and "。" not in line and ORGAN_SUFFIX.search(line):
        return line
    return None


def _issuer_from_title(title: str | None) -> str | None:
    if not title:
        return None
    found = TITLE_ISSUER.match(title)
    return _organ(found.group("issuer")) if found else None


def _year(written: str) -> int | None:
    value = int(written) if written.isdigit() else chinese_to_int(written)
    return value if value is not None and 1990 <= value <= 2100 else None


def _date(found: re.Match) -> datetime.date | None:
    parts = []
    for name in ("y", "m", "d"):
        written = found.group(name)
        value = int(written) if written.isdigit() else chinese_to_int(written)
        if value is None:
            return None
        parts.append(value)
    try:
        return datetime.date(*parts)
    except ValueError:
        return None
