"""Live progress, cancel requests and the worker's heartbeat, kept in the cache (files on one machine,
Redis when FAZHI_REDIS_URL is set): shared by the web servers and the worker, and written without
touching the database, whose write lock the running import may hold for its whole transaction."""

import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

KEEP_SECONDS = 7 * 24 * 3600
HEARTBEAT_KEY = "jobs:worker-heartbeat"


def _key(job_id: int, what: str) -> str:
    return f"jobs:{job_id}:{what}"


class Cancelled(Exception):
    """The owner asked to cancel; raised between batches, before anything is written. Work that keeps
    what it wrote before (each part its own transaction) says so in ``note``."""

    def __init__(self, note: str = ""):
        super().__init__(note)
        self.note = note


@dataclass
class Progress:
    """What the worker reports: the step it is at (of ``steps``), rows done of total in that step."""

    job_id: int
    steps: tuple[str, ...] = ()
    step: int = 0
    done: int = 0
    total: int = 0
    final: tuple[str, ...] = ()  # steps no longer cancelled (an import's writing: one short transaction)
    unit: str = "行"  # what done and total count

    def report(self, done: int | None = None, *, total: int | None = None, step: str | None = None) -> None:
        if step is not None:
            self.step, self.done = self.steps.index(step), 0
        if total is not None:
            self.total = total
        if done is not None:
            self.done = min(done, self.total) if self.total else done
        cache.set(
            _key(self.job_id, "progress"),
            {
                "step": self.step,
                "steps": list(self.steps),
                "done": self.done,
                "total": self.total,
                "unit": self.unit,
                "cancellable": self.steps[self.step] not in self.final if self.steps else True,
            },
            KEEP_SECONDS,
        )
        if cache.get(_key(self.job_id, "cancel")):
            raise Cancelled

    def rows(self, rows: list, then: str | None = None, every: int = 500):
        """``rows`` as a list that reports each ``every`` rows as they are gone through (an import's
        checks), and moves to step ``then`` once all are (the writing, which is not cancelled midway)."""
        return _Reporting(rows, self, every, then)


class _Reporting(list):
    def __init__(self, rows, progress: Progress, every: int, then: str | None):
        super().__init__(rows)
        self._progress, self._every, self._then = progress, every, then

    def __iter__(self):
        for index, row in enumerate(super().__iter__(), start=1):
            if index % self._every == 0:
                self._progress.report(index)
            yield row
        self._progress.report(len(self))
        if self._then is not None:
            self._progress.report(0, step=self._then)


def live(job) -> dict:
    """Where a job is: step name, its number and the count of steps, rows done of total, overall percent."""
    if job.state == "done":
        return {"label": "", "done": job.total, "total": job.total, "percent": 100, "cancellable": False}
    found = cache.get(_key(job.pk, "progress")) if job.state == "running" else None
    if not found:
        return {
            "label": "",
            "done": job.done,
            "total": job.total,
            "percent": 0,
            "cancellable": True,
            "unit": "行",
        }
    steps = found["steps"] or [""]
    share = found["done"] / found["total"] if found["total"] else 0
    percent = int(100 * (found["step"] + share) / len(steps))
    label = f"第{found['step'] + 1}步（共{len(steps)}步）{steps[found['step']]}"
    return {
        "label": label,
        "done": found["done"],
        "total": found["total"],
        "percent": min(percent, 99),
        "cancellable": found.get("cancellable", True),
        "unit": found.get("unit", "行"),
    }


def cancellable(job_id: int) -> bool:
    found = cache.get(_key(job_id, "progress"))
    return not found or found.get("cancellable", True)


def request_cancel(job_id: int) -> None:
    cache.set(_key(job_id, "cancel"), True, KEEP_SECONDS)


def cancel_requested(job_id: int) -> bool:
    return bool(cache.get(_key(job_id, "cancel")))


def forget(job_id: int) -> None:
    cache.delete_many([_key(job_id, "progress"), _key(job_id, "cancel"), _key(job_id, "alive")])


# The jobs this process is running now: the heartbeat says each is alive, so that a job left "running" by a
# worker that was killed (a restart, an out-of-memory kill) can be told from one that is only slow.
_RUNNING_HERE: set[int] = set()


@contextmanager
def running_here(job_id: int):
    _RUNNING_HERE.add(job_id)
    try:
        _mark_alive(job_id)
        yield
    finally:
        _RUNNING_HERE.discard(job_id)


def _mark_alive(job_id: int) -> None:
    cache.set(_key(job_id, "alive"), time.time(), settings.FAZHI_WORKER_STALE_SECONDS)


def alive(job_id: int) -> bool:
    """Whether a worker has said within the stale interval that it is running the job."""
    return cache.get(_key(job_id, "alive")) is not None


def beat() -> None:
    cache.set(HEARTBEAT_KEY, time.time(), KEEP_SECONDS)
    for job_id in list(_RUNNING_HERE):
        _mark_alive(job_id)


def last_beat() -> float | None:
    return cache.get(HEARTBEAT_KEY)
