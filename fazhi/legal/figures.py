"""Figures of the legality review ledger, declared in the figure registry.

Counting rule: an item counts for the units ``orgs`` when the unit holding it (``org``: the reviewing
unit once assigned, else the submitting unit) is one of them.
- Items reviewed (contracts, 规范性文件, 重大行政决策, 议题, 方案制度, 不合法) count items whose final
  opinion (出具意见日期) lies in the period; items returned and still open are not yet reviewed.
- Opinions (法律意见书) count review rounds that issued a written opinion letter in the period — a
  returned round's letter counts too, a contract reviewed without a letter does not.
- Contracts filed count filings (备案日期) in the period of contracts at or above the threshold.
- Average review time: working days from a round's submission to its opinion, over rounds answered
  in the period. Overdue: rounds answered after their due date in the period, plus rounds still open
  whose due date passed within the period.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q

from fazhi.dates import today
from fazhi.figures.aggregate import counted_by
from fazhi.figures.registry import better_when_lower, breakdown, derived, tally
from fazhi.orgs.models import Kind

from .models import CONCLUDED, STATES, ReviewItem, ReviewKind, ReviewOpinion, ReviewRound


def concluded(orgs, start, end):
    return ReviewItem.objects.filter(
        org__in=orgs, status=CONCLUDED, concluded_on__gte=start, concluded_on__lte=end
    )


def answered_rounds(orgs, start, end):
    return ReviewRound.objects.filter(item__org__in=orgs, opinion_on__gte=start, opinion_on__lte=end)


DONE = Q(status=CONCLUDED)


def _reviewed(code, label, unit, where, phrases):
    """Items whose final opinion was given in the period."""
    tally(code, label, unit, model=ReviewItem, on="concluded_on", where=DONE & where, phrases=phrases)


_reviewed(
    "legal.contracts_reviewed", "审查合同", "份", Q(kind=ReviewKind.CONTRACT),
    ("开展合法性审查行政机关合同", "审查合同", "合同合法性审查"),
)  # fmt: skip
tally(
    "legal.opinions", "出具法律意见书", "份", model=ReviewRound, on="opinion_on", org_field="item__org",
    where=Q(letter_issued=True), phrases=("出具合法性审查意见书", "出具法律意见书"),
)  # fmt: skip
tally(
    "legal.contracts_filed", "百万元以上合同备案", "份", model=ReviewItem, on="filed_on",
    where=Q(kind=ReviewKind.CONTRACT, requires_filing=True), phrases=("百万元以上合同备案", "合同备案"),
)  # fmt: skip
_reviewed(
    "legal.normative_documents", "规范性文件初审", "件", Q(kind=ReviewKind.NORMATIVE),
    ("行政规范性文件初审", "规范性文件合法性审核"),
)  # fmt: skip
_reviewed(
    "legal.major_decisions", "重大行政决策合法性审查", "件", Q(kind=ReviewKind.MAJOR_DECISION),
    ("审查重大行政决策", "重大行政决策合法性审查"),
)  # fmt: skip
_reviewed(
    "legal.topics_reviewed", "党工委会议议题合规审查", "件", Q(kind=ReviewKind.TOPIC),
    ("议题合规审查", "党工委会议集体决策的具体议题进行书面合法性审查"),
)  # fmt: skip
_reviewed(
    "legal.plans_reviewed",
    "审查方案制度",
    "份",
    Q(kind=ReviewKind.PLAN),
    ("审查方案、制度等文件", "审查方案制度"),
)
_reviewed("legal.unlawful", "审查意见为不合法", "件", Q(opinion=ReviewOpinion.UNLAWFUL), ("审查不合法",))


def _rounds(code, label, unit, where, total=None):
    """Review rounds by the day of their opinion."""
    tally(
        code, label, unit, model=ReviewRound, on="opinion_on", org_field="item__org", where=where, total=total
    )


# Average review time: the working days of the rounds answered in the period, over those rounds (with days).
_rounds("legal.review_days", "审查用时合计", "工作日", Q(working_days__isnull=False), total="working_days")
_rounds("legal.rounds_timed", "计算用时的审查轮次", "次", Q(working_days__isnull=False))


def _average(days, rounds) -> Decimal | None:
    if not rounds:
        return None
    return (Decimal(days) / Decimal(rounds)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


derived(
    "legal.review_days_avg", "平均审查用时", "工作日", parts=("legal.review_days", "legal.rounds_timed"),
    combine=_average, phrases=("平均审查用时",),
)  # fmt: skip
# Overdue: rounds answered after their due date, by the day answered; and rounds still open whose due date
# passed (before today) within the period, by their due date, their item not closed.
_rounds(
    "legal.overdue.answered_late",
    "逾期出具审查意见",
    "件",
    Q(due_date__isnull=False, opinion_on__gt=F("due_date")),
)


def _open_past_due() -> Q:
    """Still open and due before today (a function: today moves)."""
    return Q(opinion_on__isnull=True, due_date__lt=today()) & ~Q(item__status__in=STATES.closed)


tally(
    "legal.overdue.open", "超期未出具审查意见", "件", model=ReviewRound, on="due_date", org_field="item__org",
    where=_open_past_due,
)  # fmt: skip
derived(
    "legal.overdue", "超期审查", "件", parts=("legal.overdue.answered_late", "legal.overdue.open"),
    combine=lambda late, still_open: late + still_open, phrases=("超期审查", "审查超期"),
)  # fmt: skip


_by_kind = counted_by(concluded, "kind", order=("-n", "kind"))
_by_opinion = counted_by(
    lambda orgs, start, end: answered_rounds(orgs, start, end).filter(~Q(opinion="")),
    "opinion",
    order=("-n", "opinion"),
)


@breakdown("legal.reviewed.by_kind", "合法性审查事项（按类别）")
def reviewed_by_kind(orgs, start, end):
    labels = dict(ReviewKind.choices)
    return {labels.get(k, k): n for k, n in _by_kind(orgs, start, end)}


@breakdown("legal.reviewed.by_opinion", "合法性审查意见（按结论）")
def reviewed_by_opinion(orgs, start, end):
    labels = dict(ReviewOpinion.choices)
    return {labels.get(k, k): n for k, n in _by_opinion(orgs, start, end)}


# Items reviewed in the period by a 驿站, or with one among the joint reviewers (联合审查单位).
_reviewed(
    "legal.reviewed_by_station", "公共法律服务驿站参与合法性审查", "件",
    Q(reviewer_org__kind=Kind.LEGAL_STATION)
    | Q(pk__in=ReviewItem.co_reviewers.through.objects.filter(organisation__kind=Kind.LEGAL_STATION).values("reviewitem")),
    ("驿站参与合法性审查",),
)  # fmt: skip
better_when_lower("legal.overdue", "legal.unlawful")
