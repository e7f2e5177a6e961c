"""What must be true before a report may be approved, as a list of problems in Chinese.

- every mandated item is present and has text (item 1 may have it in its 纲要 chapters);
- (the 整改情况 part inside item 2 is optional, as for the analyzer: the 规定 lists five items);
- every figure placeholder has a value (and a ``change:`` placeholder a known last year);
- the report has a title.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import outline
from .figure_source import FigureValue
from .models import AnnualReport, Section
from .placeholders import missing
from .values import current_values

TO_FILL = "（请填写）"  # the mark the 整改 checklist leaves for each point (see shortcomings.remedy_draft)


def _text_of(section: Section, by_parent: dict) -> str:
    own = "".join(p.text.strip() for p in section.paragraphs.all())
    return own + "".join(_text_of(child, by_parent) for child in by_parent.get(section.pk, []))


def problems(report: AnnualReport, values: Mapping[str, FigureValue] | None = None) -> list[str]:
    sections = list(report.sections.all().prefetch_related("paragraphs"))
    by_key = {s.key: s for s in sections}
    by_parent: dict = {}
    for section in sections:
        by_parent.setdefault(section.parent_id, []).append(section)
    found = []
    if not report.title.strip():
        found.append("报告缺少标题")
    for spec, _parent in outline.walk():
        if not spec.mandated:
            continue
        title = spec.title_for(report.year)
        section = by_key.get(spec.key)
        if section is None:
            found.append(f"缺少法定内容“{title}”")
        elif not _text_of(section, by_parent):
            found.append(f"“{section.number}{section.title}”尚未填写内容")
    for section in sections:
        if any(TO_FILL in p.text for p in section.paragraphs.all()):
            found.append(
                f"“{section.number}{section.title}”中还有“{TO_FILL}”的整改情况，请逐项填写或删去该项"
            )
    if values is None:
        values = current_values(report)
    for section in sections:
        for paragraph in section.paragraphs.all():
            for placeholder in missing(paragraph.text, values):
                if placeholder.kind == "none" and placeholder.code in values:
                    found.append(
                        f"“{section.number}{section.title}”中写明没有“{placeholder.label[:-2]}”，"
                        f"但台账中已有记录（{placeholder.code}），请改写该句"
                    )
                    continue
                found.append(
                    f"“{section.number}{section.title}”中的指标“{placeholder.label}”"
                    f"（{placeholder.code}）没有数值，请补录数据或改写该句"
                )
    return found
