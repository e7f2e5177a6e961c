"""Attachments through the shared panel: checked on upload, always a download, scoped like their record."""

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.audit.models import AuditEntry
from fazhi.ledger.attachments import attachments_of
from tests.conftest import PASSWORD
from tests.disputes.dispute_fixtures import new_dispute

PDF = b"%PDF-1.4\n% a scanned agreement\n"


def upload(client, dispute, name, content):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(dispute).pk
    return client.post(
        f"/attachments/upload/{ct}/{dispute.pk}/",
        {"file": SimpleUploadedFile(name, content), "description": "签字页"},
        follow=True,
    )


def test_an_attachment_is_uploaded_listed_audited_and_downloaded_never_inline(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    page = upload(client, dispute, "协议书.pdf", PDF)
    assert "已上传附件：协议书.pdf" in page.content.decode()
    [attachment] = attachments_of(dispute)
    assert attachment.size == len(PDF)
    assert "协议书.pdf" in client.get(dispute.get_absolute_url()).content.decode()
    assert AuditEntry.objects.filter(target_id=str(dispute.pk), changes__has_key="附件").exists()
    answer = client.get(f"/attachments/{attachment.token}/")
    assert answer.status_code == 200
    assert answer["Content-Disposition"].startswith("attachment;")
    assert answer["Content-Type"] == "application/octet-stream"
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert b"".join(answer.streaming_content) == PDF


def test_a_wrong_type_or_a_disguised_file_is_refused_in_chinese(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    assert "不支持“.exe”类型的附件" in upload(client, dispute, "x.exe", b"MZ...").content.decode()
    assert "内容与扩展名“.pdf”不符" in upload(client, dispute, "x.pdf", b"<html>").content.decode()
    assert not attachments_of(dispute).exists()


def test_a_too_large_file_is_refused(client, tree, person, settings):
    settings.FAZHI_ATTACHMENT_MAX_BYTES = 10
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    assert "超过" in upload(client, dispute, "big.pdf", PDF).content.decode()
    assert not attachments_of(dispute).exists()


def test_another_street_can_neither_upload_nor_download(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    upload(client, dispute, "协议书.pdf", PDF)
    token = attachments_of(dispute).get().token
    person("other", "handler", tree["b-tw"])
    client.login(username="other", password=PASSWORD)
    assert client.get(f"/attachments/{token}/").status_code == 404
    assert upload(client, dispute, "y.pdf", PDF).status_code == 404
    assert attachments_of(dispute).count() == 1


def test_read_only_roles_download_but_do_not_upload(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    upload(client, dispute, "协议书.pdf", PDF)
    person("leader", "leader", tree["a"])
    client.login(username="leader", password=PASSWORD)
    token = attachments_of(dispute).get().token
    assert client.get(f"/attachments/{token}/").status_code == 200
    assert "上传附件" not in client.get(dispute.get_absolute_url()).content.decode()
    assert upload(client, dispute, "y.pdf", PDF).status_code == 404


def test_a_file_missing_from_storage_is_a_404_not_a_500(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    upload(client, dispute, "协议书.pdf", PDF)
    attachment = attachments_of(dispute).get()
    attachment.file.storage.delete(attachment.file.name)
    answer = client.get(f"/attachments/{attachment.token}/")
    assert answer.status_code == 404


def test_an_empty_attachment_is_refused_by_the_service_and_the_page(client, tree, person):
    import pytest

    from fazhi.errors import FazhiError
    from fazhi.ledger.attachments import attach

    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    # .txt has no signature to check: only the emptiness check stands between it and the ledger.
    with pytest.raises(FazhiError, match="是空文件"):
        attach(mediator, dispute, SimpleUploadedFile("说明.txt", b""))
    client.login(username="m", password=PASSWORD)
    page = upload(client, dispute, "说明.txt", b"").content.decode()
    assert "空" in page
    assert not attachments_of(dispute).exists()


def test_a_download_is_sandboxed_by_its_own_csp(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    upload(client, dispute, "协议书.pdf", PDF)
    [attachment] = attachments_of(dispute)
    answer = client.get(f"/attachments/{attachment.token}/")
    policy = answer["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy
    assert "no-store" in answer["Cache-Control"]
