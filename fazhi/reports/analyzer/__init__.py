"""Read a published 法治政府建设年度报告 back into its outline, mandated items and figures.

from fazhi.reports.analyzer import analyze, ReportUnreadable
result = analyze(path_or_bytes)         # AnalysisResult; result.to_dict() for JSON
"""

from __future__ import annotations

import os

from .clean import normalise
from .decode import read_source
from .errors import ReportUnreadable
from .figures import find_figures
from .mandated import check_mandated
from .meta import read_meta
from .outline import find_enumerations, parse_outline
from .positions import relocate
from .result import (
    AnalysisResult,
    Comparison,
    Enumeration,
    EnumerationItem,
    FigureMention,
    Heading,
    MandatedItem,
)

__all__ = [
    "AnalysisResult",
    "Comparison",
    "Enumeration",
    "EnumerationItem",
    "FigureMention",
    "Heading",
    "MandatedItem",
    "ReportUnreadable",
    "analyze",
    "analyze_text",
]


def analyze(source: bytes | bytearray | str | os.PathLike, filename: str | None = None) -> AnalysisResult:
    """Analyse a report given as the file's bytes, or as a path (str or Path) to the file.

    ``filename`` (optional, with bytes) helps recognise HTML by its extension. Raises ReportUnreadable.
    """
    raw = read_source(source, filename)
    return _analyze(raw.text, raw.format, raw.encoding, raw.page_starts)


def analyze_text(text: str) -> AnalysisResult:
    """Analyse text already decoded (e.g. pasted into a form). Raises ReportUnreadable when empty."""
    if not isinstance(text, str):
        raise ReportUnreadable("报告内容必须是文字。")
    return _analyze(text, "text", None)


def _analyze(
    raw_text: str, format: str, encoding: str | None, page_starts: list[int] | None = None
) -> AnalysisResult:
    cleaned = normalise(raw_text)
    if not cleaned.text.strip():
        raise ReportUnreadable(
            "文件中没有可分析的正文文字。请确认上传的是报告正文（而非空白或仅含图片的文件）。"
        )
    text = cleaned.text
    meta = read_meta(text, cleaned.source)
    outline = parse_outline(text, meta.signature_start)
    headings = [heading for root in outline for heading in root.walk()]
    enumerations = find_enumerations(text, headings)
    figures = find_figures(text, outline)
    relocate(raw_text, cleaned, headings, enumerations, figures, page_starts)
    return AnalysisResult(
        text=raw_text,
        normalised=text,
        format="web" if format == "text" and cleaned.web_page else format,
        encoding=encoding,
        title=meta.title,
        issuer=meta.issuer,
        year=meta.year,
        signed=meta.signed,
        outline=outline,
        enumerations=enumerations,
        mandated=check_mandated(outline),
        figures=figures,
    )
