"""A saved or deleted holiday notice changes the calendar at once (in this process; others within the cache TTL)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from .calendar import clear_cache
from .models import HolidayNotice


@receiver(post_save, sender=HolidayNotice, dispatch_uid="deadlines.notice_saved")
@receiver(post_delete, sender=HolidayNotice, dispatch_uid="deadlines.notice_deleted")
def _notice_changed(**kwargs) -> None:
    clear_cache()


# Sent by whoever enters, corrects or removes a year's holiday notice, with year= and actor=; the ledgers
# recompute their open records' due dates and answer with what moved (fazhi.ledger.recompute).
calendar_changed = Signal()
