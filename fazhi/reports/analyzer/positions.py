"""Spans found in the normalised text → spans of the caller's text.

The analysis reads the normalised text (clean.py), but a highlight, a link back to the source or a
check of the section a figure lies in needs offsets into the text as the caller gave it (after
decoding), whatever was cleaned away: page chrome, full-width digits, runs of spaces, "\\r\\n".
"""

from __future__ import annotations

from bisect import bisect_right

from .clean import CleanText
from .result import Comparison, Enumeration, FigureMention, Heading


def relocate(
    source: str,
    cleaned: CleanText,
    headings: list[Heading],
    enumerations: list[Enumeration],
    figures: list[FigureMention],
    page_starts: list[int] | None = None,
) -> None:
    """Move every span onto ``source`` in place; each span's ``text`` becomes source[start:end].

    With ``page_starts`` (a PDF), each figure also gets the number of the page it starts on."""
    for heading in headings:
        heading.start, heading.end = cleaned.raw_span(heading.start, heading.end)
    for enumeration in enumerations:
        enumeration.start, enumeration.end = cleaned.raw_span(enumeration.start, enumeration.end)
        for item in enumeration.items:
            item.start, item.end = cleaned.raw_span(item.start, item.end)
            item.text = source[item.start : item.end]
    moved: set[int] = set()
    for figure in figures:
        figure.start, figure.end = cleaned.raw_span(figure.start, figure.end)
        figure.text = source[figure.start : figure.end]
        if page_starts:
            figure.page = max(bisect_right(page_starts, figure.start), 1)
        comparison = figure.comparison
        if comparison is not None and id(comparison) not in moved:
            _move_comparison(source, cleaned, comparison)
            moved.add(id(comparison))


def _move_comparison(source: str, cleaned: CleanText, comparison: Comparison) -> None:
    comparison.start, comparison.end = cleaned.raw_span(comparison.start, comparison.end)
    comparison.text = source[comparison.start : comparison.end]
