"""fazhi backup → empty database → fazhi restore gives back the same rows, files and audit chain."""

import io
import json
import tarfile

import pytest
from backup_helpers import PDF, forget_content_types, picture, populate, stored_tokens
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from fazhi.audit.chain import verify
from fazhi.audit.models import AuditEntry
from fazhi.disputes.models import Dispute, Party
from fazhi.ledger.models import Attachment
from fazhi.ops.backup import EXCLUDED, backed_up_models

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    forget_content_types()
    yield
    forget_content_types()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def wipe(media_root):
    """What a new installation looks like: migrated, empty, no files; content types with other ids."""
    call_command("flush", interactive=False, verbosity=0)
    Permission.objects.all().delete()
    ContentType.objects.all().delete()
    ContentType.objects.clear_cache()
    ContentType.objects.create(app_label="zz_placeholder", model="shifts_ids")
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_restore_gives_back_rows_files_tokens_and_a_verified_chain(tree, person, media, tmp_path):
    data = populate(tree, person)
    before, tokens = picture(), stored_tokens()
    file_path = media / data["attachment"].file.name
    assert file_path.read_bytes() == PDF
    audit_count = AuditEntry.objects.count()
    assert audit_count > 5 and verify() == []

    archive = tmp_path / "backup.tar.gz"
    out = io.StringIO()
    call_command("backup", output=archive, stdout=out)
    assert "已备份" in out.getvalue()

    wipe(media)
    assert not file_path.exists() and not Dispute.objects.exists()

    out = io.StringIO()
    call_command("restore", archive, stdout=out)
    text = out.getvalue()
    assert "审计日志链校验通过" in text
    assert "disputes.dispute: 1" in text

    assert picture() == before
    assert stored_tokens() == tokens  # the very ciphertext, not re-encrypted
    party = Party.objects.get(name="张三")
    assert party.id_number == "11010519491231002X" and party.phone == "13812345678"
    assert file_path.read_bytes() == PDF
    assert AuditEntry.objects.count() == audit_count  # restoring wrote no audit entry of its own
    assert verify() == []
    attachment = Attachment.objects.get()
    assert attachment.record == Dispute.objects.get()  # generic FK remapped to the new content type id


def test_restored_database_keeps_working(tree, person, media, tmp_path):
    data = populate(tree, person)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    wipe(media)
    call_command("restore", archive, stdout=io.StringIO())

    # Sequences were moved past the restored ids: new rows do not collide with restored ones.
    dispute = Dispute.objects.get()
    from fazhi.disputes import services

    fresh = services.update_details(data["handler"], dispute, dispute.version, summary="已修改")
    assert fresh.version == dispute.version + 1
    assert verify() == []


def test_backup_of_the_restored_copy_is_byte_identical(tree, person, media, tmp_path):
    populate(tree, person)
    call_command("backup", output=tmp_path / "first.tar.gz", stdout=io.StringIO())
    wipe(media)
    call_command("restore", tmp_path / "first.tar.gz", stdout=io.StringIO())
    call_command("backup", output=tmp_path / "second.tar.gz", stdout=io.StringIO())
    first, second = manifest_of(tmp_path / "first.tar.gz"), manifest_of(tmp_path / "second.tar.gz")
    assert first["files"] == second["files"]  # every table and file, down to the ciphertext
    assert first["row_counts"] == second["row_counts"]


def manifest_of(archive):
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def test_manifest_lists_every_model_and_member(tree, person, media, tmp_path):
    populate(tree, person)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames()) - {"manifest.json", "manifest.sig"}
    assert names == set(manifest["files"])
    assert manifest["row_counts"]["disputes.dispute"] == 1
    assert manifest["row_counts"]["ledger.attachment"] == 1
    assert not EXCLUDED & set(manifest["models"])
    assert manifest["models"] == [m._meta.label_lower for m in backed_up_models()]
    # Parents before children: organisations before disputes, disputes before parties.
    order = manifest["models"]
    assert order.index("orgs.organisation") < order.index("disputes.dispute") < order.index("disputes.party")
    party_rows = tar_lines(archive, "data/disputes.party.jsonl")
    assert all("11010519491231002X" not in line for line in party_rows)
    assert any(json.loads(line)["fields"]["id_number"].startswith("sm4:") for line in party_rows)


def tar_lines(archive, member):
    with tarfile.open(archive) as tar:
        return tar.extractfile(member).read().decode().splitlines()
