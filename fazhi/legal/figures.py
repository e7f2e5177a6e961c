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

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Exists, F, OuterRef, Q

from fazhi.dates import today
from fazhi.figures.registry import breakdown, figure, tally
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
_reviewed("legal.plans_reviewed", "审查方案制度", "份", Q(kind=ReviewKind.PLAN), ("审查方案、制度等文件", "审查方案制度"))
_reviewed("legal.unlawful", "审查意见为不合法", "件", Q(opinion=ReviewOpinion.UNLAWFUL), ("审查不合法",))


@figure("legal.review_days_avg", "平均审查用时", "工作日", phrases=("平均审查用时",))
def review_days_avg(orgs, start, end):
    value = answered_rounds(orgs, start, end).aggregate(avg=Avg("working_days"))["avg"]
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@figure("legal.overdue", "超期审查", "件", phrases=("超期审查", "审查超期"))
def overdue(orgs, start, end):
    late = answered_rounds(orgs, start, end).filter(due_date__isnull=False, opinion_on__gt=F("due_date"))
    last_day = min(end, today() - datetime.timedelta(days=1))
    still_open = ReviewRound.objects.filter(
        item__org__in=orgs,
        opinion_on__isnull=True,
        due_date__gte=start,
        due_date__lte=last_day,
    ).exclude(item__status__in=STATES.closed)
    return late.count() + still_open.count()


@breakdown("legal.reviewed.by_kind", "合法性审查事项（按类别）")
def reviewed_by_kind(orgs, start, end):
    labels = dict(ReviewKind.choices)
    rows = concluded(orgs, start, end).values_list("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    return {labels.get(k, k): n for k, n in rows}


@breakdown("legal.reviewed.by_opinion", "合法性审查意见（按结论）")
def reviewed_by_opinion(orgs, start, end):
    labels = dict(ReviewOpinion.choices)
    rows = (
        answered_rounds(orgs, start, end)
        .filter(~Q(opinion=""))
        .values_list("opinion")
        .annotate(n=Count("pk"))
        .order_by("-n", "opinion")
    )
    return {labels.get(k, k): n for k, n in rows}


# Items reviewed in the period by a 驿站, or with one among the joint reviewers (联合审查单位).
_reviewed(
    "legal.reviewed_by_station", "公共法律服务驿站参与合法性审查", "件",
    Q(reviewer_org__kind=Kind.LEGAL_STATION)
    | Q(Exists(ReviewItem.co_reviewers.through.objects.filter(reviewitem=OuterRef("pk"), organisation__kind=Kind.LEGAL_STATION))),
    ("驿站参与合法性审查",),
)  # fmt: skip
