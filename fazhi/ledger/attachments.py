"""Attachments of ledger records: checked on the way in, always served as a download."""

import hashlib
import secrets
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import FileResponse

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.errors import FazhiError

from .models import Attachment
from .services import require_write

# Extension → the leading bytes its content must start with (None: text formats, no signature).
ALLOWED_TYPES = {
    ".pdf": (b"%PDF",),
    ".ofd": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".zip": (b"PK\x03\x04",),
    ".txt": None,
}


def _check(upload) -> str:
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_TYPES:
        allowed = "、".join(sorted(ALLOWED_TYPES))
        raise FazhiError(
            f"不支持“{suffix or '无扩展名'}”类型的附件，请上传以下类型：{allowed}。", code="bad_attachment"
        )
    if upload.size > settings.FAZHI_ATTACHMENT_MAX_BYTES:
        limit = settings.FAZHI_ATTACHMENT_MAX_BYTES // (1024 * 1024)
        raise FazhiError(f"附件“{name}”超过 {limit} MB，请压缩或拆分后再上传。", code="bad_attachment")
    if upload.size == 0:
        raise FazhiError(f"附件“{name}”是空文件，请检查后重新上传。", code="bad_attachment")
    signatures = ALLOWED_TYPES[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if signatures and not any(head.startswith(sig) for sig in signatures):
        raise FazhiError(f"附件“{name}”的内容与扩展名“{suffix}”不符，请上传原始文件。", code="bad_attachment")
    return name


def attach(actor, record_obj, upload, description: str = "") -> Attachment:
    name = _check(upload)
    require_write(actor, record_obj.org)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        attachment = Attachment(
            content_type=ContentType.objects.get_for_model(record_obj),
            object_id=record_obj.pk,
            token=secrets.token_hex(16),
            name=name[:200],
            description=description[:200],
            size=upload.size,
            sha256=digest.hexdigest(),
            uploaded_by=actor,
        )
        attachment.file.save(attachment.token, upload, save=False)
        attachment.save()
        record(
            Action.UPDATE,
            actor=actor,
            target=record_obj,
            changes={"附件": [None, f"{name}（{upload.size} 字节，SHA-256 {attachment.sha256[:16]}…）"]},
        )
    return attachment


def attachments_of(record_obj):
    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(record_obj), object_id=record_obj.pk
    ).order_by("uploaded_at")


def download_response(attachment: Attachment) -> FileResponse:
    """Always a download: the browser never renders an uploaded file in the platform's origin."""
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
