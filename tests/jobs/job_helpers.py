"""Dispute files of any size for the job tests, written fast (the kit's streaming export), and the
worker run in the test's own process: django-tasks-db's real `db_worker`, in batch mode."""

import datetime
import io
from unittest import mock

from django.core.management import call_command

from fazhi.disputes.columns import dispute_sheet
from fazhi.ledger.excel import export
from tests.conftest import TODAY


def dispute_rows(count: int, org: str, *, bad: tuple[int, ...] = ()) -> list[dict]:
    """``count`` valid rows of new disputes held by ``org``; the rows at indexes ``bad`` name a unit that
    does not exist (refused by the import's checks, after the file was read)."""
    day = TODAY - datetime.timedelta(days=3)
    return [
        {
            "seq": index + 1,
            "received_on": day,
            "channel": "visit",
            "dispute_type": "邻里",
            "org": "不存在的单位" if index in bad else org,
            "applicant": f"申请人{index}",
            "summary": f"第{index}件：楼上漏水引发邻里纠纷",
            "persons_involved": 2,
        }
        for index in range(count)
    ]


def dispute_file(count: int, org: str, *, bad: tuple[int, ...] = (), name: str = "disputes.xlsx"):
    upload = io.BytesIO(export(dispute_sheet(), dispute_rows(count, org, bad=bad)))
    upload.name = name
    return upload


def run_worker() -> None:
    """Every queued job, through the real worker command (django-tasks-db's loop and our heartbeat).

    The loop drops "old" connections between tasks; inside the test's transaction that would close the
    test's own connection on PostgreSQL (SQLite's in-memory one ignores it), so here it keeps it."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
