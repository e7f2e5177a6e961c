"""Files on S3-compatible object storage (FAZHI_S3_BUCKET): attachments, a job's upload and result, backups.

Run against a real S3 server answering HTTP on 127.0.0.1 (moto's server: PyPI's stand-in for MinIO), through
the very settings function production uses, so what is checked is the boto3 traffic Fazhi really sends."""

import io
import os
import subprocess
import sys
import uuid

import boto3
import pytest
from backup_helpers import PDF, forget_content_types, populate
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from moto.server import ThreadedMotoServer

from fazhi.disputes.models import Dispute
from fazhi.jobs.models import Job, State
from fazhi.ledger.attachments import attach
from fazhi.ledger.models import Attachment
from fazhi.settings import object_storage
from tests.jobs.job_helpers import dispute_file, run_worker

KEYS = {"FAZHI_S3_ACCESS_KEY": "fazhi-test", "FAZHI_S3_SECRET_KEY": "fazhi-test-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, tmp_path):
    """A fresh private bucket as the default storage; MEDIA_ROOT points at an empty folder that must stay so."""
    name = f"fazhi-{uuid.uuid4().hex[:12]}"
    env = {
        "FAZHI_S3_BUCKET": name,
        "FAZHI_S3_ENDPOINT_URL": s3_endpoint,
        "FAZHI_S3_REGION": "us-east-1",
        **KEYS,
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["FAZHI_S3_ACCESS_KEY"],
        aws_secret_access_key=KEYS["FAZHI_S3_SECRET_KEY"],
    )
    client.create_bucket(Bucket=name)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": object_storage(env)}
    client.keys = lambda: sorted(o["Key"] for o in client.list_objects_v2(Bucket=name).get("Contents", []))
    client.body = lambda key: client.get_object(Bucket=name, Key=key)["Body"].read()
    client.name = name
    yield client
    assert not settings.MEDIA_ROOT.exists(), "nothing may be written to the local media folder"


@pytest.mark.django_db
def test_an_attachment_is_an_object_in_the_bucket_served_only_through_fazhi(bucket, tree, person, client):
    data = populate(tree, person)
    attachment = data["attachment"]
    assert type(default_storage._wrapped).__name__ == "S3Storage"
    assert bucket.keys() == [attachment.file.name] and bucket.body(attachment.file.name) == PDF
    grants = bucket.get_object_acl(Bucket=bucket.name, Key=attachment.file.name)["Grants"]
    assert all("AllUsers" not in str(grant["Grantee"]) for grant in grants)  # never public-read

    client.force_login(data["handler"])
    response = client.get(f"/attachments/{attachment.token}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    outsider = person("other", "handler", tree["b"])
    client.force_login(outsider)
    assert client.get(f"/attachments/{attachment.token}/").status_code == 404


@pytest.mark.django_db
def test_a_second_file_of_the_same_name_never_replaces_the_first(bucket, tree, person):
    data = populate(tree, person)
    other = b"%PDF-1.4\n" + b"second" * 100
    second = attach(
        data["handler"], data["dispute"], SimpleUploadedFile("调解笔录.pdf", other), "第二次调解笔录"
    )
    first = data["attachment"]
    assert first.file.name != second.file.name and len(bucket.keys()) == 2
    assert bucket.body(first.file.name) == PDF and bucket.body(second.file.name) == other


@pytest.mark.django_db
@pytest.mark.usefixtures("pinned_clock")
def test_a_job_keeps_its_upload_and_marked_workbook_in_the_bucket(bucket, tree, person, client, settings):
    settings.FAZHI_JOB_IMPORT_ROWS = 50
    cache.clear()
    handler = person("med", "handler", tree["a"])
    client.force_login(handler)
    client.post("/disputes/excel/import/", {"file": dispute_file(60, "a-tw", bad=(4,))})
    job = Job.objects.get()
    assert bucket.keys() == [job.source.name]  # the worker, on another machine, reads it from here

    run_worker()

    job.refresh_from_db()
    assert job.state == State.FAILED and Dispute.objects.count() == 0
    assert bucket.keys() == [job.result.name]  # the upload is gone, the marked workbook is kept
    response = client.get(f"/jobs/{job.pk}/result/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == bucket.body(
        job.result.name
    )
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_carry_the_bucket_s_files(bucket, tree, person, tmp_path):
    forget_content_types()
    data = populate(tree, person)
    key = data["attachment"].file.name
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())

    call_command("flush", interactive=False, verbosity=0)
    bucket.delete_object(Bucket=bucket.name, Key=key)
    assert bucket.keys() == []
    forget_content_types()
    call_command("restore", archive, "--yes", stdout=io.StringIO())

    assert bucket.keys() == [key] and bucket.body(key) == PDF  # the same name the database holds
    assert Attachment.objects.get().file.name == key
    forget_content_types()


def test_the_environment_variables_select_the_bucket(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fazhi.settings",
        "FAZHI_VAR_DIR": str(tmp_path),
        "FAZHI_S3_BUCKET": "fazhi-files",
        "FAZHI_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        "FAZHI_S3_ENCRYPTION": "AES256",
        **KEYS,
    }
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.file_overwrite, s.default_acl, "
        "s.object_parameters)"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 5) == [
        "S3Storage",
        "fazhi-files",
        "http://127.0.0.1:9000",
        "False",
        "None",
        "{'ServerSideEncryption': 'AES256'}\n",
    ]
