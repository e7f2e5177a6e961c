"""The office's today: the local date in Asia/Shanghai, the one clock every ledger, deadline and figure reads."""

import datetime

from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()
