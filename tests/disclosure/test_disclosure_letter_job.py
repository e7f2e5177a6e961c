"""The reply letter in the record's attachments: the reply stores the numbered Word letter at once and queues a
job; the worker converts that Word file to PDF and stores it beside it. Downloads serve the stored files, never a
new letter. Without LibreOffice the job fails in Chinese and the record page offers to make the PDF again."""

import datetime
import io
import shutil
import subprocess

import pytest
from docx import Document

from fazhi.audit.models import Action, AuditEntry
from fazhi.disclosure import services
from fazhi.disclosure.models import DisclosureSettings
from fazhi.jobs.models import Job, State
from fazhi.ledger.attachments import attachments_of
from tests.conftest import PASSWORD, unavailable
from tests.disclosure.disclosure_fixtures import new_request
from tests.jobs.job_helpers import run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date
NOWHERE = "/nonexistent/soffice"  # a converter that cannot start: the job fails as without LibreOffice


@pytest.fixture
def clerk(tree, person, client):
    user = person("gk_a", "petition", tree["a"], full_name="王公开")
    client.login(username="gk_a", password=PASSWORD)
    return user


@pytest.fixture
def replied(clerk, tree):
    r = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    return services.reply(clerk, r, r.version, replied_on=D(2026, 7, 10), outcome="withheld_process")


def names(record) -> list[str]:
    return sorted(a.name for a in attachments_of(record))


def stored(record, suffix: str) -> bytes:
    attachment = next(a for a in attachments_of(record) if a.name.endswith(suffix))
    with attachment.file.open("rb") as handle:
        return handle.read()


def needs_office():
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        unavailable("本机未安装 LibreOffice（make system-packages），无法生成答复书 PDF")


def test_the_reply_stores_the_numbered_word_letter_at_once_and_queues_the_pdf(replied, clerk, client):
    letter = f"{replied.number}政府信息公开申请答复书"
    assert names(replied) == [f"{letter}.docx"]
    text = "\n".join(p.text for p in Document(io.BytesIO(stored(replied, ".docx"))).paragraphs)
    # numbered with the record's own number (the kit's one numbering rule), on a line of its own
    assert replied.number.endswith("公〔2026〕0001号") and replied.number in text.splitlines()
    # the attachment is in the audit trail with its size and hash, as the kit records every attachment
    entry = AuditEntry.objects.filter(target_repr=replied.number, changes__has_key="附件").get()
    assert entry.actor == clerk and entry.changes["附件"][1].startswith(f"{letter}.docx")
    job = Job.objects.get()
    assert (job.kind, job.state, job.owner, job.params) == (
        "document",
        State.QUEUED,
        clerk,
        {"disclosure_request": replied.pk},
    )
    page = client.get(replied.get_absolute_url()).content.decode()
    assert "后台正在生成" in page and "下载答复书（PDF）" not in page
    # not yet made: the download says so and makes none itself
    response = client.get(f"/disclosure/{replied.pk}/letter.pdf", follow=True)
    assert response.redirect_chain[-1][0] == replied.get_absolute_url()
    assert "PDF 尚未生成" in response.content.decode()
    assert names(replied) == [f"{letter}.docx"]


