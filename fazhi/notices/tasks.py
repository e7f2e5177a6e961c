"""The worker's part: each delivery as a task (retried a few times, every attempt recorded), and the daily
sweep that tells people of their overdue and due-soon records."""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from fazhi.dates import today
from fazhi.orgs.models import RoleAssignment
from fazhi.orgs.roles import ROLES

from .channels import SendFailed, send
from .models import Delivery, DeliveryStatus, Kind
from .services import notify

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_MINUTES = (1, 5)  # after the first and second failed attempts
SWEEP_EVERY_SECONDS = (
    60 * 60
)  # the sweep is idempotent per day; hourly picks up a new day soon after midnight
SWEEP_CACHE_KEY = "fazhi:notices:sweep-enqueued"


@task
def deliver(delivery_id: int) -> str:
    with transaction.atomic():
        # Locked by its key alone: a locked query with first() would add an ORDER BY and LIMIT.
        found = list(
            Delivery.objects.select_for_update()
            .select_related("notification__user", "channel")
            .filter(pk=delivery_id)
        )
        delivery = found[0] if found else None
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            return "skipped"  # sent already (a task given twice) or gone with its notification
        delivery.attempts += 1
        delivery.last_attempt_at = timezone.now()
        retry_in = None
        if not delivery.channel.enabled:
            delivery.status, delivery.error = DeliveryStatus.FAILED, "渠道已停用，未发送。"
        else:
            try:
                send(delivery.channel, delivery.notification)
            except SendFailed as exc:
                delivery.error = exc.message[:500]
                if delivery.attempts < MAX_ATTEMPTS:
                    retry_in = RETRY_MINUTES[delivery.attempts - 1]
                else:
                    delivery.status = DeliveryStatus.FAILED
                    delivery.error = f"已尝试 {delivery.attempts} 次仍未成功：{exc.message}"[:500]
            except Exception:  # our fault, not the channel's: recorded, never a lost notice
                logger.exception("delivery %s failed", delivery_id)
                delivery.status = DeliveryStatus.FAILED
                delivery.error = "系统发送时出错（已记录日志），请联系系统管理员。"
            else:
                delivery.status, delivery.error, delivery.sent_at = DeliveryStatus.SENT, "", timezone.now()
        delivery.save()
    if retry_in is not None:
        run_after = timezone.now() + datetime.timedelta(minutes=retry_in)
        deliver.using(run_after=run_after).enqueue(delivery_id)
        return "retry"
    return delivery.status


def _business_people():
    """The people who keep ledgers: they act on a due date. Leaders and reviewers read the 督办 table on the
    home page instead of a notice per record of a whole 街道 every day."""
    roles = [code for code, role in ROLES.items() if role.writes_ledgers]
    ids = RoleAssignment.objects.filter(role__in=roles, user__is_active=True).values_list(
        "user_id", flat=True
    )
    return get_user_model().objects.filter(pk__in=ids.distinct()).order_by("pk")


def due_title(record, day: datetime.date) -> tuple[str, str]:
    where = record.org.short_name or record.org.name
    name = f"{record._meta.verbose_name} {record.number}（{where}）"
    if record.due_date < day:
        return Kind.OVERDUE, f"已超期{(day - record.due_date).days}天：{name}"
    return Kind.DUE_SOON, f"即将到期（{record.due_date:%-m月%-d日}）：{name}"


def sweep(day: datetime.date | None = None) -> int:
    """One notice per person, record and kind per day, from the home page's own board (the one deadline
    engine and scoping rule). Returns how many notices were written."""
    from fazhi.web.views import deadline_board

    day = day or today()
    written = 0
    for user in _business_people():
        board = deadline_board(user)
        for record in board["overdue"] + board["due_soon"]:
            kind, title = due_title(record, day)
            with transaction.atomic():
                written += len(
                    notify([user], kind, title, getattr(record, "due_basis", "") or "", record, day)
                )
    return written


@task
def sweep_deadlines() -> str:
    return f"已生成 {sweep()} 条期限提醒"


def enqueue_sweep_if_due() -> bool:
    """Called by the worker's heartbeat: the sweep once an hour (cache.add is atomic across workers)."""
    if cache.add(SWEEP_CACHE_KEY, "1", timeout=SWEEP_EVERY_SECONDS):
        sweep_deadlines.enqueue()
        return True
    return False
