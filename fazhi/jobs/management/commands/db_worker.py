"""`fazhi db_worker`: django-tasks-db's worker, which runs the jobs, plus a heartbeat in the cache every few
seconds, which /healthz reads to tell whether a worker is running (fazhi.web.health), and (when it runs on,
not in batch mode) the hourly enqueueing of the deadline reminders' sweep (fazhi.notices.tasks) and, each
minute, the reaping of jobs a killed worker left running (fazhi.jobs.services.reap)."""

import contextlib
import threading

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from fazhi.jobs import progress

BEAT_SECONDS = 5


def _beat_while_alive(stop: threading.Event) -> None:
    main = threading.main_thread()
    while main.is_alive() and not stop.is_set():
        # A cache that cannot be written now must not stop the worker; /healthz will say so.
        with contextlib.suppress(Exception):
            progress.beat()
        stop.wait(BEAT_SECONDS)


def _schedule_while_alive(stop: threading.Event) -> None:
    from django.db import close_old_connections

    from fazhi.jobs.services import reap
    from fazhi.notices.tasks import enqueue_sweep_if_due

    main = threading.main_thread()
    while main.is_alive() and not stop.is_set():
        # A database busy now must not stop the worker; the next round tries again.
        with contextlib.suppress(Exception):
            enqueue_sweep_if_due()
        with contextlib.suppress(Exception):
            reap()  # jobs a killed worker left "running"
        close_old_connections()
        stop.wait(SCHEDULE_SECONDS)


SCHEDULE_SECONDS = 60


class Command(DatabaseWorkerCommand):
    help = "运行后台任务（django-tasks-db 的数据库队列），并定时写入心跳供 /healthz 检查"

    def handle(self, *args, **options):
        stop = threading.Event()
        threading.Thread(
            target=_beat_while_alive, args=(stop,), name="fazhi-worker-heartbeat", daemon=True
        ).start()
        if not options.get("batch"):
            threading.Thread(
                target=_schedule_while_alive, args=(stop,), name="fazhi-worker-schedule", daemon=True
            ).start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
