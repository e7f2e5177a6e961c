"""Figures of the disclosure ledger: every number of tables 三 and 四 of the 政府信息公开工作年度报告 has
a code, counted by ``table.py`` (its docstring states the counting rule), so the yearly report's table,
the dashboards and the 法治政府建设年度报告's 政务公开 sentence say the same.

Codes: disclosure.received (and .received.<applicant kind>), .carried_in, .replied (总计), the outcome
groups .replied.public / .partial / .withheld / .unavailable / .refused / .other and each reason under them
.replied.<outcome>, .carried_over; table 四 .cases.<reconsideration|direct|after_reconsideration>[.<result>],
.reconsideration and .litigation; and the handling figures .replied_late, .on_time_rate, .corrections,
.consultations, .extensions.

主动公开 (the postings log, table 二): disclosure.postings (published in the period) and
.postings.<kind> by kind (工作动态, 通知公告, 财政审计文件, 政策解读 …, what the 法治政府建设 report quotes);
table 二's cells .documents.<rule|normative>.<issued|repealed|in_force>, .decisions.<licence|penalty|coercion>
and .fees (万元); .postings.late (published after the 20 工作日 of 条例第二十六条).
"""

from django.db.models import Count, F, Q

from fazhi.figures.aggregate import Precompiled, counted_by
from fazhi.figures.registry import (
    Figure,
    better_when_higher,
    better_when_lower,
    breakdown,
    declare,
    derived,
    figure,
    key_figures,
    percent,
    shared,
    tally,
    trend_figures,
)

from .models import (
    DECISION_KINDS,
    DOCUMENT_KINDS,
    OUTCOME_GROUPS,
    Consultation,
    DisclosureRequest,
    Outcome,
    Posting,
    PostingKind,
    outcome_group,
)
from .table import (
    CASE_GROUPS,
    COLUMN_LABELS,
    COLUMNS,
    RESULT_COLUMNS,
    by_outcome_and_kind,
    carried_in_q,
    carried_over_q,
    in_force_counts,
    received_q,
    table_four,
)


def _requests(orgs):
    return DisclosureRequest.objects.filter(org__in=orgs)


def _request(code, label, on, where=None, phrases=()):
    """Requests by one of their dates: counted with the others of that date in one query."""
    tally(code, label, "件", model=DisclosureRequest, on=on, where=where, phrases=phrases)


_request(
    "disclosure.received", "本年新收政府信息公开申请", "received_on",
    phrases=("收到政府信息公开申请", "新收政府信息公开申请"),
)  # fmt: skip


_carried_query = Precompiled(
    lambda orgs, start, end: (
        _requests(orgs),
        {
            "carried_in": Count("pk", filter=carried_in_q(start)),
            "carried_over": Count("pk", filter=carried_over_q(end)),
        },
    )
)


@shared
def _carried(orgs, start, end) -> dict:
    """上年结转 and 结转下年度 in one query (requests open across the period's first or last day)."""
    return _carried_query(orgs, start, end)


@figure("disclosure.carried_in", "上年结转政府信息公开申请", "件")
def carried_in(orgs, start, end):
    return _carried(orgs, start, end)["carried_in"]


_request(
    "disclosure.replied",
    "办结政府信息公开申请",
    "replied_on",
    phrases=("答复政府信息公开申请", "办理政府信息公开申请"),
)


@figure("disclosure.carried_over", "结转下年度继续办理", "件")
def carried_over(orgs, start, end):
    return _carried(orgs, start, end)["carried_over"]


for _group, _label in OUTCOME_GROUPS:
    _members = [o.value for o in Outcome if outcome_group(o.value) == _group]
    _request(
        f"disclosure.replied.{_group}", f"政府信息公开申请{_label}", "replied_on", Q(outcome__in=_members)
    )
    if len(_members) > 1:
        for _outcome in _members:
            _name = f"政府信息公开申请{Outcome(_outcome).label}"
            _request(f"disclosure.replied.{_outcome}", _name, "replied_on", Q(outcome=_outcome))


for _kind in COLUMNS:
    _request(
        f"disclosure.received.{_kind}",
        f"新收申请（{COLUMN_LABELS[_kind]}）",
        "received_on",
        Q(applicant_kind=_kind),
    )


_table_four = shared(table_four)  # one table for the 21 figures that each take a cell of it


def _cases(groups, result=None):
    def compute(orgs, start, end):
        table = _table_four(orgs, start, end)
        return sum(table[g][result or "total"] for g in groups)

    return compute


_GROUP_LABELS = dict(CASE_GROUPS)
for _group, _label in CASE_GROUPS:
    declare(Figure(f"disclosure.cases.{_group}", f"政府信息公开{_label}", "件", _cases([_group])))
    for _result, _result_label in RESULT_COLUMNS:
        declare(
            Figure(
                f"disclosure.cases.{_group}.{_result}",
                f"政府信息公开{_label}（{_result_label}）",
                "件",
                _cases([_group], _result),
            )
        )
