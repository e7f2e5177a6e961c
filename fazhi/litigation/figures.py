"""Figures of reconsideration and litigation (figure registry).

Counting rules (a record counts for the units ``orgs`` when its responsible unit is one of them):
- Case counts (诉讼案件 and by kind) count first-stage cases whose copy of the complaint or application
  was received in the period; an appeal or retrial is the same case at a later stage, not a new one.
- Outcomes count *final* conclusions in the period: concluded cases with no later stage registered.
- 调撤率 is the 五常 report's "行政诉讼调撤率": administrative litigation cases finally concluded in
  the period by withdrawal or mediation ÷ all administrative litigation cases finally concluded in it.
- 出庭率: hearings of administrative litigation cases in the period where the head of the organ
  appeared ÷ all those hearings.
- 纠错率: reconsideration cases ending in correction (纠错) and administrative cases lost (败诉) ÷
  reconsideration and administrative cases finally concluded in the period (行政行为被纠错率).
- 按期答复率: cases whose reply/answer date falls in the period and that have been replied to or
  whose date has passed; on time = replied on or before the date.
- Documents count by the day they were received.
"""

from django.db.models import F, Q

from fazhi.dates import today
from fazhi.figures.aggregate import counted_by
from fazhi.figures.registry import (
    better_when_higher,
    better_when_lower,
    breakdown,
    key_figures,
    ratio,
    tally,
    trend_figures,
)

from .models import (
    CONCLUDED,
    AnalysisMeeting,
    Case,
    CaseDocument,
    CaseKind,
    CaseStage,
    Hearing,
    LitigationDocumentKind,
    LitigationOutcome,
)


def received_cases(orgs, start, end):
    return Case.objects.filter(
        org__in=orgs, stage=CaseStage.FIRST, copy_received_on__gte=start, copy_received_on__lte=end
    )


def finally_concluded(orgs, start, end):
    return Case.objects.filter(
        org__in=orgs,
        status=CONCLUDED,
        concluded_on__gte=start,
        concluded_on__lte=end,
        follow_ups__isnull=True,
    )


FIRST = Q(stage=CaseStage.FIRST)
# Final: no later stage registered (a subquery, so that the shared query joins nothing many-valued; an
# uncorrelated one, built once per query rather than run per row; without NULLs, so NOT IN is exact).
FINAL = Q(status=CONCLUDED) & ~Q(pk__in=Case.objects.filter(previous__isnull=False).values("previous"))


def _received(code, label, where, phrases):
    tally(code, label, "起", model=Case, on="copy_received_on", where=FIRST & where, phrases=phrases)


def _final(code, label, where, phrases):
    tally(code, label, "起", model=Case, on="concluded_on", where=FINAL & where, phrases=phrases)


_received("litigation.cases", "诉讼案件", Q(), ("涉诉案件", "诉讼案件总数"))
_received("litigation.civil", "民事诉讼", Q(kind=CaseKind.CIVIL), ("民事诉讼案件",))
_received(
    "litigation.administrative", "行政诉讼", Q(kind=CaseKind.ADMINISTRATIVE), ("行政诉讼案件", "处理行政诉讼")
)
_received(
    "litigation.reconsideration",
    "行政复议",
    Q(kind=CaseKind.RECONSIDERATION),
    ("行政复议案件", "收到行政复议案件"),
)
_final("litigation.concluded", "审结案件", Q(), ("结案",))
# 观澜 2024: "促使当事人撤回行政复议申请1宗", the applications withdrawn after the street's talks.
_final(
    "litigation.reconsideration.withdrawn", "撤回行政复议申请",
    Q(kind=CaseKind.RECONSIDERATION, outcome=LitigationOutcome.WITHDRAWN), ("撤回行政复议申请",),
)  # fmt: skip


ADMIN, SETTLED = (
    Q(kind=CaseKind.ADMINISTRATIVE),
    Q(outcome__in=(LitigationOutcome.WITHDRAWN, LitigationOutcome.MEDIATED)),
)
PUBLIC = Q(kind__in=(CaseKind.RECONSIDERATION, CaseKind.ADMINISTRATIVE))
_final("litigation.administrative.concluded", "审结行政诉讼案件", ADMIN, ())
_final("litigation.administrative.settled", "行政诉讼调解撤诉", ADMIN & SETTLED, ())
ratio(
    "litigation.withdrawal_rate", "行政诉讼调撤率", part="litigation.administrative.settled",
    whole="litigation.administrative.concluded", phrases=("调撤率",),
)  # fmt: skip


tally(
    "litigation.hearings", "行政诉讼开庭", "次", model=Hearing, on="held_on", org_field="case__org",
    where=Q(case__kind=CaseKind.ADMINISTRATIVE), phrases=("开庭审理",),
)  # fmt: skip


tally(
    "litigation.hearings.head_appeared", "行政负责人出庭", "次", model=Hearing, on="held_on", org_field="case__org",
    where=Q(case__kind=CaseKind.ADMINISTRATIVE, head_appeared=True),
)  # fmt: skip
ratio(
    "litigation.appearance_rate", "行政负责人出庭率", part="litigation.hearings.head_appeared",
    whole="litigation.hearings", phrases=("出庭率", "负责人出庭率"),
)  # fmt: skip


