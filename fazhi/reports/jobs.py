"""The report work the worker does (issue 20), each with the job's page showing its progress and offering
the file when ready:

- the annual report as PDF: LibreOffice takes seconds to start and lay out a report, too long for a request
  a busy server must answer at once; the export is in the audit trail as the Word download is;
- the analysis of many published reports at once (a district's 街道 reports): each read in turn, the
  result the comparison workbook the analysis page offers for a few, with every unreadable file named;
- drafting the year's reports of many units at once (a district office: the 区 and each 街道, about a second
  each at a large 街道's size): each created if missing and drafted from the ledgers as the report page's
  起草 does, staff's edited paragraphs kept. One report is drafted on its page at once (0.4–0.9 s)."""

import io
import zipfile

from django.tasks import task
from django.urls import reverse

from fazhi.errors import FazhiError
from fazhi.jobs import services as jobs
from fazhi.jobs.models import Kind
from fazhi.jobs.progress import Cancelled
from fazhi.ledger.pdf import docx_to_pdf
from fazhi.orgs.scoping import visible_orgs

from . import services
from .compose import to_document
from .models import AnnualReport
from .render import render

WORD, PDF = "生成 Word 文件", "转换为 PDF"
STEPS = (WORD, PDF)


def queue_pdf(user, report: AnnualReport):
    return jobs.create(
        user, Kind.REPORT, f"导出PDF：{report.title}", export_pdf, params={"report": report.pk}
    )


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


DRAFT = "起草年度报告"


def queue_drafts(user, year: int, orgs: list):
    names = "、".join(org.name for org in orgs[:3]) + ("等" if len(orgs) > 3 else "")
    return jobs.create(
        user,
        Kind.REPORT,
        f"起草{year}年度报告：{names}（{len(orgs)}个单位）",
        draft_reports,
        total=len(orgs),
        params={"year": year, "orgs": [org.pk for org in orgs]},
    )


@task
def draft_reports(job_id: int) -> str:
    return jobs.run(job_id, _draft_all, (DRAFT,), unit="份")


def _draft_all(job, progress) -> jobs.Outcome:
    year = job.params["year"]
    # The units the owner may still write for now (a role taken away since is not used by the worker).
    writable = visible_orgs(job.owner, write=True).filter(kind__in=services.REPORT_KINDS)
    orgs = {org.pk: org for org in writable.filter(pk__in=job.params["orgs"])}
    drafted, problems = [], []
    for index, pk in enumerate(job.params["orgs"]):
        try:
            progress.report(index)
        except Cancelled as stop:
            raise Cancelled(
                f"已按要求取消：此前起草的 {len(drafted)} 份报告已保存（每份报告是一个整体），其余未起草。"
            ) from stop
        org = orgs.get(pk)
        if org is None:
            problems.append(f"单位（编号{pk}）已不在您可编制报告的范围内")
            continue
        try:
            report = services.draft_report(job.owner, org, year)
        except FazhiError as refusal:
            problems.append(f"{org.name}：{refusal.message}")
            continue
        if not report.editable:
            problems.append(f"{org.name}：报告{report.get_status_display()}，未重新起草")
            continue
        drafted.append(report)
    progress.report(len(job.params["orgs"]))
    if not drafted:
        raise jobs.Failed("没有起草任何报告：" + "；".join(problems))
    summary = f"已起草{year}年度报告{len(drafted)}份（人工编辑过的段落保持不变）。"
    if problems:
        summary += "未起草：" + "；".join(problems)
    return jobs.Outcome(summary=summary[:500], link=f"{reverse('reports:list')}?year={year}")
