"""Lists of dates as an administrator types them from a holiday notice: one date or range per entry.

Accepted: ISO dates (2027-10-01) and ranges (2027-10-01至2027-10-07, also with ~ ～ .. — –), separated by
line breaks, commas (, ，), 、 or semicolons (; ；). Errors are Chinese sentences naming the bad entry.
"""

import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError

_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_ENTRY = re.compile(rf"^{_DATE}(?:\s*(?:至|到|~|～|\.\.|—|–)\s*{_DATE})?$")
_SEPARATORS = re.compile(r"[\n\r,，、;；]+")
EXAMPLE = "例如 2027-10-01 或 2027-10-01至2027-10-07"
# A single holiday block of the State Council never exceeds a couple of weeks; a longer range is a typo.
MAX_RANGE_DAYS = 31


def _make_date(entry: str, y: str, m: str, d: str) -> date:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        raise ValidationError(f"“{entry}”中的日期 {y}-{m}-{d} 不存在，请核对年月日。") from None


def parse_date_list(text: str) -> list[date]:
    """The dates the text names, sorted, without duplicates; ValidationError (Chinese) on any bad entry."""
    found: set[date] = set()
    for raw in _SEPARATORS.split(text or ""):
        entry = raw.strip()
        if not entry:
            continue
        match = _ENTRY.match(entry)
        if not match:
            raise ValidationError(f"无法识别“{entry}”：请每项写一个日期或日期范围，{EXAMPLE}。")
        first = _make_date(entry, *match.group(1, 2, 3))
        last = _make_date(entry, *match.group(4, 5, 6)) if match.group(4) else first
        if last < first:
            raise ValidationError(f"“{entry}”的结束日期早于开始日期，请调换顺序。")
        if (last - first).days >= MAX_RANGE_DAYS:
            raise ValidationError(f"“{entry}”跨度超过{MAX_RANGE_DAYS}天，请核对是否录错。")
        found.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    return sorted(found)


def format_date_list(dates) -> str:
    """The canonical text of a set of dates: consecutive days joined into ranges, one entry per line."""
    runs: list[list[date]] = []
    for d in sorted(set(dates)):
        if runs and d - runs[-1][1] == timedelta(days=1):
            runs[-1][1] = d
        else:
            runs.append([d, d])
    return "\n".join(a.isoformat() if a == b else f"{a.isoformat()}至{b.isoformat()}" for a, b in runs)
