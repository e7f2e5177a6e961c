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

from django.db.models import F, Q

from fazhi.dates import today
from fazhi.figures.aggregate import counted_by
from fazhi.figures.registry import better_when_higher, breakdown, ratio, tally

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


def _count_figure(code: str, label: str, unit: str = "件", phrases: tuple = (), **kinds) -> None:
    tally(code, label, unit, model=Suggestion, on="received_on", where=Q(**kinds), phrases=phrases)


def _sum_figure(code: str, label: str, column: str, unit: str, **kinds) -> None:
    tally(code, label, unit, model=Suggestion, on="received_on", where=Q(**kinds), total=column)


_count_figure(
    "suggestions.received",
    "收到司法建议书和检察建议书",
    "份",
    ("司法建议书和检察建议书",),
    kind__in=sorted(LETTERS),
)
_count_figure("suggestions.judicial", "收到司法建议书", "份", ("司法建议书",), kind=SuggestionKind.JUDICIAL)
_count_figure(
    "suggestions.procuratorate", "收到检察建议书", "份", ("检察建议书",), kind=SuggestionKind.PROCURATORATE
)


# Replied in time: replied, by the reply date when there is one (a 司法建议书 without a date is in time).
ON_TIME = Q(replied_on__isnull=False) & (Q(reply_due__isnull=True) | Q(replied_on__lte=F("reply_due")))


def _replied_or_past_due() -> Q:
    """Items whose reply is due: replied, or the reply date passed (a function: today moves)."""
    return Q(replied_on__isnull=False) | Q(reply_due__lt=today())


def _letters_due() -> Q:
    return Q(kind__in=sorted(LETTERS)) & _replied_or_past_due()


# 到期回复率: of the letters due, those replied in time (every letter replied in time is due).
tally(
    "suggestions.replied_on_time", "按时回复建议书", "份", model=Suggestion, on="received_on",
    where=Q(kind__in=sorted(LETTERS)) & ON_TIME, phrases=("已按时答复",),
)  # fmt: skip
tally("suggestions.due", "到期应回复建议书", "份", model=Suggestion, on="received_on", where=_letters_due)
ratio(
    "suggestions.reply_rate", "建议书回复率", part="suggestions.replied_on_time", whole="suggestions.due",
    phrases=("到期回复率", "回复率"),
)  # fmt: skip

tally(
    "reminders.issued",
    "发出法治督察提醒函",
    "份",
    model=Reminder,
    on="issued_on",
    phrases=("提醒函", "发出提醒函"),
)


# --- oversight items of every kind (oversight.*) -------------------------------------------------------
# Items count by their received (交办) date for their handling unit, as the suggestions do; a second round
# is the same item. 满意率 counts the deputies' and members' last view (满意 and 基本满意 of those given);
# 整改率 the measures done or explained of all the measures of the items received in the period.


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


tally(
    "oversight.replied_on_time", "按时答复监督事项", "件", model=Suggestion, on="received_on", where=ON_TIME
)
tally(
    "oversight.due",
    "到期应答复监督事项",
    "件",
    model=Suggestion,
    on="received_on",
    where=_replied_or_past_due,
)
ratio("oversight.reply_rate", "监督事项按时答复率", part="oversight.replied_on_time", whole="oversight.due")
# 满意率: of the proposals whose deputies or members gave their view, 满意 and 基本满意.
PROPOSAL = Q(kind__in=sorted(PROPOSALS))
tally(
    "oversight.satisfaction_given", "代表委员反馈满意度", "件", model=Suggestion, on="received_on",
    where=PROPOSAL & ~Q(satisfaction=""),
)  # fmt: skip
tally(
    "oversight.satisfied", "代表委员满意", "件", model=Suggestion, on="received_on",
    where=PROPOSAL & ~Q(satisfaction="") & Q(satisfaction__in=[Satisfaction.SATISFIED, Satisfaction.BASIC]),
)  # fmt: skip
ratio(
    "oversight.satisfaction_rate", "代表委员满意率", part="oversight.satisfied", whole="oversight.satisfaction_given",
    phrases=("满意率", "代表、委员满意率"),
)  # fmt: skip
# The measures of the items received in the period.
tally(
    "oversight.measures", "制定整改措施", "项", model=Measure, on="item__received_on", org_field="item__org"
)
tally(
    "oversight.measures.done", "完成整改", "项", model=Measure, on="item__received_on", org_field="item__org",
    where=~Q(status=MeasureStatus.PENDING),
)  # fmt: skip
ratio(
    "oversight.rectification_rate", "整改率", part="oversight.measures.done", whole="oversight.measures",
    phrases=("整改完成率",),
)  # fmt: skip


_by_kind = counted_by(received_items, "kind")


@breakdown("oversight.by_kind", "监督事项按类别")
def items_by_kind(orgs, start, end):
    counts = dict(_by_kind(orgs, start, end))
    return {kind.label: counts.get(kind.value, 0) for kind in SuggestionKind}


better_when_higher(
    "suggestions.reply_rate", "oversight.reply_rate", "oversight.satisfaction_rate", "oversight.rectification_rate"
)  # fmt: skip