declare(Figure("disclosure.reconsideration", "因政府信息公开申请行政复议", "件", _cases(["reconsideration"])))
declare(
    Figure(
        "disclosure.litigation",
        "因政府信息公开提起行政诉讼",
        "件",
        _cases(["direct", "after_reconsideration"]),
    )
)


_request("disclosure.replied_late", "逾期答复政府信息公开申请", "replied_on", Q(replied_on__gt=F("due_date")))


def _on_time(replied, late):
    return percent(replied - late, replied)


derived(
    "disclosure.on_time_rate", "政府信息公开申请按期答复率", "%", parts=("disclosure.replied", "disclosure.replied_late"),
    combine=_on_time, phrases=("按期答复率",),
)  # fmt: skip
_request("disclosure.corrections", "告知补正", "correction_requested_on")
tally(
    "disclosure.consultations", "征求第三方和其他机关意见", "次", model=Consultation, on="sent_on",
    org_field="request__org",
)  # fmt: skip
_request("disclosure.extensions", "延长答复期限", "extension_approved_on")


_received_by_kind = counted_by(
    lambda orgs, start, end: _requests(orgs).filter(received_q(start, end)), "applicant_kind"
)


@breakdown("disclosure.received.by_applicant_kind", "新收政府信息公开申请（按申请人类别）")
def received_by_applicant_kind(orgs, start, end):
    counts = dict(_received_by_kind(orgs, start, end))
    return {COLUMN_LABELS[k]: counts[k] for k in COLUMN_LABELS if counts.get(k)}


@breakdown("disclosure.replied.by_outcome", "政府信息公开申请办理结果")
def replied_by_outcome(orgs, start, end):
    counts = by_outcome_and_kind(orgs, start, end)
    groups = dict(OUTCOME_GROUPS)
    totals: dict[str, int] = {}
    for (outcome, _), n in counts.items():
        label = groups[outcome_group(outcome)]
        totals[label] = totals.get(label, 0) + n
    return totals


# --- 主动公开 -----------------------------------------------------------------------------------------


tally(
    "disclosure.postings", "主动公开政府信息", "条", model=Posting, on="published_on",
    phrases=("主动公开政府信息", "主动公开信息"),
)  # fmt: skip
_POSTING_UNITS = {PostingKind.NEWS: "篇", PostingKind.NOTICE: "篇", PostingKind.FINANCE: "篇",
                  PostingKind.INTERPRETATION: "篇"}  # fmt: skip
for _kind, _label in PostingKind.choices:
    tally(
        f"disclosure.postings.{_kind}", f"主动公开{_label}", _POSTING_UNITS.get(_kind, "条"), model=Posting,
        on="published_on", where=Q(kind=_kind), phrases=(_label,) if _kind in _POSTING_UNITS else (),
    )  # fmt: skip


_in_force_by_kind = shared(lambda orgs, start, end: in_force_counts(orgs, end))


def _in_force(kind):
    """现行有效 at the period's end: a stock, not a count of the period's rows (no tally says it)."""
    return lambda orgs, start, end: _in_force_by_kind(orgs, start, end)[kind]


# Table 二 of the 政府信息公开工作年度报告: 本年制发 and 本年废止 are the period's rows of a kind, dated by when the
# document was made or repealed; 本年处理决定数量 is the sum of the decisions each posting of a kind states.
for _kind in sorted(DOCUMENT_KINDS):
    _label = PostingKind(_kind).label
    for _part, _name, _on in (("issued", "本年制发", "formed_on"), ("repealed", "本年废止", "repealed_on")):
        tally(
            f"disclosure.documents.{_kind}.{_part}", f"{_label}（{_name}）", "件", model=Posting, on=_on,
            where=Q(kind=_kind),
        )  # fmt: skip
    declare(Figure(f"disclosure.documents.{_kind}.in_force", f"{_label}（现行有效）", "件", _in_force(_kind)))
for _kind in sorted(DECISION_KINDS):
    tally(
        f"disclosure.decisions.{_kind}", f"公开{PostingKind(_kind).label}", "件", model=Posting, on="formed_on",
        where=Q(kind=_kind), total="decisions",
    )  # fmt: skip


tally(
    "disclosure.fees", "行政事业性收费金额", "万元", model=Posting, on="formed_on", where=Q(kind=PostingKind.FEE),
    total="fee_amount",
)  # fmt: skip


tally(
    "disclosure.postings.late", "逾期主动公开", "条", model=Posting, on="published_on",
    where=Q(published_on__gt=F("due_date")),
)  # fmt: skip


key_figures("disclosure.received", "disclosure.on_time_rate")
trend_figures("disclosure.received")
better_when_higher("disclosure.on_time_rate")
# 复议 and 诉讼 over the office's disclosure replies, and their parts: more of them is no achievement.
better_when_lower("disclosure.reconsideration", "disclosure.litigation", "disclosure.cases.")
