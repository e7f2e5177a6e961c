"""Creating, cancelling and running jobs; each change of state is an entry in the audit trail.

A job's work is a function ``work(job, progress) -> Outcome`` run by a task in the worker (``run``): it
raises ``Failed`` with a Chinese message (and perhaps a file, e.g. an import's marked-up workbook) when
the job cannot be done, ``progress.Cancelled`` when the owner cancelled it between batches."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.errors import FazhiError, TransitionNotAllowed

from . import progress
from .models import FINISHED, Job, State

logger = logging.getLogger(__name__)

OUR_FAULT = "系统处理时出错（已记录，不是您的文件或操作的问题）；请稍后重试，若仍不成功请联系系统管理员"


@dataclass
class Outcome:
    summary: str
    link: str = ""
    file: bytes | None = None
    file_name: str = ""


class Failed(Exception):
    def __init__(self, message: str, file: bytes | None = None, file_name: str = ""):
        super().__init__(message)
        self.message, self.file, self.file_name = message, file, file_name


def _audit(job: Job, before: str, after: str, actor=None, **more) -> None:
    changes = {"状态": [State(before).label if before else None, State(after).label]}
    changes.update({name: [None, value] for name, value in more.items()})
    record(
        Action.CREATE if not before else Action.TRANSITION,
        actor=actor,
        target=job,
        target_repr=f"后台任务：{job.label}"[:200],
        changes=changes,
    )


def create(owner, kind: str, label: str, task, *, total: int = 0, params=None, source=None) -> Job:
    """A queued job of ``owner``'s, in the audit trail, with ``task`` (a django.tasks Task taking the job's
    id) enqueued for the worker. ``source``: (file name, content) the work reads."""
    with transaction.atomic():
        job = Job(owner=owner, kind=kind, label=label[:200], total=total, params=params or {})
        if source is not None:
            name, content = source
            job.source.save(name, ContentFile(content), save=False)
        job.save()
        _audit(job, "", State.QUEUED, actor=owner)
    # Enqueued once the row is committed, so the worker always finds the job it is given.
    result = task.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.task_id = str(result.id)[:64]
    return job


def visible_to(user):
    """A person's own jobs, nobody else's (not even an administrator's: they may hold personal data)."""
    return Job.objects.filter(owner=user) if getattr(user, "pk", None) else Job.objects.none()


def cancel(job: Job, actor) -> Job:
    """Cancel a queued job at once; ask a running one to stop at its next batch (the worker then ends it)."""
    if job.state == State.QUEUED:
        with transaction.atomic():
            # Conditional, so that a worker starting it at this moment and this cancel cannot both win.
            if Job.objects.filter(pk=job.pk, state=State.QUEUED).update(
                state=State.CANCELLED, finished_at=timezone.now()
            ):
                job.refresh_from_db()
                _audit(job, State.QUEUED, State.CANCELLED, actor=actor)
                _drop_source(job)
                return job
        job.refresh_from_db()
    if job.state == State.RUNNING:
        if not progress.cancellable(job.pk):
            raise TransitionNotAllowed("任务正在写入数据，已不能取消；写入是一个整体，很快完成")
        progress.request_cancel(job.pk)
        return job
    raise TransitionNotAllowed(f"任务{job.get_state_display()}，不能取消")


def _drop_source(job: Job) -> None:
    if job.source:
        job.source.delete(save=False)
        Job.objects.filter(pk=job.pk).update(source="")


def run(job_id: int, work, steps: tuple[str, ...] = (), final: tuple[str, ...] = (), unit: str = "行") -> str:
    """Run ``work`` for the job (in the worker): mark it running, then done, failed or cancelled. ``steps``
    name the parts the progress counts through (in ``unit``); in the ``final`` ones a cancel is refused."""
    started = timezone.now()
    if not Job.objects.filter(pk=job_id, state=State.QUEUED).update(state=State.RUNNING, started_at=started):
        return "skipped"  # cancelled before it started, or already run
    job = Job.objects.select_related("owner").get(pk=job_id)
    _audit_quietly(job, State.QUEUED, State.RUNNING)
    tracker = progress.Progress(job.pk, steps=steps or ("处理",), total=job.total, final=final, unit=unit)
    state, fields, more = State.DONE, {}, {}
    try:
        tracker.report(0)
        with progress.running_here(job.pk):
            outcome = work(job, tracker)
        fields = {"summary": outcome.summary[:500], "link": outcome.link, "done": tracker.total}
        if outcome.file is not None:
            job.result.save(outcome.file_name, ContentFile(outcome.file), save=False)
            fields.update(result=job.result.name, result_name=outcome.file_name)
        more = {"结果": outcome.summary}
    except progress.Cancelled as stop:
        note = stop.note or "已按任务提交人的要求取消，未写入任何数据"
        state, fields, more = State.CANCELLED, {"summary": note[:500]}, {"说明": note}
    except Failed as failure:
        state, fields = State.FAILED, {"error": failure.message, "done": tracker.done}
        if failure.file is not None:
            job.result.save(failure.file_name, ContentFile(failure.file), save=False)
            fields.update(result=job.result.name, result_name=failure.file_name)
        more = {"错误": failure.message}
    except FazhiError as refusal:
        state, fields, more = State.FAILED, {"error": refusal.message}, {"错误": refusal.message}
    except Exception:
        logger.exception("后台任务 %s 出错", job.pk)
        state, fields, more = State.FAILED, {"error": OUR_FAULT}, {"错误": OUR_FAULT}
    fields.update(total=max(tracker.total, fields.get("done", 0)))
    _end(Job.objects.filter(pk=job.pk), job, state, fields, more)
    return state


def _end(found, job: Job, state: str, fields: dict, more: dict) -> bool:
    """A running job ends in ``state`` (the rows ``found`` updated, audited), its upload and live progress
    dropped; False when ``found`` no longer holds it (another worker ended it meanwhile)."""
    with transaction.atomic():
        if not found.update(state=state, finished_at=timezone.now(), **fields):
            return False
        job.refresh_from_db()
        _audit(job, State.RUNNING, state, **more)
    _drop_source(job)
    progress.forget(job.pk)
    return True


WORKER_GONE = "后台任务服务在处理中途停止（如服务器重启），任务没有完成，也没有写入任何数据；请重新提交。"


def reap() -> int:
    """Fail the jobs left running by a worker that is gone: no worker has said for the stale interval that it
    runs them (each worker's heartbeat names its own jobs, so several workers reap safely). An import
    writes in one transaction, which the database rolled back with the lost connection. Returns how many."""
    since = timezone.now() - datetime.timedelta(seconds=settings.FAZHI_WORKER_STALE_SECONDS)
    reaped = 0
    for job in Job.objects.filter(state=State.RUNNING, started_at__lt=since):
        if progress.alive(job.pk):
            continue
        still_running = Job.objects.filter(pk=job.pk, state=State.RUNNING)
        reaped += _end(still_running, job, State.FAILED, {"error": WORKER_GONE}, {"错误": WORKER_GONE})
    return reaped


def _audit_quietly(job: Job, before: str, after: str) -> None:
    with transaction.atomic():
        _audit(job, before, after)


__all__ = ["FINISHED", "Failed", "Outcome", "cancel", "create", "reap", "run", "visible_to"]
