"""/healthz: what a load balancer, nginx's upstream check or the IT department's monitoring asks of one web
server. Open without signing in (it names no record and no person) and cheap: one query, one cache read.
The worker is checked through its heartbeat in the cache the web servers share with it: a web server
answering 503 for a dead worker tells the monitoring that imports are waiting in the queue."""

import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from fazhi.jobs import progress


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "数据库无法连接"
    return "ok"


_migrated: set[str] = set()  # the databases found fully migrated by this process


def _migrations() -> str:
    """A server started on a database its code has not migrated answers errors on some pages only: say so.
    Reading the migration files takes tens of milliseconds, too much for a check made every few seconds:
    once the database is found migrated, this process does not look again (its code cannot change)."""
    if connection.alias in _migrated:
        return "ok"
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return "数据库无法连接"
    if pending:
        return f"有 {len(pending)} 个数据库迁移未执行（请运行 fazhi migrate）"
    _migrated.add(connection.alias)
    return "ok"


def _worker() -> str:
    """The worker (`fazhi db_worker`) writes a heartbeat to the shared cache every few seconds."""
    try:
        beat = progress.last_beat()
    except Exception:
        return "缓存无法读取，无法确认后台任务服务（fazhi db_worker）是否运行"
    if beat is None:
        return "后台任务服务（fazhi db_worker）未运行"
    age = time.time() - beat
    if age > settings.FAZHI_WORKER_STALE_SECONDS:
        return f"后台任务服务（fazhi db_worker）已 {int(age)} 秒没有响应"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _database()}
    if checks["database"] == "ok":
        checks["migrations"] = _migrations()
    checks["worker"] = _worker()
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
        json_dumps_params={"ensure_ascii": False},
    )
