"""The office's today: the local date in Asia/Shanghai, the one clock every ledger, deadline and figure reads."""

import datetime

from django.utils import timezone

# The hint every date field shows (placeholder and title): a browser without a date picker, or a person
# typing into one, is told the one format the forms accept.
DATE_HINT = "例：2024-03-05"
DATE_INPUT_ATTRS = {"type": "date", "placeholder": DATE_HINT, "title": f"日期，格式为 年-月-日，{DATE_HINT}"}


def today() -> datetime.date:
    return timezone.localdate()


def cn_date(day: datetime.date) -> str:
    """ "2026年12月3日", as the pages, the messages and GB/T 9704's 成文日期 write a date: Arabic numerals, no
    leading zeros; a datetime gives its day."""
    return f"{day.year}年{day.month}月{day.day}日"
