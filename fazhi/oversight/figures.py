"""Figures of the oversight items (figure registry). The codes are those the suggestions and reminders
had before they moved here from the litigation app (suggestions.*, reminders.*): dashboards, stored
report values and the analyzer's phrases keep meaning the same numbers.

Counting rules (a record counts for the units ``orgs`` when its handling unit is one of them):
- Suggestions count by received date; 回复率 is the "到期回复率": of those received in the period that
  were replied to or whose reply date has passed, the share replied in time (a 司法建议书 without a
  stated date counts as in time once replied).
- Reminders count by the day they were issued, for the issuing unit.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q

from fazhi.dates import today
from fazhi.figures.registry import figure

from .models import Reminder, Suggestion, SuggestionKind


def rate(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def received_suggestions(orgs, start, end):
    return Suggestion.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


@figure("suggestions.received", "收到司法建议书和检察建议书", "份", phrases=("司法建议书和检察建议书",))
def suggestions_received(orgs, start, end):
    return received_suggestions(orgs, start, end).count()


@figure("suggestions.judicial", "收到司法建议书", "份", phrases=("司法建议书",))
def suggestions_judicial(orgs, start, end):
    return received_suggestions(orgs, start, end).filter(kind=SuggestionKind.JUDICIAL).count()


@figure("suggestions.procuratorate", "收到检察建议书", "份", phrases=("检察建议书",))
def suggestions_procuratorate(orgs, start, end):
    return received_suggestions(orgs, start, end).filter(kind=SuggestionKind.PROCURATORATE).count()


def _suggestions_due(orgs, start, end):
    return received_suggestions(orgs, start, end).filter(
        Q(replied_on__isnull=False) | Q(reply_due__lt=today())
    )


def _on_time(queryset):
    return queryset.filter(replied_on__isnull=False).filter(
        Q(reply_due__isnull=True) | Q(replied_on__lte=F("reply_due"))
    )


@figure("suggestions.replied_on_time", "按时回复建议书", "份", phrases=("已按时答复",))
def suggestions_replied_on_time(orgs, start, end):
    return _on_time(received_suggestions(orgs, start, end)).count()


@figure("suggestions.reply_rate", "建议书回复率", "%", phrases=("到期回复率", "回复率"))
def suggestions_reply_rate(orgs, start, end):
    due = _suggestions_due(orgs, start, end)
    return rate(_on_time(due).count(), due.count())


@figure("reminders.issued", "发出法治督察提醒函", "份", phrases=("提醒函", "发出提醒函"))
def reminders_issued(orgs, start, end):
    return Reminder.objects.filter(org__in=orgs, issued_on__gte=start, issued_on__lte=end).count()