def test_the_worker_stores_the_pdf_of_the_word_letter_as_sent(replied, client, settings):
    needs_office()
    run_worker()
    job = Job.objects.get()
    assert job.state == State.DONE, job.error
    assert job.link == replied.get_absolute_url() and "已存入该申请的附件" in job.summary
    letter = f"{replied.number}政府信息公开申请答复书"
    assert names(replied) == [f"{letter}.docx", f"{letter}.pdf"]
    pdf = stored(replied, ".pdf")
    assert pdf.startswith(b"%PDF")
    added = AuditEntry.objects.filter(target_repr=replied.number, changes__has_key="附件")
    assert [e.changes["附件"][1].split("（")[0] for e in added.order_by("seq")] == [
        f"{letter}.docx",
        f"{letter}.pdf",
    ]
    # the settings change and LibreOffice is gone: the downloads are still the letter as sent
    current = DisclosureSettings.current()
    current.reconsideration_organ = "另一区人民政府"
    current.save()
    settings.FAZHI_SOFFICE = NOWHERE
    page = client.get(replied.get_absolute_url()).content.decode()
    assert "下载答复书（PDF）" in page and "生成答复书 PDF" not in page
    response = client.get(f"/disclosure/{replied.pk}/letter.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content == pdf
    assert client.get(f"/disclosure/{replied.pk}/letter.docx").content == stored(replied, ".docx")
    assert AuditEntry.objects.filter(action=Action.EXPORT, target_repr=replied.number).count() == 2
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, timeout=60, check=True
    ).stdout.decode()
    flat = "".join(text.split())
    if "答复书" not in flat:
        pytest.skip("本机没有中文字体，PDF 中的中文无法渲染")
    assert replied.number in flat and "杭州市余杭区人民政府" in flat and "另一区人民政府" not in flat
    # a second run of the job (a double press) adds nothing
    client.post(f"/disclosure/{replied.pk}/letter-pdf/")
    assert Job.objects.count() == 1 and len(names(replied)) == 2


def test_without_libreoffice_the_job_fails_and_the_page_offers_the_pdf_again(replied, client, settings):
    settings.FAZHI_SOFFICE = NOWHERE
    run_worker()
    job = Job.objects.get()
    assert job.state == State.FAILED and "无法启动" in job.error and "Word" in job.error
    page = client.get(replied.get_absolute_url()).content.decode()
    assert "上次生成失败" in page and "无法启动" in page and "生成答复书 PDF" in page
    assert names(replied) == [f"{replied.number}政府信息公开申请答复书.docx"]
    assert (
        client.get(f"/disclosure/{replied.pk}/letter-pdf/").status_code == 405
    )  # a job is made by POST only
    response = client.post(f"/disclosure/{replied.pk}/letter-pdf/", follow=True)
    assert "已提交后台任务" in response.content.decode()
    again = Job.objects.latest("pk")
    assert again.pk != job.pk and again.state == State.QUEUED
    # while it waits, a second press queues nothing more
    client.post(f"/disclosure/{replied.pk}/letter-pdf/")
    assert Job.objects.count() == 2
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return
    settings.FAZHI_SOFFICE = ""
    run_worker()
    again.refresh_from_db()
    assert again.state == State.DONE, again.error
    assert stored(replied, ".pdf").startswith(b"%PDF")


def test_a_reply_recorded_without_a_letter_gets_both_files_from_the_job(replied, client, clerk):
    """Imported or demo replies have no letter in the attachments: the job stores the Word file, then its PDF."""
    needs_office()
    for attachment in attachments_of(replied):
        attachment.delete()
    Job.objects.all().delete()
    assert "尚未生成" in client.get(replied.get_absolute_url()).content.decode()
    client.post(f"/disclosure/{replied.pk}/letter-pdf/")
    run_worker()
    assert Job.objects.get().state == State.DONE
    letter = f"{replied.number}政府信息公开申请答复书"
    assert names(replied) == [f"{letter}.docx", f"{letter}.pdf"]


def test_only_those_who_may_write_the_record_make_its_pdf(replied, client, tree, person):
    reader = person("lead_a", "leader", tree["a"])
    client.force_login(reader)
    page = client.get(replied.get_absolute_url()).content.decode()
    assert "后台正在生成" in page and "生成答复书 PDF" not in page
    Job.objects.update(state=State.FAILED, error="测试：转换失败。")
    assert "生成答复书 PDF" not in client.get(replied.get_absolute_url()).content.decode()
    assert client.post(f"/disclosure/{replied.pk}/letter-pdf/").status_code == 403
    client.force_login(person("gk_b", "petition", tree["b"]))
    assert client.post(f"/disclosure/{replied.pk}/letter-pdf/").status_code == 404
    assert Job.objects.count() == 1
