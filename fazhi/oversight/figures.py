"""Figures of the oversight items (figure registry). The suggestions' and reminders' codes from before they
moved here from the litigation app (suggestions.*, reminders.*) are kept: dashboards, stored report values
and the analyzer's phrases keep meaning the same numbers. The items of every kind are counted as
oversight.* (below), which the report drafting quotes.

Counting rules (a record counts for the units ``orgs`` when its handling unit is one of them):
- Suggestions count by received date; 回复率 is the "到期回复率": of those received in the period that
  were replied to or whose reply date has passed, the share replied in time (a 司法建议书 without a
  stated date counts as in time once replied).
- Reminders count by the day they were issued, for the issuing unit.
"""


from django.db.models import Count, F, Q

from fazhi.dates import today
from fazhi.figures.registry import breakdown, figure, percent, tally

from .models import (
    CLOSED,
    LETTERS,
    PROPOSALS,
    AuditKind,
    Level,
    Measure,
    MeasureStatus,
    Reminder,
    Role,
    Satisfaction,
    Suggestion,
    SuggestionKind,
    SupervisionKind,
)


def received_items(orgs, start, end):
    return Suggestion.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


def received_suggestions(orgs, start, end):
    """The 司法建议书 and 检察建议书 only: what the suggestions.* codes have always counted."""
    return received_items(orgs, start, end).filter(kind__in=sorted(LETTERS))


def _count_figure(code: str, label: str, unit: str = "件", phrases: tuple = (), **kinds) -> None:
    tally(code, label, unit, model=Suggestion, on="received_on", where=Q(**kinds), phrases=phrases)


def _sum_figure(code: str, label: str, column: str, unit: str, **kinds) -> None:
    tally(code, label, unit, model=Suggestion, on="received_on", where=Q(**kinds), total=column)


_count_figure("suggestions.received", "收到司法建议书和检察建议书", "份", ("司法建议书和检察建议书",), kind__in=sorted(LETTERS))
_count_figure("suggestions.judicial", "收到司法建议书", "份", ("司法建议书",), kind=SuggestionKind.JUDICIAL)
_count_figure("suggestions.procuratorate", "收到检察建议书", "份", ("检察建议书",), kind=SuggestionKind.PROCURATORATE)


def _due(items):
    return items.filter(Q(replied_on__isnull=False) | Q(reply_due__lt=today()))


def _on_time(queryset):
    return queryset.filter(replied_on__isnull=False).filter(
        Q(reply_due__isnull=True) | Q(replied_on__lte=F("reply_due"))
    )


@figure("suggestions.replied_on_time", "按时回复建议书", "份", phrases=("已按时答复",))
def suggestions_replied_on_time(orgs, start, end):
    return _on_time(received_suggestions(orgs, start, end)).count()


@figure("suggestions.reply_rate", "建议书回复率", "%", phrases=("到期回复率", "回复率"))
def suggestions_reply_rate(orgs, start, end):
    due = _due(received_suggestions(orgs, start, end))
    return percent(_on_time(due).count(), due.count())


tally(
    "reminders.issued", "发出法治督察提醒函", "份", model=Reminder, on="issued_on", phrases=("提醒函", "发出提醒函")
)


# --- oversight items of every kind (oversight.*) -------------------------------------------------------
# Items count by their received (交办) date for their handling unit, as the suggestions do; a second round
# is the same item. 满意率 counts the deputies' and members' last view (满意 and 基本满意 of those given);
# 整改率 the measures done or explained of all the measures of the items received in the period.


def _items(orgs, start, end, **kinds):
    return received_items(orgs, start, end).filter(**kinds)


