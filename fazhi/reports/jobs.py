"""The report work the worker does (issue 20), each with the job's page showing its progress and offering
the file when ready:

- the annual report as PDF: LibreOffice takes seconds to start and lay out a report, too long for a request
  a busy server must answer at once; the export is in the audit trail as the Word download is;
- the analysis of many published reports at once (a district's 街道 reports): each read in turn, the
  result the comparison workbook the analysis page offers for a few, with every unreadable file named."""

import io
import zipfile

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


READ = "分析报告"


def queue_analysis(user, uploads: list[tuple[str, bytes]]):
    """(file name, content) of each report; stored as one zip (a job has one source) while the job waits."""
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (_, data) in enumerate(uploads):
            archive.writestr(f"{index:04d}", data)
    names = [name for name, _ in uploads]
    return jobs.create(
        user,
        Kind.REPORT,
        f"分析年度报告（{len(uploads)}份）",
        analyse_reports,
        total=len(uploads),
        params={"names": names},
        source=("reports.zip", bundle.getvalue()),
    )


@task
def analyse_reports(job_id: int) -> str:
    return jobs.run(job_id, _analyse, (READ,))


def _analyse(job, progress) -> jobs.Outcome:
    from .analysis_excel import comparison_filename, comparison_payload, comparison_workbook
    from .analysis_forms import baseline_candidates
    from .analyzer import ReportUnreadable, analyze

    names = job.params["names"]
    reports, problems = [], []
    with job.source.open("rb") as file, zipfile.ZipFile(io.BytesIO(file.read())) as archive:
        for index, name in enumerate(names):
            progress.report(index, step=READ if index == 0 else None)
            try:
                result = analyze(archive.read(f"{index:04d}"), filename=name)
            except ReportUnreadable as exc:
                problems.append(f"{name}：{exc.message}")
                continue
            chosen = {c["code"]: c for c in baseline_candidates(result.figures)}
            reports.append({"name": name, "result": result, "chosen": chosen})
    progress.report(len(names))
    if not reports:
        raise jobs.Failed("没有一份报告能读出内容：\n" + "\n".join(problems))
    payload = comparison_payload(reports)
    summary = f"已分析{len(reports)}份报告，对比表请下载。"
    if problems:
        summary += f"{len(problems)}份无法读取：" + "；".join(problems)
    return jobs.Outcome(
        summary=summary[:500], file=comparison_workbook(payload), file_name=comparison_filename(payload)
    )
