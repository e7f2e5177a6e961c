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

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum

from fazhi.figures.registry import breakdown, figure, key_figures, trend_figures
from fazhi.orgs.models import Kind

from .models import STATES, SUCCESS, Channel, Dispute


def received(orgs, start, end):
    return Dispute.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


def concluded(orgs, start, end):
    return Dispute.objects.filter(
        org__in=orgs, status__in=STATES.closed, concluded_on__gte=start, concluded_on__lte=end
    )


def succeeded(orgs, start, end):
    return concluded(orgs, start, end).filter(status=SUCCESS)


def _sum(queryset, field) -> Decimal:
    return queryset.aggregate(total=Sum(field))["total"] or Decimal("0")


def _with_unit_of_kind(queryset, kind: str):
    """Handled by a unit of ``kind`` or with one of them among the assisting units (参与化解)."""
    return queryset.filter(Q(org__kind=kind) | Q(assisting_units__kind=kind)).distinct()


@figure(
    "disputes.received", "接收矛盾纠纷", "件", phrases=("受理矛盾纠纷", "共接收矛盾纠纷", "共受理矛盾纠纷")
)
def received_count(orgs, start, end):
    return received(orgs, start, end).count()


@figure("disputes.closed", "办结矛盾纠纷", "件", phrases=("矛盾纠纷办结",))
def closed_count(orgs, start, end):
    return concluded(orgs, start, end).count()


@figure("disputes.mediated_success", "调解成功", "件", phrases=("成功调解", "调处成功"))
def success_count(orgs, start, end):
    return succeeded(orgs, start, end).count()


@figure("disputes.success_rate", "调解成功率", "%")
def success_rate(orgs, start, end):
    total = received_count(orgs, start, end)
    if not total:
        return None
    rate = Decimal(success_count(orgs, start, end) * 100) / Decimal(total)
    return rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@figure("disputes.persons_involved", "涉案人数", "人", phrases=("涉及人数",))
def persons_involved(orgs, start, end):
    return received(orgs, start, end).aggregate(total=Sum("persons_involved"))["total"] or 0


@figure("disputes.amount_involved", "涉案金额", "元", phrases=("涉及金额",))
def amount_involved(orgs, start, end):
    return _sum(received(orgs, start, end), "amount_involved")


@figure("disputes.amount_recovered", "挽回经济损失", "元", phrases=("挽回损失",))
def amount_recovered(orgs, start, end):
    return _sum(succeeded(orgs, start, end), "amount_recovered")


@figure("disputes.group_disputes", "群体性纠纷", "件", phrases=("群体性矛盾纠纷", "重大劳资纠纷"))
def group_disputes(orgs, start, end):
    return received(orgs, start, end).filter(is_group=True).count()


@figure("disputes.received.street_committee", "街道调委会调处", "件", phrases=("街道人民调解委员会调处",))
def by_street_committee(orgs, start, end):
    return received(orgs, start, end).filter(org__kind=Kind.STREET_COMMITTEE).count()


@figure("disputes.received.community_committee", "社区调委会调处", "件", phrases=("各社区调委会调处",))
def by_community_committees(orgs, start, end):
    return received(orgs, start, end).filter(org__kind=Kind.COMMUNITY_COMMITTEE).count()


@figure("disputes.police_joint", "警民联调工作室化解", "件", phrases=("警民联调工作室",))
def police_joint(orgs, start, end):
    return _with_unit_of_kind(succeeded(orgs, start, end), Kind.POLICE_JOINT).count()


@figure("disputes.psych_service", "心理服务参与化解", "宗", phrases=("参与协助化解矛盾纠纷", "心理服务"))
def psych_service(orgs, start, end):
    return _with_unit_of_kind(succeeded(orgs, start, end), Kind.PSYCH_SERVICE).count()


@figure("disputes.legal_station", "公共法律服务驿站参与调解", "起", phrases=("驿站参与矛盾纠纷调解",))
def legal_station(orgs, start, end):
    """Disputes received in the period that a 驿站 handled or joined (参与化解), whatever their outcome."""
    return _with_unit_of_kind(received(orgs, start, end), Kind.LEGAL_STATION).count()


@figure("disputes.dispatched", "委派", "宗", phrases=("委派矛盾纠纷", "分派矛盾纠纷"))
def dispatched(orgs, start, end):
    return received(orgs, start, end).filter(dispatches__isnull=False).distinct().count()


@figure("disputes.dispatched_closed", "委派纠纷办结", "宗", phrases=("委派办结",))
def dispatched_closed(orgs, start, end):
    return concluded(orgs, start, end).filter(dispatches__isnull=False).distinct().count()


# --- breakdowns: {label: number}, in the order to show -------------------------------------------


def _count_by(queryset, field: str) -> dict:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by("-n", field))


@breakdown("disputes.received.by_unit_kind", "接收矛盾纠纷（按承办单位类型）")
def received_by_unit_kind(orgs, start, end):
    labels = dict(Kind.choices)
    return {labels.get(k, k): n for k, n in _count_by(received(orgs, start, end), "org__kind").items()}


@breakdown("disputes.received.by_type", "接收矛盾纠纷（按纠纷类型）")
def received_by_type(orgs, start, end):
    return _count_by(received(orgs, start, end), "dispute_type__name")


@breakdown("disputes.received.by_channel", "接收矛盾纠纷（按来源渠道）")
def received_by_channel(orgs, start, end):
    labels = dict(Channel.choices)
    return {labels.get(k, k): n for k, n in _count_by(received(orgs, start, end), "channel").items()}


@breakdown("disputes.received.by_unit", "接收矛盾纠纷（按承办单位）")
def received_by_unit(orgs, start, end):
    return _count_by(received(orgs, start, end), "org__name")


key_figures(
    "disputes.received", "disputes.mediated_success", "disputes.success_rate", "disputes.amount_recovered"
)
trend_figures("disputes.received", "disputes.mediated_success")