def _replied_or_past_due() -> Q:
    """Cases whose reply date has come: replied, or the date passed (a function: today moves)."""
    return Q(replied_on__isnull=False) | Q(reply_due__lt=today())


tally(
    "litigation.replies_due", "到期答辩（答复）", "件", model=Case, on="reply_due", where=_replied_or_past_due
)
# Replied on or before the date (so replied: among those due whatever today is).
tally(
    "litigation.replies_on_time", "按期答辩（答复）", "件", model=Case, on="reply_due",
    where=Q(replied_on__lte=F("reply_due")), phrases=("均按期答复", "准时答复"),
)  # fmt: skip
ratio(
    "litigation.replies_on_time_rate", "按期答复率", part="litigation.replies_on_time",
    whole="litigation.replies_due", phrases=("按期答辩率",),
)  # fmt: skip


_final("litigation.lost", "行政诉讼败诉", Q(outcome=LitigationOutcome.LOST), ("败诉", "行政败诉案件"))
_final("litigation.corrected", "行政复议纠错", Q(outcome=LitigationOutcome.CORRECTED), ("复议纠错",))


_final("litigation.public.concluded", "审结行政复议和行政诉讼案件", PUBLIC, ())
_final(
    "litigation.public.corrected", "行政行为被纠错", PUBLIC & Q(outcome__in=(LitigationOutcome.CORRECTED, LitigationOutcome.LOST)),
    (),
)  # fmt: skip
ratio(
    "litigation.correction_rate", "纠错率", part="litigation.public.corrected", whole="litigation.public.concluded",
    phrases=("被纠错率", "行政行为被纠错率"),
)  # fmt: skip


def documents(orgs, start, end):
    return CaseDocument.objects.filter(case__org__in=orgs, received_on__gte=start, received_on__lte=end)


for _kind in LitigationDocumentKind:
    tally(
        f"litigation.documents.{_kind.value}", f"收到{_kind.label}", "份", model=CaseDocument, on="received_on",
        org_field="case__org", where=Q(kind=_kind), phrases=(f"{_kind.label}",),
    )  # fmt: skip


# 五常 2024 lists 判决书, 调解书, 复议决定书, 协助执行通知书 and 律师函 and puts the rest under 其他文书43份: its
# 准予撤诉裁定书 (14) with the notices and summonses (29). The copies of complaints and applications open a
# case rather than answer one, and are not in that list.
tally(
    "litigation.documents.rest", "收到其他文书（含裁定书）", "份", model=CaseDocument, on="received_on",
    org_field="case__org",
    where=Q(kind__in=(LitigationDocumentKind.RULING, LitigationDocumentKind.OTHER)),
)  # fmt: skip


_documents_by_kind = counted_by(documents, "kind")
_cases_by_kind = counted_by(received_cases, "kind")
_outcomes = counted_by(finally_concluded, "outcome")


@breakdown("litigation.documents.by_kind", "收到法律文书（按类别）", "份")
def documents_by_kind(orgs, start, end):
    labels = dict(LitigationDocumentKind.choices)
    counted = dict(_documents_by_kind(orgs, start, end))
    return {labels[k]: counted[k] for k in LitigationDocumentKind.values if counted.get(k)}


@breakdown("litigation.cases.by_kind", "诉讼案件（按类别）", "起")
def cases_by_kind(orgs, start, end):
    counted = dict(_cases_by_kind(orgs, start, end))
    return {label: counted[k] for k, label in CaseKind.choices if counted.get(k)}


@breakdown("litigation.outcomes", "审结案件（按结果）", "起")
def outcomes(orgs, start, end):
    counted = dict(_outcomes(orgs, start, end))
    return {label: counted[k] for k, label in LitigationOutcome.choices if counted.get(k)}


tally(
    "litigation.analysis_meetings", "涉诉案件分析会", "场", model=AnalysisMeeting, on="held_on",
    phrases=("开展涉诉案件分析会",),
)  # fmt: skip
# 观澜 2024 counts them apart: "开展涉诉案件分析会5场、年度涉诉案件总结分析会1场".
tally(
    "litigation.analysis_meetings.regular", "涉诉案件分析会（不含年度总结）", "场", model=AnalysisMeeting,
    on="held_on", where=Q(annual_review=False),
    rest_of=("litigation.analysis_meetings", "litigation.analysis_meetings.annual"),
)  # fmt: skip
tally(
    "litigation.analysis_meetings.annual", "年度涉诉案件总结分析会", "场", model=AnalysisMeeting, on="held_on",
    where=Q(annual_review=True), phrases=("涉诉案件总结分析会",),
)  # fmt: skip


key_figures("litigation.cases", "litigation.withdrawal_rate", "litigation.appearance_rate")
trend_figures("litigation.cases")
better_when_higher(
    "litigation.withdrawal_rate", "litigation.appearance_rate", "litigation.replies_on_time_rate"
)
# More lawsuits against the office is no achievement; the rates above are the exception.
better_when_lower("litigation.")
