"""One-file backups: every model's rows as JSON Lines, the media files and a manifest of SHA-256 sums.

Archive layout (a .tar.gz):
    manifest.json                 format, versions, vendor, model order, row counts, member checksums
    manifest.sig                  HMAC-SM3 of manifest.json under the audit key: restore refuses an
                                  unsigned archive or one changed after it was written
    data/<app_label>.<model>.jsonl one {"pk": ..., "fields": {...}} per line, models in dependency order
    media/<stored name>           the stored files (attachments, job files), on disk or in object storage

Primary keys are kept, so foreign keys, generic relations and the audit chain stay valid. Content
types and permissions are rebuilt by migrate with other ids, so references to them are written as
natural keys. Encrypted personal data is written as the ciphertext stored in the database.
"""

import datetime
import decimal
import hashlib
import importlib.metadata
import itertools
import json
import os
import shutil
import tarfile
import tempfile
import uuid
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, models, transaction
from django.db.models.functions import Cast
from django.utils import timezone

from fazhi.crypto import audit_key, hmac_sm3_hex
from fazhi.ledger.personal import EncryptedTextField

FORMAT = "fazhi-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SIGNATURE_KEY_PURPOSE = "backup-signature"
CHUNK = 2000
# Rebuilt by migrate (content types, permissions) or meaningless in another database (sessions, the
# worker's queue: a restored queue would run again jobs that already ran; the jobs themselves are kept).
EXCLUDED = frozenset(
    {"contenttypes.contenttype", "auth.permission", "sessions.session", "django_tasks_db.dbtaskresult"}
)
_RAW = "_backup_raw_"
# The parts of a backup, as its job's progress page names them.
TABLES, MEDIA, PACK = "导出数据表", "复制附件文件", "写入备份文件"
STEPS = (TABLES, MEDIA, PACK)


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do, in Chinese."""


def data_member(label: str) -> str:
    return f"data/{label}.jsonl"


def app_version() -> str:
    try:
        return importlib.metadata.version("fazhi")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def backed_up_models() -> list[type[models.Model]]:
    """Every table-owning model (m2m tables included) but the excluded ones, parents before children."""
    candidates = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in EXCLUDED
    ]
    return _dependency_order(candidates)


def _dependency_order(candidates: list) -> list:
    # Constraints are checked at commit, so a cycle (or a self-reference) only costs order, not validity.
    remaining = sorted(candidates, key=lambda m: m._meta.label_lower)
    depends = {
        model: {
            field.related_model
            for field in model._meta.concrete_fields
            if field.remote_field and field.related_model is not model and field.related_model in remaining
        }
        for model in remaining
    }
    ordered: list = []
    while remaining:
        ready = [m for m in remaining if not (depends[m] - set(ordered))] or remaining[:1]
        for model in ready:
            ordered.append(model)
            remaining.remove(model)
    return ordered


def insertable_fields(model) -> list:
    return [f for f in model._meta.local_concrete_fields if not getattr(f, "generated", False)]


def refers_to(field, model) -> bool:
    return bool(field.remote_field) and field.related_model is model


class _Encoder(json.JSONEncoder):
    # Full microseconds: the audit chain hashes timestamps to the microsecond (DjangoJSONEncoder cuts them).
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.date | datetime.time):
            return o.isoformat()
        if isinstance(o, decimal.Decimal | uuid.UUID):
            return str(o)
        if isinstance(o, datetime.timedelta):
            return o.total_seconds()
        return super().default(o)


def sign_manifest(manifest_bytes: bytes) -> str:
    """The signature that vouches for the manifest, and through its checksums for every member."""
    return hmac_sm3_hex(audit_key(SIGNATURE_KEY_PURPOSE), manifest_bytes)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Dumper:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.content_types = {ct.pk: [ct.app_label, ct.model] for ct in ContentType.objects.all()}
        self.permissions = {
            p.pk: [p.codename, p.content_type.app_label, p.content_type.model]
            for p in Permission.objects.select_related("content_type")
        }

    def dump(self, model) -> int:
        fields = insertable_fields(model)
        encrypted = [f for f in fields if isinstance(f, EncryptedTextField)]
        names = [f.name for f in fields if not f.primary_key]
        # The stored token, not the plain text: value_to_string() would encrypt afresh with a new IV.
        queryset = model._base_manager.order_by("pk").annotate(
            **{_RAW + f.attname: Cast(f.attname, output_field=models.TextField()) for f in encrypted}
        )
        count = 0
        path = self.workdir / data_member(model._meta.label_lower)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            for batch in itertools.batched(queryset.iterator(chunk_size=CHUNK), CHUNK):
                rows = serializers.serialize("python", batch, fields=names)
                for obj, row in zip(batch, rows, strict=True):
                    self._fix_row(obj, row["fields"], fields, encrypted)
                    out.write(
                        json.dumps(
                            {"pk": row["pk"], "fields": row["fields"]}, cls=_Encoder, ensure_ascii=False
                        )
                    )
                    out.write("\n")
                count += len(batch)
        return count

    def _fix_row(self, obj, values: dict, fields: list, encrypted: list) -> None:
        for field in encrypted:
            values[field.name] = getattr(obj, _RAW + field.attname)
        for field in fields:
            if field.name not in values or values[field.name] is None:
                continue
            if refers_to(field, ContentType):
                values[field.name] = self.content_types[values[field.name]]
            elif refers_to(field, Permission):
                values[field.name] = self.permissions[values[field.name]]


def _stored_names(storage, folder: str = ""):
    """Every stored file's name, walked through the storage API: a folder on disk and a bucket alike."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # nothing uploaded yet: MEDIA_ROOT was never made
        return
    prefix = f"{folder}/" if folder else ""
    for name in sorted(files):
        yield prefix + name
    for sub in sorted(folders):
        yield from _stored_names(storage, prefix + sub)


