"""Record documents to print (受理通知书, 人民调解协议书, 法律意见书 …), made from Word templates with
placeholders (docxtpl: ``{{ number }}``, ``{%p for party in parties %}``) that an office may replace with
its own .docx.

A ledger declares its documents once, ``Document`` rows on its ``LedgerPages(documents=...)``: the code,
the Chinese title, the record's values (``context``) and the same keys with example values (``sample``,
what an uploaded template is checked against: the system administrator who uploads it sees no record).
The kit then gives each record page its download buttons, Word and PDF, the download in the audit trail
(``downloads.docx_download`` / ``pdf_download``), and the settings site's page to replace a template.

Every document's values start with the common ones: ``unit`` (the letterhead: the record's unit), ``number``,
``title``, ``today``. The default template of each document is a .docx committed under
``fazhi/<app>/document_templates/<code>.docx``; ``python -m fazhi.ledger.document_defaults`` writes them from the
declaration's ``blocks`` in the GB/T 9704 layout (fazhi.gbt9704), so a change of wording is made in the
declaration and the files are written again, never edited by hand.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Q

from fazhi.audit.models import Action
from fazhi.audit.services import record as audit_record
from fazhi.dates import cn_date
from fazhi.errors import FazhiError
from fazhi.ziplimits import directory_problem

from .downloads import docx_download, pdf_download
from .models import DocumentTemplate
from .pdf import docx_to_pdf

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024  # a letterhead picture or two
MAX_TEMPLATE_PARTS = 500
MAX_TEMPLATE_DIRECTORY_BYTES = 256 * 1024
COMMON_SAMPLE = {
    "unit": "某某街道人民调解委员会",
    "number": "某街调〔2024〕0001号",
    "title": "文书",
    "today": "2024年3月5日",
}


class NoSuchDocument(FazhiError):
    """The record has no such document now (a page answers 404)."""

    code = "not_found"
    status_code = 404


def _always(record) -> bool:
    return True


@dataclass(frozen=True)
class Block:
    """One paragraph (or table) of a default template: ``style`` is ``body`` (indented), ``plain``,
    ``heading``, ``right`` (signature and date), ``center``, ``blank`` or ``table`` (``rows`` of label and
    value)."""

    style: str
    text: str = ""
    rows: tuple = ()


def body(text: str) -> Block:
    return Block("body", text)


def plain(text: str) -> Block:
    return Block("plain", text)


def heading(text: str) -> Block:
    return Block("heading", text)


def right(text: str) -> Block:
    return Block("right", text)


def center(text: str) -> Block:
    return Block("center", text)


def blank() -> Block:
    return Block("blank")


def table(*rows: tuple[str, str]) -> Block:
    return Block("table", rows=rows)


def each(loop: str, *lines: str) -> tuple[Block, ...]:
    """Paragraphs repeated for each item: ``each("party in parties", "{{ party.name }}")``."""
    return (plain(f"{{%p for {loop} %}}"), *(plain(line) for line in lines), plain("{%p endfor %}"))


@dataclass(frozen=True)
class Document:
    code: str  # URL segment, template key and default file name; unique across the ledgers
    title: str  # the document's name: the template's title, the button, the file name
    context: Callable[..., dict]  # (record, user, **options) → the record's values (plain data only)
    sample: dict  # the same keys as ``context`` gives, with example values
    blocks: tuple = ()  # the default template's body, under the letterhead, title and number
    available: Callable[[Any], bool] = _always  # (record) → whether the record has this document now

    def default_path(self) -> Path:
        """The shipped default: ``document_templates/<code>.docx`` beside the module declaring it."""
        declared_in = Path(sys.modules[self.context.__module__].__file__).parent
        return declared_in / "document_templates" / f"{self.code}.docx"


# --- the registry -----------------------------------------------------------------------------------------


def all_documents() -> dict[str, Document]:
    """code → Document, over every ledger's pages."""
    from .registry import ledgers

    found = {}
    for ledger in ledgers():
        for pages in ledger.pages:
            for document in getattr(pages, "documents", ()):
                found[document.code] = document
    return found


def document_title(code: str) -> str:
    document = all_documents().get(code)
    return document.title if document else code


def document_choices() -> list[tuple[str, str]]:
    return [(d.code, d.title) for d in all_documents().values()]


# --- values -------------------------------------------------------------------------------------------------


def day_text(day: datetime.date | None) -> str:
    return cn_date(day) if day else "____年__月__日"


def money_text(amount: Decimal | None) -> str:
    return f"人民币{amount}元" if amount is not None else ""


def context_for(document: Document, record, user, **options) -> dict:
    from fazhi.dates import today

    return {
        "unit": record.org.name,
        "number": record.number,
        "title": document.title,
        "today": day_text(today()),
    } | document.context(record, user, **options)


def sample_context(document: Document) -> dict:
    return COMMON_SAMPLE | {"title": document.title} | document.sample


# --- templates ----------------------------------------------------------------------------------------------


def _unit_chain(org) -> list[int]:
    """The unit and every unit above it, nearest first (its materialised path, "/1/5/9/")."""
    return [int(pk) for pk in reversed(org.path.strip("/").split("/")) if pk]


