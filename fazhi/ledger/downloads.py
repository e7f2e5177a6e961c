"""A record's document (a Word file made from it, or that file as PDF) as a download, the download itself
in the audit trail: the one way every ledger's page and API hands out an agreement, an opinion letter, a
decision; and a workbook that is no one record's (an analysis of uploaded reports).

Every download of the platform names its file in Chinese through ``file_response`` (a record's document, an
Excel template or export, a report, a calendar): a person saving ten files in a folder must tell them
apart by name, and a name in pinyin or English ("agreement-12.docx") says nothing to them."""

import re

from django.db import transaction
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from fazhi.audit.models import Action
from fazhi.audit.services import record

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Characters Windows (and 统信/麒麟's file managers) refuse in a file name, and control characters: a record
# number such as "余杭/调〔2024〕3号" or a title with a colon must still save.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def download_name(name: str) -> str:
    """``name`` made safe as a file name: unsafe characters become "-", spaces at the ends go."""
    stem = _UNSAFE.sub("-", name).strip(" .-")
    return stem or "下载"


def file_response(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """``content`` as a download named ``filename`` (Chinese, sent as RFC 6266 ``filename*=utf-8''…``)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, download_name(filename))
    return response


def docx_download(user, target, content: bytes, *, filename: str, what: str) -> HttpResponse:
    """``content`` as ``filename``; the audit entry says that ``user`` exported ``what`` of ``target``."""
    return _download(user, target, content, filename=filename, what=what, content_type=DOCX)


def pdf_download(user, target, content: bytes, *, filename: str, what: str) -> HttpResponse:
    """The same for a PDF (``fazhi.ledger.pdf.docx_to_pdf`` of the record's Word document)."""
    return _download(user, target, content, filename=filename, what=what, content_type=PDF)


def xlsx_download(user, content: bytes, *, filename: str, what: str, target_type: str) -> HttpResponse:
    """An Excel workbook that is no one record's (a comparison of uploaded reports): ``target_type``
    names the kind of export in the audit trail, ``what`` says what it held."""
    return _download(
        user, None, content, filename=filename, what=what, content_type=XLSX, target_type=target_type
    )


def _download(
    user, target, content: bytes, *, filename: str, what: str, content_type: str, target_type: str = ""
) -> HttpResponse:
    with transaction.atomic():
        record(
            Action.EXPORT,
            actor=user,
            target=target,
            target_type=target_type,
            target_repr="" if target is not None else what,  # a record names itself
            changes={"导出": [None, what]},
        )
    return file_response(content, filename, content_type)
