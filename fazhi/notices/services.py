"""Raising notifications and marking them read. A notification is written in the transaction of the change
it tells about; its deliveries over the enabled channels are handed to the worker once that commits."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.dates import today
from fazhi.orgs.models import RoleAssignment
from fazhi.orgs.roles import ROLES

from .models import Channel, Delivery, Kind, Notification

WRITING_ROLES = frozenset(code for code, role in ROLES.items() if role.writes_ledgers)


def people_of(org) -> list:
    """The active people who keep the unit's ledgers (its 办理人员): who a dispatch to the unit is for."""
    assignments = RoleAssignment.objects.filter(org=org, role__in=WRITING_ROLES, user__is_active=True)
    return list({a.user_id: a.user for a in assignments.select_related("user")}.values())


def notify(
    users, kind: str, title: str, body: str = "", record=None, day: datetime.date | None = None
) -> list:
    """A notification for each person (once each); for the daily kinds none twice for the same record and day.
    Returns the notifications written."""
    day = day or today()
    link = record.get_absolute_url() if record is not None else ""
    content_type = ContentType.objects.get_for_model(record) if record is not None else None
    written = []
    for user in {u.pk: u for u in users}.values():
        try:
            with transaction.atomic():  # a savepoint: a duplicate of the day is skipped, not an error
                notice = Notification.objects.create(
                    user=user,
                    kind=kind,
                    title=title[:200],
                    body=body[:500],
                    link=link,
                    content_type=content_type,
                    object_id=record.pk if record is not None else None,
                    day=day,
                )
        except IntegrityError:
            continue
        written.append(notice)
    _queue_deliveries(written)
    return written


def _queue_deliveries(notices: list) -> None:
    channels = list(Channel.objects.filter(enabled=True))
    if not notices or not channels:
        return
    deliveries = Delivery.objects.bulk_create(
        [Delivery(notification=n, channel=c) for n in notices for c in channels]
    )
    ids = [d.pk for d in deliveries]  # bulk_create returns the keys on SQLite and PostgreSQL

    def enqueue():
        from .tasks import deliver

        for pk in ids:
            deliver.enqueue(pk)

    transaction.on_commit(enqueue)  # the worker must find the rows it is given


def visible_to(user):
    """A person's own notifications, nobody else's (not even an administrator's)."""
    if not getattr(user, "pk", None):
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def unread_count(user) -> int:
    return visible_to(user).filter(read_at__isnull=True).count()


def mark_read(user, pks=None) -> int:
    """Mark the person's notifications read (those of ``pks``, or all); how many were unread."""
    unread = visible_to(user).filter(read_at__isnull=True)
    if pks is not None:
        unread = unread.filter(pk__in=pks)
    return unread.update(read_at=timezone.now())


def kind_label(kind: str) -> str:
    return Kind(kind).label