def office_template(document: Document, org) -> DocumentTemplate | None:
    """The replacement that applies to the records of ``org``: its own unit's or the nearest unit's above
    it, else the one for every unit."""
    chain = _unit_chain(org)
    rows = {
        row.org_id: row
        for row in DocumentTemplate.objects.filter(kind=document.code).filter(
            Q(org__isnull=True) | Q(org_id__in=chain)
        )
    }
    for pk in [*chain, None]:
        if pk in rows:
            return rows[pk]
    return None


def template_bytes(document: Document, org) -> bytes:
    row = office_template(document, org)
    return bytes(row.content) if row else document.default_path().read_bytes()


def _environment():
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    # Sandboxed: a template comes from an upload. Strict: a placeholder the document has no value for is
    # an error the office is told of, not a blank in a printed document.
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def _values(context: dict):
    """Multi-line text as docxtpl's Listing (a line break per newline), inside lists and dicts too."""
    from docxtpl import Listing

    if isinstance(context, dict):
        return {key: _values(value) for key, value in context.items()}
    if isinstance(context, list | tuple):
        return [_values(value) for value in context]
    if isinstance(context, str) and "\n" in context:
        return Listing(context)
    return context


def render(content: bytes, context: dict) -> bytes:
    """The template ``content`` filled with ``context``; a template that cannot be filled raises a
    FazhiError saying why, in Chinese."""
    import jinja2
    from docxtpl import DocxTemplate

    problem = directory_problem(
        content, max_entries=MAX_TEMPLATE_PARTS, max_bytes=MAX_TEMPLATE_DIRECTORY_BYTES
    )
    if problem:
        raise FazhiError(f"模板文件不是有效的 Word 文档：{problem}", code="bad_template")
    try:
        template = DocxTemplate(io.BytesIO(content))
        template.render(_values(context), _environment(), autoescape=True)
        out = io.BytesIO()
        template.save(out)
    except jinja2.UndefinedError as exc:
        raise FazhiError(
            f"模板中有本文书没有的占位符（{exc.message}）。可用的占位符：{_names(context)}。",
            code="bad_template",
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise FazhiError(
            f"模板中的占位符写法有误（第{exc.lineno}行：{exc.message}），请检查 {{{{ }}}} 和 {{% %}} 是否成对。",
            code="bad_template",
        ) from exc
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FazhiError(
            "模板文件不是有效的 Word 文档（.docx），请用 Word 或 WPS 另存为 .docx 后重新上传。",
            code="bad_template",
        ) from exc
    except Exception as exc:  # an office's template may fail in ways no list foresees: never a 500
        raise FazhiError(
            f"模板无法生成文书：{type(exc).__name__}。请检查模板后重新上传。", code="bad_template"
        ) from exc
    return out.getvalue()


def _names(context: dict) -> str:
    return "、".join(f"{{{{ {name} }}}}" for name in context)


def check_template(document: Document, content: bytes) -> None:
    """Refuse (FazhiError, Chinese) a replacement that is not a .docx or cannot be filled with the
    document's values."""
    if len(content) > MAX_TEMPLATE_BYTES:
        raise FazhiError(f"模板文件超过 {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB。", code="bad_template")
    if not content.startswith(b"PK\x03\x04"):
        raise FazhiError(
            "模板文件不是 Word 文档（.docx）；.doc 或 .wps 文件请先另存为 .docx 再上传。", code="bad_template"
        )
    render(content, sample_context(document))


def replace_template(actor, document: Document, org, name: str, content: bytes) -> DocumentTemplate:
    check_template(document, content)
    digest = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        row, created = DocumentTemplate.objects.update_or_create(
            kind=document.code,
            org=org,
            defaults={"name": name[:200], "content": content, "sha256": digest, "uploaded_by": actor},
        )
        audit_record(
            Action.CREATE if created else Action.UPDATE,
            actor=actor,
            target=row,
            changes={"文书模板": [None, f"{document.title}：{name}（SHA-256 {digest[:16]}…）"]},
        )
    return row


def restore_default(actor, row: DocumentTemplate) -> None:
    """恢复默认: the office's template goes, the shipped default applies again."""
    with transaction.atomic():
        audit_record(
            Action.DELETE,
            actor=actor,
            target=row,
            changes={"文书模板": [f"{document_title(row.kind)}：{row.name}", "恢复默认模板"]},
        )
        row.delete()


# --- downloads ------------------------------------------------------------------------------------------


def make(document: Document, record, user, **options) -> bytes:
    return render(template_bytes(document, record.org), context_for(document, record, user, **options))


def file_name(document: Document, record, suffix: str, part: str = "") -> str:
    """ "人民调解协议书-五常调〔2024〕12号.docx"; ``part`` tells apart several of one record ("-第2轮")."""
    return f"{document.title}-{record.number}{part}.{suffix}"


def document_download(
    document: Document, record, user, fmt: str = "docx", *, what: str = "", part: str = "", **options
):
    """The record's document as Word or PDF, the download in the audit trail. A document the record does
    not have now answers 404; a template or converter that fails raises FazhiError (the page shows it)."""
    if not document.available(record):
        raise NoSuchDocument(f"该记录目前没有{document.title}。")
    what = what or document.title
    content = make(document, record, user, **options)
    if fmt == "pdf":
        pdf = docx_to_pdf(content, name=document.code)
        return pdf_download(
            user, record, pdf, filename=file_name(document, record, "pdf", part), what=f"{what}（PDF）"
        )
    return docx_download(user, record, content, filename=file_name(document, record, "docx", part), what=what)
