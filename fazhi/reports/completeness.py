"""What must be true before a report may be approved, as a list of problems in Chinese.

- every mandated item is present and has text (item 1 may have it in its 纲要 chapters);
- last year's shortcomings are answered: the 整改情况 part inside item 2 has text;
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
            if spec.key == outline.REMEDY:
                found.append(f"未说明上一年度存在问题的整改情况（“{section.title}”尚未填写）")
            else:
                found.append(f"“{section.number}{section.title}”尚未填写内容")
    if values is None:
        values = current_values(report)
    for section in sections:
        for paragraph in section.paragraphs.all():
            for placeholder in missing(paragraph.text, values):
                found.append(
                    f"“{section.number}{section.title}”中的指标“{placeholder.label}”"
                    f"（{placeholder.code}）没有数值，请补录数据或改写该句"
                )
    return found
