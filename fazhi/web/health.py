"""/healthz: what a load balancer, nginx's upstream check or the IT department's monitoring asks of one web
server. Open without signing in (it names no record and no person) and cheap: one query."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "数据库无法连接"
    return "ok"


def _migrations() -> str:
    """A server started on a database its code has not migrated answers errors on some pages only: say so."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return "数据库无法连接"
    return "ok" if not pending else f"有 {len(pending)} 个数据库迁移未执行（请运行 fazhi migrate）"


@never_cache
@require_GET
def healthz(request):
    # The background worker joins these checks when long jobs move to it (issue 20).
    checks = {"database": _database()}
    if checks["database"] == "ok":
        checks["migrations"] = _migrations()
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
        json_dumps_params={"ensure_ascii": False},
    )
