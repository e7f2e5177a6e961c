"""A person's calendar subscription key: created, regenerated and revoked by its holder on the calendar page,
each change in the audit trail; the feed (fazhi.web.due_calendar.feed) asks ``user_for_feed_key`` who it is.

The key is shown once, when made; only its digest is stored (``tokens.digest``), so the database, a backup
or an administrator cannot read an address back. A deactivated person's key answers nothing, nor a key made
before its holder's last password change."""

import secrets

from django.db import transaction
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.services import record

from .models import CalendarFeed
from .tokens import KEY_BYTES, LAST_USED_PRECISION, digest

KEY_PATTERN = r"[0-9a-f]{40}"  # KEY_BYTES as hex: the feed's URL accepts nothing else


def issue(user) -> str:
    """A new key for ``user``'s feed, replacing any earlier one (whose address stops working)."""
    key = secrets.token_hex(KEY_BYTES)
    with transaction.atomic():
        feed, created = CalendarFeed.objects.update_or_create(
            user=user, defaults={"key_hash": digest(key), "created_at": timezone.now(), "last_used_at": None}
        )
        record(
            Action.CREATE if created else Action.UPDATE,
            actor=user,
            target=feed,
            changes={"日历订阅地址": [None if created else "旧地址", "已生成" if created else "已重新生成"]},
        )
    return key


def revoke(user) -> bool:
    """End ``user``'s feed; whether there was one."""
    with transaction.atomic():
        feed = CalendarFeed.objects.filter(user=user).first()
        if feed is None:
            return False
        record(Action.DELETE, actor=user, target=feed, changes={"日历订阅地址": ["有效", "已停用"]})
        feed.delete()
    return True


def user_for_feed_key(key: str):
    """The active person whose feed has this key, or None (unknown, revoked or regenerated, deactivated, or
    made before the person last changed their password)."""
    if not key:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(key_hash=digest(key)).first()
    if feed is None or not feed.user.is_active:
        return None
    changed = feed.user.password_changed_at
    if changed and feed.created_at < changed:
        # A password changed (perhaps because it leaked) ends every way in made before it, this address too;
        # the person makes a new one on the calendar page.
        return None
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > LAST_USED_PRECISION:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed.user