_count_figure("oversight.items", "收到监督事项", phrases=("监督事项",))
_count_figure("oversight.proposals", "办理人大代表建议和政协提案", kind__in=sorted(PROPOSALS))
for _kind, _kind_label in ((SuggestionKind.NPC, "人大建议"), (SuggestionKind.CPPCC, "政协提案")):
    for _level, _level_label in ((Level.CITY, "市"), (Level.DISTRICT, "区")):
        _count_figure(
            f"oversight.{_kind}.{_level}", f"办理{_level_label}{_kind_label}", kind=_kind, level=_level
        )
        for _role in Role:
            _count_figure(
                f"oversight.{_kind}.{_level}.{_role.value}",
                f"{_level_label}{_kind_label}{_role.label}件",
                kind=_kind,
                level=_level,
                role=_role,
            )
_count_figure("oversight.supervision", "督查督办事项", kind=SuggestionKind.SUPERVISION)
for _sup in SupervisionKind:
    _count_figure(
        f"oversight.supervision.{_sup.value}",
        f"督查督办{_sup.label}",
        kind=SuggestionKind.SUPERVISION,
        supervision_kind=_sup,
    )
_count_figure("oversight.inspection", "法治督察反馈事项", kind=SuggestionKind.INSPECTION)
_count_figure("oversight.audit.projects", "审计项目", "个", kind=SuggestionKind.AUDIT)
_sum_figure("oversight.audit.findings", "审计发现问题", "findings_count", "项", kind=SuggestionKind.AUDIT)
_sum_figure(
    "oversight.audit.recommendations",
    "提出审计建议",
    "recommendations_count",
    "条",
    kind=SuggestionKind.AUDIT,
)
for _audit in AuditKind:
    _count_figure(
        f"oversight.audit.{_audit.value}", _audit.label, "个", kind=SuggestionKind.AUDIT, audit_kind=_audit
    )
    _sum_figure(
        f"oversight.audit.{_audit.value}.findings",
        f"{_audit.label}发现问题",
        "findings_count",
        "项",
        kind=SuggestionKind.AUDIT,
        audit_kind=_audit,
    )
    _sum_figure(
        f"oversight.audit.{_audit.value}.recommendations",
        f"{_audit.label}提出审计建议",
        "recommendations_count",
        "条",
        kind=SuggestionKind.AUDIT,
        audit_kind=_audit,
    )
_count_figure("oversight.audit.rectified", "督促整改审计项目", "个", kind=SuggestionKind.AUDIT, status=CLOSED)


@figure("oversight.replied_on_time", "按时答复监督事项", "件")
def items_replied_on_time(orgs, start, end):
    return _on_time(received_items(orgs, start, end)).count()


@figure("oversight.reply_rate", "监督事项按时答复率", "%")
def items_reply_rate(orgs, start, end):
    due = _due(received_items(orgs, start, end))
    return percent(_on_time(due).count(), due.count())


@figure("oversight.satisfaction_rate", "代表委员满意率", "%", phrases=("满意率", "代表、委员满意率"))
def satisfaction_rate(orgs, start, end):
    given = _items(orgs, start, end, kind__in=sorted(PROPOSALS)).exclude(satisfaction="")
    pleased = given.filter(satisfaction__in=[Satisfaction.SATISFIED, Satisfaction.BASIC])
    return percent(pleased.count(), given.count())


def _measures(orgs, start, end):
    return Measure.objects.filter(item__in=received_items(orgs, start, end))


@figure("oversight.measures", "制定整改措施", "项")
def measures(orgs, start, end):
    return _measures(orgs, start, end).count()


@figure("oversight.measures.done", "完成整改", "项")
def measures_done(orgs, start, end):
    return _measures(orgs, start, end).exclude(status=MeasureStatus.PENDING).count()


@figure("oversight.rectification_rate", "整改率", "%", phrases=("整改完成率",))
def rectification_rate(orgs, start, end):
    rows = _measures(orgs, start, end)
    return percent(rows.exclude(status=MeasureStatus.PENDING).count(), rows.count())


@breakdown("oversight.by_kind", "监督事项按类别")
def items_by_kind(orgs, start, end):
    counts = dict(received_items(orgs, start, end).values_list("kind").annotate(n=Count("pk")))
    return {kind.label: counts.get(kind.value, 0) for kind in SuggestionKind}
