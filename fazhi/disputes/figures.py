"""Figures of the dispute ledger, declared in the figure registry.

Counting rule (the same for every figure here): a dispute counts for the units ``orgs`` when its
current handling unit (``org``, the unit it was last dispatched to) is one of them.
- Intake figures (received, persons, amounts involved, group disputes, by unit kind/type/channel,
  dispatched) count disputes whose **received date** (受理日期) lies in the period.
- Outcome figures (closed, mediated successfully, amount recovered, 警民联调/心理服务 participation,
  dispatched-and-closed) count disputes whose **conclusion date** (办结日期) lies in the period,
  whatever their received date — a dispute received in December and settled in January counts
  as received in one year and settled in the next.
- The success rate is mediated successfully ÷ received in the same period, in per cent.
"""

from django.db.models import Q

from fazhi.figures.aggregate import counted_by
from fazhi.figures.registry import (
    better_when_higher,
    breakdown,
    key_figures,
    ratio,
    shared,
    tally,
    trend_figures,
)
from fazhi.orgs.models import Kind

from .models import STATES, SUCCESS, Channel, Dispatch, Dispute

CLOSED = Q(status__in=STATES.closed)
# Conditions on other tables are uncorrelated IN (…) subqueries: both databases build the set once per query,
# where a correlated EXISTS runs once per row of every figure that uses it (most of the query's time).
DISPATCHED = Q(pk__in=Dispatch.objects.values("dispute"))


def received(orgs, start, end):
    return Dispute.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


def _with_unit_of_kind(kind: str) -> Q:
    """Handled by a unit of ``kind`` or with one of them among the assisting units (参与化解)."""
    assisted = Dispute.assisting_units.through.objects.filter(organisation__kind=kind).values("dispute")
    return Q(org__kind=kind) | Q(pk__in=assisted)


def _received(code, label, unit="件", where=None, **more):
    tally(code, label, unit, model=Dispute, on="received_on", where=where, **more)


def _concluded(code, label, unit="件", where=CLOSED, **more):
    tally(code, label, unit, model=Dispute, on="concluded_on", where=where, **more)


_received("disputes.received", "接收矛盾纠纷", phrases=("受理矛盾纠纷", "共接收矛盾纠纷", "共受理矛盾纠纷"))
_concluded("disputes.closed", "办结矛盾纠纷", phrases=("矛盾纠纷办结",))
_concluded("disputes.mediated_success", "调解成功", where=Q(status=SUCCESS), phrases=("成功调解", "调处成功"))
ratio("disputes.success_rate", "调解成功率", part="disputes.mediated_success", whole="disputes.received")
# Not "涉及人数/涉及金额": "involved" says only that it belongs to the figure before it (西乡's 劳资
# group: "涉及员工1013人,涉及金额约2073.7万元"), not that it is every received dispute's total.
_received("disputes.persons_involved", "涉案人数", "人", total="persons_involved")
_received("disputes.amount_involved", "涉案金额", "元", total="amount_involved")
_concluded(
    "disputes.amount_recovered", "挽回经济损失", "元", where=Q(status=SUCCESS), total="amount_recovered",
    phrases=("挽回损失",),
)  # fmt: skip
_received(
    "disputes.group_disputes",
    "群体性纠纷",
    where=Q(is_group=True),
    phrases=("群体性矛盾纠纷", "重大劳资纠纷"),
)
# The persons of the group disputes, summed over the disputes (one person in two of them counts twice): the
# 人次 of 五常 2024's "群体性矛盾纠纷，涉及1000余人次".
_received(
    "disputes.group_persons", "群体性纠纷涉及人次", "人次", where=Q(is_group=True), total="persons_involved"
)
_received(
    "disputes.received.street_committee", "街道调委会调处", where=Q(org__kind=Kind.STREET_COMMITTEE),
    phrases=("街道人民调解委员会调处",),
)  # fmt: skip
_received(
    "disputes.received.community_committee", "社区调委会调处", where=Q(org__kind=Kind.COMMUNITY_COMMITTEE),
    phrases=("各社区调委会调处",),
)  # fmt: skip
_concluded(
    "disputes.police_joint", "警民联调工作室化解", where=Q(status=SUCCESS) & _with_unit_of_kind(Kind.POLICE_JOINT),
    phrases=("警民联调工作室",),
)  # fmt: skip
_concluded(
    "disputes.psych_service", "心理服务参与化解", "宗", where=Q(status=SUCCESS) & _with_unit_of_kind(Kind.PSYCH_SERVICE),
    phrases=("参与协助化解矛盾纠纷", "心理服务"),
)  # fmt: skip
# Disputes received in the period that a 驿站 handled or joined (参与化解), whatever their outcome.
_received(
    "disputes.legal_station", "公共法律服务驿站参与调解", "起", where=_with_unit_of_kind(Kind.LEGAL_STATION),
    phrases=("驿站参与矛盾纠纷调解", "公共法律服务驿站参与矛盾纠纷调解"),  # longer than 社区公共法律服务驿站 (五常)
)  # fmt: skip
_received("disputes.dispatched", "委派", "宗", where=Q(DISPATCHED), phrases=("委派矛盾纠纷", "分派矛盾纠纷"))
_concluded(
    "disputes.dispatched_closed", "委派纠纷办结", "宗", where=CLOSED & Q(DISPATCHED), phrases=("委派办结",)
)


# --- breakdowns: {label: number}, in the order to show -------------------------------------------


# The disputes received in the period counted by every field a breakdown splits them by, in one query: the
# four breakdowns of the dashboard read the same rows once (issue 21).
_received_counts = counted_by(received, "org__kind", "org__name", "dispute_type__name", "channel")
_received_counts_once = shared(_received_counts)
UNIT_KIND, UNIT, TYPE, CHANNEL = range(4)


def _received_by(position: int, orgs, start, end) -> list[tuple]:
    """(value of the field at ``position``, count) pairs, the most first, equal counts by the value."""
    totals: dict = {}
    for row in _received_counts_once(orgs, start, end):
        totals[row[position]] = totals.get(row[position], 0) + row[-1]
    return sorted(totals.items(), key=lambda pair: (-pair[1], pair[0] is None, str(pair[0])))


@breakdown("disputes.received.by_unit_kind", "接收矛盾纠纷（按承办单位类型）")
def received_by_unit_kind(orgs, start, end):
    labels = dict(Kind.choices)
    return {labels.get(k, k): n for k, n in _received_by(UNIT_KIND, orgs, start, end)}


@breakdown("disputes.received.by_type", "接收矛盾纠纷（按纠纷类型）")
def received_by_type(orgs, start, end):
    return dict(_received_by(TYPE, orgs, start, end))


@breakdown("disputes.received.by_channel", "接收矛盾纠纷（按来源渠道）")
def received_by_channel(orgs, start, end):
    labels = dict(Channel.choices)
    return {labels.get(k, k): n for k, n in _received_by(CHANNEL, orgs, start, end)}


@breakdown("disputes.received.by_unit", "接收矛盾纠纷（按承办单位）")
def received_by_unit(orgs, start, end):
    return dict(_received_by(UNIT, orgs, start, end))


key_figures(
    "disputes.received", "disputes.mediated_success", "disputes.success_rate", "disputes.amount_recovered"
)
trend_figures("disputes.received", "disputes.mediated_success")
better_when_higher("disputes.mediated_success", "disputes.success_rate", "disputes.amount_recovered")
