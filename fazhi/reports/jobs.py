"""The annual report as PDF, made by the worker (issue 20): LibreOffice takes seconds to start and lay out a
report, too long for a request that a busy server must answer at once. The person is taken to the job's
page, which shows its progress and offers the PDF when it is ready; the export is in the audit trail as the
Word download is."""

from django.tasks import task
from django.urls import reverse

from fazhi.jobs import services as jobs
from fazhi.jobs.models import Kind
from fazhi.ledger.pdf import docx_to_pdf

from . import services
from .compose import to_document
from .models import AnnualReport
from .render import render

WORD, PDF = "生成 Word 文件", "转换为 PDF"
STEPS = (WORD, PDF)


def queue_pdf(user, report: AnnualReport):
    return jobs.create(user, Kind.REPORT, f"导出PDF：{report.title}", export_pdf, params={"report": report.pk})


@task
def export_pdf(job_id: int) -> str:
    return jobs.run(job_id, _pdf, STEPS)


def _pdf(job, progress) -> jobs.Outcome:
    # The owner's reports as of now: a report no longer theirs to read is not exported for them.
    report = AnnualReport.objects.visible_to(job.owner).filter(pk=job.params["report"]).first()
    if report is None:
        raise jobs.Failed("该年度报告已不存在或您已无权查看，未导出。")
    progress.report(0, step=WORD)
    word = render(to_document(report), "docx")
    progress.report(0, step=PDF)
    pdf = docx_to_pdf(word, name="report")
    services.record_export(job.owner, report, "pdf")
    return jobs.Outcome(
        summary=f"已生成“{report.title}”的 PDF，请下载。",
        link=reverse("reports:edit", args=[report.pk]),
        file=pdf,
        file_name=f"{report.title}.pdf",
    )
