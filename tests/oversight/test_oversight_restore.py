"""A backup made before suggestions and reminders moved (tables "litigation.suggestion" …) restores into
the oversight app, its attachment still on the record and the audit chain intact."""

import datetime
import hashlib
import io
import json
import tarfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from fazhi.audit.chain import verify
from fazhi.ledger.attachments import attach, attachments_of
from fazhi.ledger.history import audit_events
from fazhi.ops.backup import sign_manifest
from fazhi.oversight import services
from fazhi.oversight.models import Reminder, Suggestion

pytestmark = pytest.mark.django_db(transaction=True)
OLD = {"oversight.suggestion": "litigation.suggestion", "oversight.reminder": "litigation.reminder"}


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def as_before_the_move(name: str, data: bytes) -> bytes:
    """The archive's member as the litigation app wrote it: its tables' labels and content type keys."""
    if name.startswith("data/"):
        text = data.decode()
        for new, old in OLD.items():
            app, model = new.split(".")
            text = text.replace(f'["{app}", "{model}"]', f'["{old.split(".")[0]}", "{model}"]')
        return text.encode()
    return data


def test_a_backup_from_before_the_move_restores_into_oversight(tree, person, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    actor = person("fazhiban", "office", tree["a"])
    item = services.receive_suggestion(
        actor,
        org=tree["a"],
        kind="judicial",
        issuer="区法院",
        received_on=datetime.date(2024, 4, 8),
        content="x",
    )
    attach(actor, item, SimpleUploadedFile("建议书.pdf", b"%PDF-1.4 x"), "建议书")
    services.issue_reminder(actor, org=tree["a"], to_unit=tree["a-tw"], issued_on=datetime.date(2024, 3, 1),
                            matter="程序不规范")  # fmt: skip
    new_backup = tmp_path / "new.tar.gz"
    call_command("backup", output=new_backup, stdout=io.StringIO())
    with tarfile.open(new_backup) as source:
        assert b'["oversight", "suggestion"]' in source.extractfile("data/ledger.attachment.jsonl").read()

    old_backup = tmp_path / "old.tar.gz"
    with tarfile.open(new_backup) as source:
        members = {
            m.name: as_before_the_move(m.name, source.extractfile(m).read()) for m in source.getmembers()
        }
    renamed = {f"data/{OLD[k[5:-6]]}.jsonl" if k[5:-6] in OLD else k: v for k, v in members.items()}
    manifest = json.loads(renamed["manifest.json"])
    manifest["models"] = [OLD.get(label, label) for label in manifest["models"]]
    manifest["row_counts"] = {OLD.get(label, label): n for label, n in manifest["row_counts"].items()}
    manifest["files"] = {
        name: hashlib.sha256(data).hexdigest()
        for name, data in renamed.items()
        if name not in ("manifest.json", "manifest.sig")
    }
    renamed["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    renamed["manifest.sig"] = sign_manifest(renamed["manifest.json"]).encode()
    with tarfile.open(old_backup, "w:gz") as target:
        for name, data in renamed.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))

    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", old_backup, stdout=io.StringIO())

    restored = Suggestion.objects.get(pk=item.pk)
    assert restored.number == item.number and Reminder.objects.count() == 1
    assert [a.name for a in attachments_of(restored)] == ["建议书.pdf"]
    assert not ContentType.objects.filter(app_label="litigation", model="suggestion").exists()
    assert next(e.title for e in audit_events(restored)) == "新建"
    assert verify() == []
