"""What an analysis returns: plain dataclasses, each with ``to_dict()`` for JSON."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


def json_number(value: Decimal | int | None) -> int | float | None:
    """Whole numbers stay int; fractions become float (enough digits for any figure a report writes)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass
class Heading:
    number: str  # the marker as written: "一、", "(一)", "1.", "(1)"
    index: int  # its ordinal: 1, 2, …
    level: int  # 1 for 一、, 2 for (一), 3 for 1., 4 for (1)
    title: str
    start: int  # offset of the heading line in AnalysisResult.text
    end: int  # end of its section (exclusive)
    children: list[Heading] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def ref(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "level": self.level,
            "start": self.start,
            "end": self.end,
        }

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "index": self.index,
            "level": self.level,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class EnumerationItem:
    number: str  # "一是"
    index: int
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Enumeration:
    start: int
    end: int
    items: list[EnumerationItem]

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "items": [item.to_dict() for item in self.items]}


@dataclass
class MandatedItem:
    key: str
    label: str
    required: bool  # False for the remedy item, which the 2019 rules do not list
    present: bool
    heading: Heading | None

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "required": self.required,
            "present": self.present,
            "heading": self.heading.ref() if self.heading else None,
        }


@dataclass
class Comparison:
    direction: str  # "up", "down" or "flat"
    rate: Decimal
    rate_unit: str  # "%", "个百分点", "倍", or a count's unit ("较去年减少12件")
    basis: str  # what it is compared with, as written ("去年同期", "2022年"), or ""
    text: str
    start: int
    end: int

    @property
    def measure(self) -> str:
        """ "percent" (同比上升18.22%), "points" (下降3个百分点), "times" (增长1.5倍) or "count" (减少12件)."""
        return {"%": "percent", "个百分点": "points", "倍": "times"}.get(self.rate_unit, "count")

    def to_dict(self) -> dict:
        return {
            "direction": self.direction,
            "rate": json_number(self.rate),
            "rate_unit": self.rate_unit,
            "measure": self.measure,
            "basis": self.basis,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class FigureMention:
    text: str  # exactly AnalysisResult.text[start:end]
    value: Decimal | int
    unit: str  # as written, multiplier included: "万元", "件", "%", "万件"
    base_value: Decimal | int
    base_unit: str | None  # unit without multiplier: "元", "件"; None for a bare "40万"
    subject: str  # the phrase it counts: "调解成功"
    approx: list[str]  # qualifiers as written: "余", "近", "超", "约", "多", "左右", "以上" …
    start: int
    end: int
    # "value"; "change" for a comparison that qualifies no figure of its own; "years" for 连续三年
    kind: str = "value"
    comparison: Comparison | None = None
    code: str | None = None  # figure-registry code when the subject means a declared figure
    page: int | None = None  # PDF only: the page (from 1) the figure starts on

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "value": json_number(self.value),
            "unit": self.unit,
            "base_value": json_number(self.base_value),
            "base_unit": self.base_unit,
            "subject": self.subject,
            "approx": list(self.approx),
            "kind": self.kind,
            "comparison": self.comparison.to_dict() if self.comparison else None,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "page": self.page,
        }


@dataclass
class AnalysisResult:
    text: str  # the text as given (decoded; extracted from .docx/HTML/PDF): every offset indexes it
    normalised: str  # what the analysis read: width-folded, chrome and blank lines dropped (no offsets)
    format: str  # "text", "web" (text saved from a web page), "html", "docx" or "pdf"
    encoding: str | None
    title: str | None
    issuer: str | None
    year: int | None
    signed: datetime.date | None
    outline: list[Heading]
    enumerations: list[Enumeration]
    mandated: list[MandatedItem]
    figures: list[FigureMention]

    @property
    def missing(self) -> list[str]:
        """Keys of the mandated items (required ones) the report lacks."""
        return [item.key for item in self.mandated if item.required and not item.present]

    def headings(self):
        for heading in self.outline:
            yield from heading.walk()

    def to_dict(self, *, include_text: bool = False) -> dict:
        data = {
            "title": self.title,
            "issuer": self.issuer,
            "year": self.year,
            "signed": self.signed.isoformat() if self.signed else None,
            "format": self.format,
            "encoding": self.encoding,
            "text_length": len(self.text),
            "outline": [heading.to_dict() for heading in self.outline],
            "enumerations": [enumeration.to_dict() for enumeration in self.enumerations],
            "mandated": [item.to_dict() for item in self.mandated],
            "missing": self.missing,
            "figures": [figure.to_dict() for figure in self.figures],
        }
        if include_text:
            data["text"] = self.text
        return data
