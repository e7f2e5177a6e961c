"""Restore a backup (fazhi.ops.backup) into an empty, migrated database.

The archive is checked against its manifest before anything is written. Rows go in with raw
inserts: no save(), no signals (so no new audit entries), no auto_now, and encrypted fields keep
the exact stored tokens. Everything is one transaction; the media files are copied after it commits.
"""

import hashlib
import hmac
import json
import tarfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction

from fazhi.audit.chain import Problem, verify
from fazhi.audit.models import AuditEntry
from fazhi.crypto import CryptoError, decrypt, is_token
from fazhi.db import refresh_planner_statistics
from fazhi.ledger.personal import EncryptedTextField
from fazhi.ledger.registry import ledger_models
from fazhi.orgs.models import Organisation, RoleAssignment

from .backup import (
    EXCLUDED,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    BackupError,
    data_member,
    insertable_fields,
    refers_to,
    sign_manifest,
)

BATCH = 500


@dataclass
class RestoreResult:
    manifest: dict
    counts: dict[str, int]
    files: int
    problems: list[Problem] = field(default_factory=list)


# The manifest is read whole (it is signed as one piece) before any check: a forged archive must not make
# the restore read gigabytes into memory. A real one lists each table and media file in about 100 bytes,
# so 64 MB holds some 600,000 attachments.
MANIFEST_MAX_BYTES = 64 * 1024 * 1024


def _small_member(archive: tarfile.TarFile, name: str, limit: int) -> bytes:
    member = archive.getmember(name)
    if member.size > limit:
        raise BackupError(
            f"备份中的 {name} 有 {member.size} 字节，超过 {limit} 字节的上限，不是 fazhi backup 生成的备份，"
            "已拒绝恢复。"
        )
    return archive.extractfile(member).read(limit + 1)[:limit]


def read_verified_manifest(archive: tarfile.TarFile, tick=None) -> dict:
    """The manifest, after every member's SHA-256 matched it; BackupError otherwise. ``tick(done, total)``
    is told how many of the listed files are checked."""
    try:
        manifest_bytes = _small_member(archive, MANIFEST, MANIFEST_MAX_BYTES)
    except (KeyError, AttributeError) as exc:
        raise BackupError(
            "备份文件中没有可读的 manifest.json，不是 fazhi backup 生成的备份或已损坏。"
        ) from exc
    _check_signature(archive, manifest_bytes)
    try:
        manifest = json.loads(manifest_bytes)
    except (ValueError, TypeError) as exc:
        raise BackupError("备份中的 manifest.json 不是有效的 JSON，备份已损坏。") from exc
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"备份格式“{manifest.get('format')} {manifest.get('format_version')}”不受支持，"
            f"本版本只能恢复 {FORMAT} {FORMAT_VERSION}；请用生成该备份的版本恢复。"
        )
    expected = dict(manifest.get("files", {}))
    listed = len(expected)
    for member in archive.getmembers():
        if member.name in (MANIFEST, SIGNATURE) or member.isdir():
            continue
        if tick:
            tick(listed - len(expected), listed)
        if member.name not in expected:
            raise BackupError(f"备份中有清单之外的文件“{member.name}”，备份可能被改动，已停止恢复。")
        if not member.isfile():
            raise BackupError(f"备份中的“{member.name}”不是普通文件，备份可能被改动，已停止恢复。")
        digest = hashlib.sha256()
        with archive.extractfile(member) as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != expected.pop(member.name):
            raise BackupError(
                f"备份中的“{member.name}”校验值不符，文件已损坏或被改动，已停止恢复，未写入任何数据。"
            )
    if expected:
        missing = "、".join(sorted(expected)[:5])
        raise BackupError(f"备份缺少清单中列出的文件：{missing}（共 {len(expected)} 个），已停止恢复。")
    return manifest


def _check_signature(archive: tarfile.TarFile, manifest_bytes: bytes) -> None:
    try:
        signature = _small_member(archive, SIGNATURE, 1024).decode("ascii").strip()
    except (KeyError, AttributeError, UnicodeDecodeError) as exc:
        raise BackupError(
            "备份没有签名（manifest.sig），无法确认它是本系统生成且未被改动的，已拒绝恢复。"
            "请使用本版本 fazhi backup 生成的备份。"
        ) from exc
    if not hmac.compare_digest(signature, sign_manifest(manifest_bytes)):
        raise BackupError(
            "备份签名不符：备份在生成后被改动，或不是用本系统的 FAZHI_AUDIT_KEY 签名的，已拒绝恢复，"
            "未写入任何数据。请配置与备份时相同的 FAZHI_AUDIT_KEY，或改用未被改动的备份。"
        )