def _copy_media(workdir: Path, tick) -> dict[str, str]:
    """Copy the stored files into the work dir, hashing the copies (what is archived is what was hashed)."""
    sums: dict[str, str] = {}
    names = list(_stored_names(default_storage))
    for done, name in enumerate(names):
        tick(MEDIA, done, len(names))
        # A link planted in the media folder must not carry a file from elsewhere on the machine into the archive.
        if isinstance(default_storage, FileSystemStorage) and os.path.islink(default_storage.path(name)):
            continue
        member = "media/" + name
        target = workdir / member
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
        sums[member] = _sha256_file(target)
    return sums


def default_output() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"fazhi-{stamp}.tar.gz"


def _quiet(step: str, done: int, total: int) -> None:
    pass


def create_backup(output: Path, tick=_quiet) -> dict:
    """Write the archive to ``output`` and return its manifest. ``tick(step, done, total)`` is told where
    the work is (one of STEPS; a job's progress page shows it, and may stop the work there)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fazhi-backup-") as tmp:
        workdir = Path(tmp)
        order, counts = _dump_snapshot(workdir, tick)
        files = {data_member(label): _sha256_file(workdir / data_member(label)) for label in order}
        files |= _copy_media(workdir, tick)
        tick(PACK, 0, len(files))
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "django_version": django.get_version(),
            "app_version": app_version(),
            "database_vendor": connection.vendor,
            "models": order,
            "row_counts": counts,
            "files": files,
        }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        (workdir / MANIFEST).write_bytes(manifest_bytes)
        (workdir / SIGNATURE).write_text(sign_manifest(manifest_bytes), encoding="ascii")
        partial = output.with_name(output.name + ".part")
        # Readable by the owner only, from the first byte: the archive holds every table (personal data
        # encrypted, token digests, password hashes) and must not be world-readable in between.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # an existing .part keeps its mode through O_CREAT
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(workdir / MANIFEST, arcname=MANIFEST)
            archive.add(workdir / SIGNATURE, arcname=SIGNATURE)
            for member in files:  # data first, in load order, so restore reads the archive front to back
                archive.add(workdir / member, arcname=member)
        os.replace(partial, output)
    return manifest


def _dump_snapshot(workdir: Path, tick=_quiet) -> tuple[list[str], dict[str, int]]:
    # One transaction, so rows written while the dump runs cannot leave a child without its parent.
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return _dump_all(workdir, tick)
    with transaction.atomic():
        return _dump_all(workdir, tick)


def _dump_all(workdir: Path, tick) -> tuple[list[str], dict[str, int]]:
    dumper = _Dumper(workdir)
    order, counts = [], {}
    tables = backed_up_models()
    for done, model in enumerate(tables):
        tick(TABLES, done, len(tables))
        label = model._meta.label_lower
        order.append(label)
        counts[label] = dumper.dump(model)
    return order, counts
