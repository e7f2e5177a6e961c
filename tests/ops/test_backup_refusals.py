"""fazhi restore refuses a damaged archive or a database with data, and writes nothing then."""

import hashlib
import io
import json
import tarfile

import pytest
from backup_helpers import forget_content_types, populate
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from fazhi.audit.chain import verify
from fazhi.disputes.models import Dispute
from fazhi.ops.backup import sign_manifest
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import build_tree, make_person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    forget_content_types()
    yield
    forget_content_types()


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """One backup of a populated database for the module, the database emptied after it: every test reads
    it (or a damaged copy of it), none changes it; made for each test, it cost the module most of its time."""
    folder = tmp_path_factory.mktemp("backup")
    path = folder / "backup.tar.gz"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=folder / "media"):
        forget_content_types()
        populate(build_tree(), make_person)
        call_command("backup", output=path, stdout=io.StringIO())
        call_command("flush", interactive=False, verbosity=0)
        forget_content_types()
    return path


@pytest.fixture(autouse=True)
def empty_media(settings, tmp_path):
    """Each test restores (or fails to) into a media folder of its own, empty at its start."""
    settings.MEDIA_ROOT = tmp_path / "media"


def rewrite(source, target, change):
    """Copy a tar.gz member by member, passing each (name, bytes) through change()."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = change(member.name, old.extractfile(member).read())
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))


def nothing_written(media_root):
    return (
        not Organisation.objects.exists()
        and not get_user_model().objects.exists()
        and not Dispute.objects.exists()
        and not (media_root.exists() and any(media_root.rglob("*")))
    )


def test_a_changed_row_is_refused_before_anything_is_written(archive, settings, tmp_path):
    corrupt = tmp_path / "corrupt.tar.gz"
    rewrite(
        archive,
        corrupt,
        lambda name, data: (
            data.replace("楼上漏水".encode(), "楼下漏水".encode())
            if name == "data/disputes.dispute.jsonl"
            else data
        ),
    )
    with pytest.raises(CommandError, match=r"disputes\.dispute\.jsonl.*校验值不符"):
        call_command("restore", corrupt, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


def test_a_changed_attachment_is_refused(archive, settings, tmp_path):
    corrupt = tmp_path / "corrupt.tar.gz"
    rewrite(archive, corrupt, lambda name, data: data[:-1] + b"!" if name.startswith("media/") else data)
    with pytest.raises(CommandError, match=r"media/attachments/.*校验值不符"):
        call_command("restore", corrupt, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


def test_a_missing_member_is_refused(archive, settings, tmp_path):
    with tarfile.open(archive) as old, tarfile.open(tmp_path / "short.tar.gz", "w:gz") as new:
        for member in old.getmembers():
            if member.name != "data/orgs.organisation.jsonl":
                new.addfile(member, old.extractfile(member))
    with pytest.raises(CommandError, match="缺少清单中列出的文件"):
        call_command("restore", tmp_path / "short.tar.gz", stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


def test_a_truncated_archive_is_refused(archive, settings, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="恢复失败"):
        call_command("restore", truncated, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


def test_a_path_outside_media_is_refused(archive, settings, tmp_path):
    def escape(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["files"] = {
            ("media/../../evil.txt" if key.startswith("media/") else key): value
            for key, value in manifest["files"].items()
        }
        return json.dumps(manifest).encode()

    # Signed again as someone holding the audit key would: the path check must hold on its own.
    with tarfile.open(archive) as old:
        signature = sign_manifest(escape("manifest.json", old.extractfile("manifest.json").read())).encode()
    with tarfile.open(archive) as old, tarfile.open(tmp_path / "evil.tar.gz", "w:gz") as new:
        for member in old.getmembers():
            data = (
                signature
                if member.name == "manifest.sig"
                else escape(member.name, old.extractfile(member).read())
            )
            if member.name.startswith("media/"):
                member.name = "media/../../evil.txt"
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="媒体目录之外"):
        call_command("restore", tmp_path / "evil.tar.gz", stdout=io.StringIO())
    assert not (tmp_path / "evil.txt").exists()
    assert nothing_written(settings.MEDIA_ROOT)


def unit_after_the_flush():
    return Organisation.objects.create(code="other", name="别的单位", short_name="别", kind=Kind.STREET)


def test_a_database_with_data_is_refused_without_yes(archive, settings):
    unit_after_the_flush()
    with pytest.raises(CommandError, match=r"已有用户、单位.*--yes"):
        call_command("restore", archive, stdout=io.StringIO())
    assert list(Organisation.objects.values_list("code", flat=True)) == ["other"]  # untouched


def test_yes_replaces_existing_data(archive, person, settings):
    person("stranger", "handler", unit_after_the_flush())
    out = io.StringIO()
    call_command("restore", archive, yes=True, stdout=out)
    assert "审计日志链校验通过" in out.getvalue()
    assert not get_user_model().objects.filter(username="stranger").exists()
    assert get_user_model().objects.filter(username="tiaojie").exists()
    assert Dispute.objects.count() == 1
    assert not Organisation.objects.filter(code="other").exists()
    assert verify() == []


def test_another_data_key_is_refused_and_rolled_back(archive, settings):
    settings.FAZHI_DATA_KEY = "0123456789abcdef" * 2
    with pytest.raises(CommandError, match="FAZHI_DATA_KEY"):
        call_command("restore", archive, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


# --- the signature: a backup changed by someone without the audit key is refused -----------------------


def test_an_unsigned_backup_is_refused(archive, settings, tmp_path):
    unsigned = tmp_path / "unsigned.tar.gz"
    with tarfile.open(archive) as old, tarfile.open(unsigned, "w:gz") as new:
        for member in old.getmembers():
            if member.name != "manifest.sig":
                new.addfile(member, old.extractfile(member))
    with pytest.raises(CommandError, match="备份没有签名"):
        call_command("restore", unsigned, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


def test_a_backup_altered_with_matching_checksums_is_refused(archive, settings, tmp_path):
    """The attack that got through: change a row, put its new SHA-256 in the manifest, restore."""
    with tarfile.open(archive) as old:
        member = "data/disputes.dispute.jsonl"
        changed = old.extractfile(member).read().replace("楼上漏水".encode(), "楼下漏水".encode())
        manifest = json.loads(old.extractfile("manifest.json").read())
    manifest["files"][member] = hashlib.sha256(changed).hexdigest()
    altered = tmp_path / "altered.tar.gz"
    rewrite(
        archive,
        altered,
        lambda name, data: (
            changed if name == member else json.dumps(manifest).encode() if name == "manifest.json" else data
        ),
    )
    with pytest.raises(CommandError, match="备份签名不符"):
        call_command("restore", altered, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


def test_a_backup_signed_with_another_key_is_refused(archive, settings):
    settings.FAZHI_AUDIT_KEY = "cd" * 32
    with pytest.raises(CommandError, match="FAZHI_AUDIT_KEY"):
        call_command("restore", archive, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)


@pytest.mark.postgres
def test_restore_yes_is_the_sanctioned_truncate_on_postgresql(archive, person):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE 触发器只在 PostgreSQL 上")
    person("stranger", "handler", unit_after_the_flush())
    with connection.cursor() as cursor:  # as in production: the session itself is not sanctioned
        cursor.execute("SET fazhi.sanctioned_truncate = 'off'")
    try:
        with pytest.raises(CommandError, match="couldn't be flushed") as refused, transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
        assert isinstance(refused.value.__cause__, DatabaseError) and "TRUNCATE" in str(
            refused.value.__cause__
        )
        call_command("restore", archive, yes=True, stdout=io.StringIO())
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET fazhi.sanctioned_truncate = 'on'")
    assert get_user_model().objects.filter(username="tiaojie").exists()
    assert verify() == []


def test_the_backup_is_readable_by_its_owner_only(archive):
    assert archive.stat().st_mode & 0o077 == 0, oct(archive.stat().st_mode)


def test_an_oversized_manifest_is_refused_before_it_is_read(archive, settings, tmp_path, monkeypatch):
    from fazhi.ops import restore

    monkeypatch.setattr(restore, "MANIFEST_MAX_BYTES", 100)  # the real manifest is larger than this
    with pytest.raises(CommandError, match=r"manifest.json 有 \d+ 字节，超过 100 字节的上限"):
        call_command("restore", archive, stdout=io.StringIO())
    assert nothing_written(settings.MEDIA_ROOT)
