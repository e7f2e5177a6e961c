"""A big Excel import as a job (fazhi/jobs) run by the worker, for any ledger's ExcelPages: the same
parse and the same ledger import as the page's, still all or nothing, with progress by step and rows,
cancellable until the writing starts, and on refusal the person's file back with the bad cells marked."""

from django.http import QueryDict
from django.tasks import task
from django.urls import reverse

from fazhi.db import BULK_ROWS, refresh_planner_statistics
from fazhi.jobs import services as jobs
from fazhi.jobs.models import Kind

from .excel import parse
from .excel_marks import mark_errors
from .filtering import ExportParams
from .importing import every_error
from .registry import ledgers

READ, CHECK, WRITE = "读取文件", "检查数据", "写入数据库"
STEPS = (READ, CHECK, WRITE)
EXPORT_STEPS = ("写出 Excel 文件",)
SHOWN_ERRORS = 20


def pages_named(key: str):
    """The ExcelPages whose ``key`` this is (a ledger's namespace and sheet name)."""
    for ledger in ledgers():
        for pages in ledger.excel:
            if pages.key == key:
                return pages
    raise LookupError(key)


def queue_import(pages, user, file_name: str, data: bytes, rows: int):
    return jobs.create(
        user,
        Kind.IMPORT,
        f"导入{pages.title}：{file_name}",
        import_file,
        total=rows,
        params={"pages": pages.key, "file_name": file_name},
        source=("upload.xlsx", data),
    )


@task
def import_file(job_id: int) -> str:
    return jobs.run(job_id, _import, STEPS, final=(WRITE,))


def _import(job, progress) -> jobs.Outcome:
    pages = pages_named(job.params["pages"])
    name = job.params.get("file_name") or "Excel导入"
    with job.source.open("rb") as file:
        data = file.read()
    sheet = pages.sheet()
    progress.report(0, step=READ)
    parsed = parse(sheet, data, progress=progress.report)
    errors = every_error(parsed, pages.import_rows, job.owner, source=name)
    if parsed.ok:
        progress.report(0, total=len(parsed.rows), step=CHECK)
        result = pages.import_rows(job.owner, progress.rows(parsed.rows, then=WRITE), source=name)
        errors = result.errors
    if errors:
        marked = mark_errors(sheet, data, errors)
        lines = [str(error) for error in errors[:SHOWN_ERRORS]]
        if len(errors) > SHOWN_ERRORS:
            lines.append(f"……另有 {len(errors) - SHOWN_ERRORS} 处问题，见下载的文件。")
        advice = "请下载标出问题的 Excel 文件，按红色单元格的批注修改后重新上传。" if marked else ""
        message = f"发现 {len(errors)} 处问题，本次没有导入任何数据。{advice}\n" + "\n".join(lines)
        raise jobs.Failed(message, marked, f"{pages.title}-问题标注.xlsx" if marked else "")
    if len(result.created) >= BULK_ROWS:
        refresh_planner_statistics()
    return jobs.Outcome(summary=result.summary(pages.counter), link=reverse(pages.list_url))


def queue_export(pages, user, query: str, rows: int):
    return jobs.create(
        user,
        Kind.EXPORT,
        f"导出{pages.title}（{rows}件）",
        export_file,
        total=rows,
        params={"pages": pages.key, "query": query},
    )


@task
def export_file(job_id: int) -> str:
    return jobs.run(job_id, _export, EXPORT_STEPS)


def _export(job, progress) -> jobs.Outcome:
    """The page's export, for the job's owner with the filter they chose; the rows are those of now."""
    pages = pages_named(job.params["pages"])
    # The page that queued the export recorded its personal-data lookup, if any, when it counted the rows.
    params = ExportParams(QueryDict(job.params.get("query", "")), lookup_recorded=True)
    content, count = pages.export_file(job.owner, params, on_row=progress.report)
    progress.report(count, total=count)
    return jobs.Outcome(
        summary=f"已导出{count}件，请下载。", file=content, file_name=f"{pages.file_stem}.xlsx"
    )
