"""Plain-text and Markdown export of the annual report.

The plain text follows the published reports line for line (title, then one line per heading
or paragraph, then issuer and date), so that the report analyzer reads it back like a seed.
"""

from __future__ import annotations

import re

from .document import Heading, Paragraph, ReportDocument

# Markdown's inline markup characters; escaping them keeps "*" or "[1]" in a sentence literal.
_MARKDOWN_INLINE = re.compile(r"([\\`*_{}\[\]<>|~#!])")
# Line starts that Markdown would read as a list, quote, heading, rule or table.
_MARKDOWN_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+>=])", re.MULTILINE)


def render_text(doc: ReportDocument) -> str:
    lines = [*doc.title_lines, ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines.append(_one_line(block.full_text))
        elif isinstance(block, Paragraph):
            lines.append(_one_line(block.text))
    closing = [text for text in (doc.issuer.strip(), doc.signed_text) if text]
    if closing:
        lines += ["", *closing]
    return "\n".join(lines) + "\n"


def render_markdown(doc: ReportDocument) -> str:
    parts = []
    if doc.title_lines:
        parts.append("# " + escape_markdown("".join(doc.title_lines)))
    for block in doc.blocks:
        if isinstance(block, Heading):
            # The title takes "#", so heading levels 1-4 become "##" to "#####".
            parts.append("#" * (block.level + 1) + " " + escape_markdown(_one_line(block.full_text)))
        elif isinstance(block, Paragraph):
            parts.append(escape_markdown(_one_line(block.text)))
    closing = [escape_markdown(text) for text in (doc.issuer.strip(), doc.signed_text) if text]
    if closing:
        # Two trailing spaces: a hard line break keeps issuer and date in one closing block.
        parts.append("  \n".join(closing))
    return "\n\n".join(parts) + "\n"


def escape_markdown(text: str) -> str:
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
    return f"{match.group(4)}\\{match.group(5)}"


def _one_line(text: str) -> str:
    """A block is one line in these formats; a line break inside it would split it in two."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
