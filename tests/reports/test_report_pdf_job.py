"""The annual report as PDF, made by the worker: the page queues a job, the job's page offers the PDF, the
export is in the audit trail; without LibreOffice the job says so in Chinese."""

import shutil
import subprocess

import pytest
from django.core.cache import cache
from report_fakes import install_fake_figures

from fazhi.audit.models import Action, AuditEntry
from fazhi.jobs.models import Job, State
from fazhi.reports import services
from tests.conftest import unavailable
from tests.jobs.job_helpers import run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(tree, person, monkeypatch):
    install_fake_figures(monkeypatch)
    cache.clear()
    writer = person("fazhiban", "office", tree["a"])
    return services.draft_report(writer, tree["a"], 2024)


def test_the_pdf_is_made_by_the_worker_and_downloaded_from_the_jobs_page(client, report, tmp_path):
    if not (shutil.which("soffice") and shutil.which("pdftotext")):
        unavailable("本机未安装 LibreOffice 或 pdftotext（make system-packages），无法检查 PDF 导出")
    client.force_login(report.created_by)
    assert client.get(f"/reports/{report.pk}/export/pdf/").status_code == 405  # a job is made by POST only
    response = client.post(f"/reports/{report.pk}/export/pdf/")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.state, job.owner) == ("report", State.QUEUED, report.created_by)
    run_worker()
    job.refresh_from_db()
    assert job.state == State.DONE, job.error
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "打开年度报告" in page and f'href="/reports/{report.pk}/"' in page
    download = client.get(f"/jobs/{job.pk}/result/")
    content = b"".join(download.streaming_content) if download.streaming else download.content
    assert content.startswith(b"%PDF")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "3218" in text.replace(" ", "")  # the drafted figures, laid out by LibreOffice
    exported = AuditEntry.objects.filter(
        action=Action.EXPORT, target_type="reports.annualreport", target_id=str(report.pk)
    )
    assert [entry.changes["format"][1] for entry in exported] == ["pdf"]


def test_without_libreoffice_the_job_fails_with_a_message_for_people(client, report, settings, monkeypatch):
    settings.FAZHI_SOFFICE = ""
    monkeypatch.setattr("fazhi.ledger.pdf.shutil.which", lambda name: None)
    client.force_login(report.created_by)
    client.post(f"/reports/{report.pk}/export/pdf/")
    run_worker()
    job = Job.objects.get()
    assert job.state == State.FAILED and "未安装 LibreOffice" in job.error and "Word" in job.error
    assert "未安装 LibreOffice" in client.get(f"/jobs/{job.pk}/").content.decode()


def test_another_streets_person_cannot_export_the_report(client, report, tree, person):
    client.force_login(person("other", "office", tree["b"]))
    assert client.post(f"/reports/{report.pk}/export/pdf/").status_code == 404
    assert not Job.objects.exists()
