"""One entry point for every export format of the annual report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .document import ReportDocument
from .render_docx import render_docx
from .render_html import render_html
from .render_text import render_markdown, render_text


@dataclass(frozen=True)
class ExportFormat:
    code: str
    extension: str
    media_type: str
    label: str
    render: Callable[[ReportDocument], bytes | str]


FORMATS: dict[str, ExportFormat] = {
    fmt.code: fmt
    for fmt in (
        ExportFormat(
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word 文档",
            render_docx,
        ),
        ExportFormat("html", ".html", "text/html; charset=utf-8", "网页", render_html),
        ExportFormat("md", ".md", "text/markdown; charset=utf-8", "Markdown 文本", render_markdown),
        ExportFormat("txt", ".txt", "text/plain; charset=utf-8", "纯文本", render_text),
    )
}
_BY_EXTENSION = {fmt.extension: fmt for fmt in FORMATS.values()} | {".htm": FORMATS["html"]}


def export_format(code: str) -> ExportFormat:
    try:
        return FORMATS[code.lower().lstrip(".")]
    except KeyError:
        known = "、".join(FORMATS)
        raise ValueError(f"不支持的导出格式“{code}”，可选：{known}。") from None


def format_for_path(path: str | Path) -> ExportFormat:
    extension = Path(path).suffix.lower()
    try:
        return _BY_EXTENSION[extension]
    except KeyError:
        known = "、".join(sorted(_BY_EXTENSION))
        shown = extension or "（无扩展名）"
        raise ValueError(f"无法按文件扩展名“{shown}”导出年度报告，请使用以下扩展名之一：{known}。") from None


def render(doc: ReportDocument, fmt: str) -> bytes:
    """The export as bytes (text formats in UTF-8), ready for a file or an HTTP download."""
    content = export_format(fmt).render(doc)
    return content.encode("utf-8") if isinstance(content, str) else content


def render_to_path(doc: ReportDocument, path: str | Path) -> Path:
    """Write the export chosen by the file's extension (.docx, .md, .txt, .html); returns the path."""
    path = Path(path)
    fmt = format_for_path(path)
    path.write_bytes(render(doc, fmt.code))
    return path