def has_business_data() -> bool:
    watched = [get_user_model(), Organisation, RoleAssignment, AuditEntry, *ledger_models()]
    return any(model._base_manager.exists() for model in watched)


def moved_labels() -> dict[str, str]:
    """Model labels of earlier versions → today's, for models that moved to another app (their
    ``FORMER_LABELS``, e.g. "litigation.suggestion" → "oversight.suggestion"): a backup made before the
    move restores into the new app, its content types and permissions renamed with it."""
    return {
        former: model._meta.label_lower
        for model in apps.get_models()
        for former in getattr(model, "FORMER_LABELS", ())
    }


def _models_of(manifest: dict) -> list[tuple[str, type]]:
    """(label in the backup, model) for every table of the backup."""
    found = []
    moved = moved_labels()
    for label in manifest["models"]:
        if label in EXCLUDED:
            continue
        try:
            found.append((label, apps.get_model(moved.get(label, label))))
        except (LookupError, ValueError) as exc:
            raise BackupError(
                f"备份中有数据表“{label}”，但本系统没有这个模型；请先升级到生成备份的版本并执行 migrate。"
            ) from exc
    return found


class _Loader:
    def __init__(self):
        self.moved = {tuple(old.split(".")): tuple(new.split(".")) for old, new in moved_labels().items()}
        self.content_types = {(ct.app_label, ct.model): ct.pk for ct in ContentType.objects.all()}
        self.permissions = {
            (p.codename, p.content_type.app_label, p.content_type.model): p.pk
            for p in Permission.objects.select_related("content_type")
        }

    def load(self, model, lines) -> int:
        fields = insertable_fields(model)
        by_name = {f.name: f for f in fields}
        count, batch = 0, []
        for line in lines:
            row = json.loads(line)
            unknown = row["fields"].keys() - by_name.keys()
            if unknown:
                raise BackupError(
                    f"备份中 {model._meta.label_lower} 有本系统没有的字段 {'、'.join(sorted(unknown))}；"
                    "请先升级到生成备份的版本并执行 migrate。"
                )
            batch.append(model(**self._values(model, row, fields)))
            if len(batch) >= BATCH:
                count += self._insert(model, batch, fields)
                batch = []
        if batch:
            count += self._insert(model, batch, fields)
        return count

    def _values(self, model, row: dict, fields: list) -> dict:
        values = {}
        for f in fields:
            if f.primary_key:
                values[f.attname] = f.to_python(row["pk"])
                continue
            if f.name not in row["fields"]:
                values[f.attname] = f.get_default()
                continue
            value = row["fields"][f.name]
            if value is None:
                values[f.attname] = None
            elif isinstance(f, EncryptedTextField):
                # Every one: get_prep_value would encrypt a token it cannot open as if it were plain text.
                if value and not is_token(value):
                    self._refuse_token(f, value)
                values[f.attname] = value  # stored as is: get_prep_value passes tokens through
            elif refers_to(f, ContentType):
                values[f.attname] = self._content_type(tuple(value))
            elif refers_to(f, Permission):
                values[f.attname] = self._permission(tuple(value))
            else:
                values[f.attname] = f.to_python(value)
        return values

    @staticmethod
    def _refuse_token(f, token: str) -> None:
        try:
            decrypt(token)
        except CryptoError as exc:
            raise BackupError(
                f"{f.model._meta.label_lower}.{f.name} 的密文无法用本系统的数据密钥解开（{exc}）；"
                "请配置与备份时相同的 FAZHI_DATA_KEY（或把旧密钥列入 FAZHI_RETIRED_DATA_KEYS）后再恢复。"
            ) from exc

    def _content_type(self, key: tuple) -> int:
        key = self.moved.get(key, key)
        if key not in self.content_types:
            self.content_types[key] = ContentType.objects.get_or_create(app_label=key[0], model=key[1])[0].pk
        return self.content_types[key]

    def _permission(self, key: tuple) -> int:
        key = (key[0], *self.moved.get(key[1:], key[1:]))
        if key not in self.permissions:
            raise BackupError(
                f"权限“{key[1]}.{key[0]}”在本系统中不存在；请先升级到生成备份的版本并执行 migrate。"
            )
        return self.permissions[key]

    @staticmethod
    def _insert(model, objs: list, fields: list) -> int:
        size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
        for start in range(0, len(objs), size):
            # raw=True: values as given, no pre_save (auto_now, digests, re-encryption), no signals.
            model._base_manager._insert(
                objs[start : start + size], fields=fields, raw=True, using=connection.alias
            )
        return len(objs)


