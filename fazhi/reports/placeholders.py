"""Figure placeholders in paragraph text and their rendering to numbers.

``{{disputes.received}}`` is this year's value, ``{{change:disputes.received}}`` the year-on-year
wording (同比上升18.22%; for a rate, 同比提高21.45个百分点), ``{{previous:disputes.received}}`` last year's
value, ``{{about:pufa.reach}}`` the value rounded as a report writes a count it does not know to the
unit (近2000, 1000余). ``{{none:litigation.lost}}`` stands behind a claim that something did not happen
("未发生行政诉讼败诉案件"): it prints nothing while the ledger's value is 0, and counts as missing once
it is not, so the claim cannot outlive the facts. A placeholder whose value is unknown renders as a
visible 【缺：…】 mark, and the completeness check lists it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .document import Run
from .figure_source import FigureValue, about_value, describe_change, format_value, label_of

PLACEHOLDER = re.compile(r"\{\{\s*(?:(change|previous|none|about)\s*:)?\s*([A-Za-z0-9_.\-]+)\s*\}\}")
KIND_LABELS = {"value": "", "change": "同比变化", "previous": "上年数", "none": "为零", "about": "（约数）"}


@dataclass(frozen=True)
class Placeholder:
    kind: str  # "value", "change", "previous", "none" or "about"
    code: str

    @property
    def label(self) -> str:
        return label_of(self.code) + KIND_LABELS[self.kind]

    def render(self, values: Mapping[str, FigureValue]) -> str | None:
        value = values.get(self.code)
        if value is None:
            return None
        if self.kind == "change":
            return describe_change(value.value, value.previous, value.unit)
        if self.kind == "previous":
            return format_value(value.previous, value.unit, value.money)
        if self.kind == "about":
            return about_value(value.value)
        if self.kind == "none":
            return "" if value.value is not None and value.value == 0 else None
        return format_value(value.value, value.unit, value.money)


def placeholders_in(text: str) -> list[Placeholder]:
    return [Placeholder(kind or "value", code) for kind, code in PLACEHOLDER.findall(text)]


def codes_in(*texts: str) -> set[str]:
    return {p.code for text in texts for p in placeholders_in(text)}


def missing(text: str, values: Mapping[str, FigureValue]) -> list[Placeholder]:
    return [p for p in placeholders_in(text) if p.render(values) is None]


def to_runs(text: str, values: Mapping[str, FigureValue]) -> list[Run]:
    """The text with every placeholder replaced, figures as runs linked to their code."""
    runs: list[Run] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        placeholder = Placeholder(match.group(1) or "value", match.group(2))
        shown = placeholder.render(values)
        if shown is None:
            runs.append(Run(f"【缺：{placeholder.label}】", placeholder.code))
        elif shown:
            runs.append(Run(shown, placeholder.code))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return runs


def to_text(text: str, values: Mapping[str, FigureValue]) -> str:
    return "".join(run.text for run in to_runs(text, values))
