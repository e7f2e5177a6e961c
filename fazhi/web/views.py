from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import router
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fazhi.dates import today
from fazhi.deadlines import calendar
from fazhi.deadlines.engine import due_soon_until
from fazhi.errors import FazhiError
from fazhi.ledger.attachments import attach, download_response
from fazhi.ledger.models import Attachment, Deadlined
from fazhi.ledger.registry import ledger_models
from fazhi.orgs.models import Organisation
from fazhi.orgs.roles import ADMIN_ROLES, ROLES
from fazhi.orgs.scoping import role_codes, scope_key


def open_deadlined(user):
    """(model, its open records the person may see) for each ledger with statutory due dates: what the
    home board and the due-date calendar both start from."""
    for model in ledger_models():
        if issubclass(model, Deadlined):
            yield model, model.objects.visible_to(user).filter(model.open_q()).select_related("org")


def deadline_board(user, limit: int = 50) -> dict:
    """The person's open records that are overdue or due within three working days."""
    day = today()
    soon_until = due_soon_until(day)
    overdue, due_soon = [], []
    scope = scope_key(user)
    records = [
        record
        for model in ledger_models()
        if issubclass(model, Deadlined)
        for record in _board_records(user, scope, model, day, soon_until, limit)
    ]
    units = Organisation.objects.in_bulk({record.org_id for record in records})
    for record in records:
        record.org = units[record.org_id]
        (overdue if record.due_date < day else due_soon).append(record)
    overdue.sort(key=lambda r: r.due_date)
    due_soon.sort(key=lambda r: r.due_date)
    return {
        "overdue": overdue[:limit],
        "due_soon": due_soon[:limit],
        "today": day,
        "soon_until": soon_until,
    }


# The board query's (sql, params) of each ledger by everything it is built from: the model, the database,
# the person's units (scope_key), the open and board conditions (with the day and, for a roster, its
# configured warning period in them) and the limit; None when the person sees no unit. Building and compiling
# it cost the ORM some 4 ms a ledger, 13 ledgers on each dashboard and home page, more than the database
# spends answering them through the (status, due_date) index (issue 21).
_BOARD_SQL: dict[tuple, tuple[str, tuple] | None] = {}


def _board_records(user, scope: tuple, model, day, soon_until, limit: int) -> list:
    alias = router.db_for_read(model)
    is_open, on_board = model.open_q(), model.board_q(day, soon_until)
    key = (model, alias, scope, is_open, on_board, limit)
    if key not in _BOARD_SQL:
        query = model.objects.visible_to(user).filter(is_open).filter(on_board).order_by("due_date")[:limit]
        try:
            kept = query.query.get_compiler(alias).as_sql()
        except EmptyResultSet:  # no unit to see records of: nothing to ask the database
            kept = None
        if len(_BOARD_SQL) >= 4096:  # yesterday's and other people's: dropped together, rebuilt on use
            _BOARD_SQL.clear()
        _BOARD_SQL[key] = kept
    kept = _BOARD_SQL[key]
    return list(model.objects.raw(*kept).using(alias)) if kept else []


def missing_notice(user, day) -> int | None:
    """Next year, when the person is the system administrator (who enters holiday notices), it is October
    or later, and next year's notice is still unknown; else None."""
    return calendar.missing_notice(day) if "sys_admin" in role_codes(user) else None


@login_required
def home(request):
    from .hub import hub  # the 待办 sections read the ledger apps, which are above this module

    roles = role_codes(request.user)
    if roles and roles <= ADMIN_ROLES:
        # an administrator reads no ledger (三员分立): his home is the way to his own pages, not an empty 待办
        labels = [ROLES[code].label for code in sorted(roles)]
        notice = missing_notice(request.user, today())
        return render(request, "web/admin_home.html", {"roles": labels, "missing_notice": notice})
    board = deadline_board(request.user)
    context = (
        board | hub(request.user, board) | {"missing_notice": missing_notice(request.user, board["today"])}
    )
    return render(request, "web/home.html", context)


def _record_or_404(user, content_type_id: int, pk: int, *, write: bool):
    """A ledger record the user may see (or change), found through the one scoping rule."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model not in ledger_models():
        raise Http404("没有找到该记录，或您无权查看。")
    return get_object_or_404(model.objects.visible_to(user, write=write), pk=pk)


@login_required
@require_POST
def upload_attachment(request, content_type_id: int, pk: int):
    record = _record_or_404(request.user, content_type_id, pk, write=True)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件。")
    else:
        try:
            attach(request.user, record, upload, request.POST.get("description", ""))
        except FazhiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已上传附件：{upload.name}")
    return redirect(record.get_absolute_url())


@login_required
def download_attachment(request, token: str):
    attachment = get_object_or_404(Attachment, token=token)
    model = attachment.content_type.model_class()
    if model is None or not model.objects.visible_to(request.user).filter(pk=attachment.object_id).exists():
        raise Http404("没有找到该附件，或您无权查看。")
    if not attachment.file.storage.exists(attachment.file.name):
        raise Http404("附件文件已不在存储中，请联系系统管理员从备份恢复。")
    return download_response(attachment)
