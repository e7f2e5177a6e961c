"""HTML preview of the annual report: a fragment for a page under a strict Content-Security-Policy.

No inline styles and no scripts — classes only, styled by the site's stylesheet. Figures quoted
from the registry are wrapped so that the preview can highlight them and link them to their code.
"""

from __future__ import annotations

from html import escape

from .document import Heading, Paragraph, ReportDocument, Run


def render_html(doc: ReportDocument) -> str:
    parts = ['<article class="report-document">']
    if doc.title_lines:
        title = "<br>".join(escape(line) for line in doc.title_lines)
        parts.append(f'<h1 class="report-title">{title}</h1>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(_heading(block))
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{''.join(_run(run) for run in block.spans())}</p>")
    if doc.issuer.strip() or doc.signed:
        parts.append('<footer class="report-closing">')
        if doc.issuer.strip():
            parts.append(f'<p class="report-issuer">{escape(doc.issuer.strip())}</p>')
        if doc.signed:
            parts.append(
                f'<p class="report-date"><time datetime="{doc.signed.isoformat()}">'
                f"{escape(doc.signed_text)}</time></p>"
            )
        parts.append("</footer>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def _heading(heading: Heading) -> str:
    tag = f"h{heading.level + 1}"  # h1 is the report's title
    return (
        f'<{tag} class="report-heading report-heading-{heading.level}">'
        f'<span class="heading-number">{escape(heading.number)}</span>{escape(heading.text)}</{tag}>'
    )


def _run(run: Run) -> str:
    # Word turns a line break inside a paragraph into <w:br/>; the preview shows it the same way.
    text = "<br>".join(escape(line) for line in run.text.split("\n"))
    if run.figure_code is None:
        return text
    return f'<span class="figure" data-code="{escape(run.figure_code, quote=True)}">{text}</span>'