def _clear(models: list) -> None:
    # Seed rows written by data migrations are in the backup too; sessions of another database are void.
    from django.contrib.sessions.models import Session

    tables = sorted({m._meta.db_table for m in models} | {Session._meta.db_table})
    for sql in connection.ops.sql_flush(no_style(), tables, reset_sequences=False, allow_cascade=False):
        with connection.cursor() as cursor:
            cursor.execute(sql)


def _reset_sequences(models: list) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _media_name(member: str) -> str:
    relative = PurePosixPath(member).relative_to("media")
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"备份中的文件名“{member}”指向媒体目录之外，已拒绝。")
    return relative.as_posix()


def _media_names(manifest: dict) -> dict[str, str]:
    return {m: _media_name(m) for m in manifest["files"] if m.startswith("media/")}


def _copy_media(archive: tarfile.TarFile, names: dict[str, str]) -> int:
    """Write the files back under their own names through the storage API (a folder or a bucket)."""
    for member, name in names.items():
        if default_storage.exists(name):  # restoring with --yes over an installation that kept the file
            default_storage.delete(name)
        with archive.extractfile(member) as source:
            saved = default_storage.save(name, ContentFile(source.read()))
        if saved != name:  # the database names this file: another name would orphan it
            raise BackupError(f"文件“{name}”恢复后被存为“{saved}”，请检查存储的写入权限后重新恢复。")
    return len(names)


def _open(path: Path) -> tarfile.TarFile:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件“{path}”，请检查路径。")
    try:
        return tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"“{path}”不是有效的 .tar.gz 备份文件（{exc}），已停止恢复。") from exc


def _verified(archive: tarfile.TarFile, tick=None) -> dict:
    try:
        return read_verified_manifest(archive, tick)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"备份文件已损坏，无法读完（{exc}），已停止恢复，未写入任何数据。") from exc


def verify_backup(path: Path, tick=None) -> dict:
    """Check an archive as restore would before writing anything (signature, every file's checksum,
    format) and return its manifest; BackupError says what is wrong. Reads only: a test of the backups
    that can run beside the live system."""
    with _open(path) as archive:
        return _verified(archive, tick)


def restore_backup(path: Path, *, replace: bool = False, stdout=None) -> RestoreResult:
    with _open(path) as archive:
        manifest = _verified(archive)
        tables = _models_of(manifest)
        models = [model for _, model in tables]
        media = _media_names(manifest)  # every name checked before the first write
        if has_business_data() and not replace:
            raise BackupError(
                "当前数据库中已有用户、单位、台账或审计日志，恢复会覆盖它们。"
                "请恢复到新建并已 migrate 的空数据库；确需清空当前数据后恢复，请加 --yes。"
            )
        for app_config in apps.get_app_configs():
            create_contenttypes(app_config, verbosity=0)
            create_permissions(app_config, verbosity=0)
        counts = {}
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # The one sanctioned TRUNCATE of the audit trail (the trigger of audit 0003 checks this).
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL fazhi.sanctioned_truncate = 'on'")
            _clear(models)
            loader = _Loader()
            for label, model in tables:  # the label the backup has (an earlier app's, if the model moved)
                try:
                    with archive.extractfile(data_member(label)) as handle:
                        lines = (raw.decode("utf-8") for raw in handle if raw.strip())
                        counts[label] = loader.load(model, lines)
                except (KeyError, ValueError, TypeError, ValidationError) as exc:
                    raise BackupError(f"备份中 {label} 的数据无法读入（{exc}），已撤销恢复。") from exc
                if counts[label] != manifest["row_counts"].get(label):
                    raise BackupError(
                        f"{label} 读入 {counts[label]} 行，与清单记录的 {manifest['row_counts'].get(label)} 行不符，"
                        "已撤销恢复。"
                    )
                if stdout:
                    stdout.write(f"  {label}: {counts[label]}")
            _reset_sequences(models)
        refresh_planner_statistics()
        files = _copy_media(archive, media)
    return RestoreResult(manifest=manifest, counts=counts, files=files, problems=verify())
