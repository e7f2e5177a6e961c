"""The report as a :class:`ReportDocument`: numbered headings, paragraphs with figures as runs.

An optional chapter (纲要 chapters, this year's shortcomings) with no text is left out and the
numbering closes up; the mandated items are always printed, empty or not (the completeness
check says what is missing).
"""

from __future__ import annotations

from collections.abc import Mapping

from .document import Heading, ReportDocument, enumerate_number
from .document import Paragraph as DocParagraph
from .figure_source import FigureValue
from .models import AnnualReport, Section
from .placeholders import to_runs
from .values import current_values


def _tree(report: AnnualReport):
    sections = list(report.sections.all().prefetch_related("paragraphs"))
    children: dict[int | None, list[Section]] = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)
    for kids in children.values():
        kids.sort(key=lambda s: s.order)
    return children


def _has_text(section: Section, children) -> bool:
    if any(p.text.strip() for p in section.paragraphs.all()):
        return True
    return any(_has_text(child, children) for child in children.get(section.pk, []))


def _ordered(report: AnnualReport):
    """(section, level, number) of the sections the export prints, in document order."""
    children = _tree(report)
    result = []

    def visit(parent_id, level):
        index = 0
        for section in children.get(parent_id, []):
            if not section.heading:
                result.append((section, 0, ""))
                continue
            if not section.mandated and not _has_text(section, children):
                continue
            index += 1
            result.append((section, level, enumerate_number(level, index)))
            visit(section.pk, level + 1)

    visit(None, 1)
    return result


def tree_rows(report: AnnualReport) -> list[tuple[Section, int]]:
    """(section, depth from 1) of every section in document order, printed or not (the edit page)."""
    children = _tree(report)
    rows: list[tuple[Section, int]] = []

    def visit(parent_id, depth):
        for section in children.get(parent_id, []):
            rows.append((section, depth))
            visit(section.pk, depth + 1)

    visit(None, 1)
    return rows


def section_numbers(report: AnnualReport) -> dict[int, str]:
    return {section.pk: number for section, _level, number in _ordered(report)}


def to_document(report: AnnualReport, values: Mapping[str, FigureValue] | None = None) -> ReportDocument:
    if values is None:
        values = current_values(report)
    blocks = []
    for section, level, number in _ordered(report):
        if section.heading:
            blocks.append(Heading(level, number, section.title))
        for paragraph in sorted(section.paragraphs.all(), key=lambda p: (p.order, p.pk)):
            for line in paragraph.text.splitlines():
                if line.strip():
                    blocks.append(DocParagraph("", tuple(to_runs(line.strip(), values))))
    return ReportDocument(
        title=report.title,
        issuer=report.issuer.strip() or report.org.name,
        signed=report.signed,
        blocks=tuple(blocks),
    )
