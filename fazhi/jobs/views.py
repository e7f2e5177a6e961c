"""The owner's jobs: the list, a job's page with live progress (htmx polls the status card), cancel and
the result file. Anyone else's job answers 404, as if it did not exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.errors import FazhiError

from . import progress, services


def _own(request, pk: int):
    return get_object_or_404(services.visible_to(request.user), pk=pk)


def _context(job) -> dict:
    return {
        "job": job,
        "live": progress.live(job),
        "cancelling": job.state == "running" and progress.cancel_requested(job.pk),
    }


@login_required
def job_list(request):
    jobs = services.visible_to(request.user)[:100]
    return render(request, "jobs/list.html", {"jobs": jobs})


@login_required
def detail(request, pk: int):
    return render(request, "jobs/detail.html", _context(_own(request, pk)))


@login_required
def status(request, pk: int):
    """The status card alone, for htmx's polling; once the job has ended it stops asking."""
    return render(request, "jobs/_status.html", _context(_own(request, pk)))


@login_required
@require_POST
def cancel(request, pk: int):
    job = _own(request, pk)
    try:
        job = services.cancel(job, request.user)
    except FazhiError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, "已取消。" if job.state == "cancelled" else "已请求取消，将在当前一批处理完后停止。"
        )
    return redirect(job)


@login_required
def result(request, pk: int):
    job = _own(request, pk)
    if not job.result:
        raise Http404("没有结果文件")
    with transaction.atomic():
        record(
            Action.EXPORT,
            actor=request.user,
            target=job,
            target_repr=f"下载后台任务结果：{job.result_name}"[:200],
            changes={"文件": [None, job.result_name]},
        )
    try:
        handle = job.result.open("rb")
    except FileNotFoundError:
        raise Http404("结果文件已不存在") from None
    return FileResponse(handle, as_attachment=True, filename=job.result_name or "结果.xlsx")
