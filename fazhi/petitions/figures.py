"""Figures of the petitions ledger, declared in the figure registry (codes of NEXT-LEDGERS.md §1.4).

Counting rules: a record counts for the units ``orgs`` when its owner unit is one of them.
- Petitions count by the day received (收到日期). 接访 counts visits (来访): one record is one batch (批) of
  visitors, and persons add up the visitors of the batches; letters, online and phone petitions count
  among the petitions received (件), not among the batches received in person.
- Demands received count by 受理日期; resolved and handled demands by 办结日期; the channel figures
  (网站留言, 网民问政) count the channel's demands received.
- 居民议事会 count by the day held; topics are the topics raised and discussed there.
"""

from django.db.models import Q

from fazhi.figures.aggregate import counted_by
from fazhi.figures.registry import (
    better_when_higher,
    better_when_lower,
    breakdown,
    key_figures,
    tally,
    trend_figures,
)

from .models import HANDLED, Channel, CitizenDemand, Form, Petition, ResidentCouncil


def petitions(orgs, start, end):
    return Petition.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


def demands(orgs, start, end):
    return CitizenDemand.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


VISIT = Q(form=Form.VISIT)
DONE = Q(status=HANDLED)


def _petitions(code, label, unit, where=None, **more):
    tally(code, label, unit, model=Petition, on="received_on", where=where, **more)


def _demands(code, label, unit, where=None, **more):
    tally(code, label, unit, model=CitizenDemand, on="received_on", where=where, **more)


def _handled(code, label, unit, where=DONE, **more):
    tally(code, label, unit, model=CitizenDemand, on="handled_on", where=where, **more)


def _councils(code, label, unit, **more):
    tally(code, label, unit, model=ResidentCouncil, on="held_on", **more)


_petitions("petitions.batches", "接访群众", "批", VISIT, phrases=("接访群众", "来访群众", "信访批次"))
_petitions(
    "petitions.leader_batches",
    "领导接访日接访群众",
    "批",
    VISIT & Q(leader_reception=True),
    phrases=("大接访",),
)
_petitions("petitions.persons", "接访群众人次", "人次", VISIT, total="persons")
_petitions("petitions.group", "集体访", "批", VISIT & Q(is_group=True))
_petitions("petitions.received", "受理信访事项", "件", phrases=("信访事项",))
tally("petitions.opinions", "出具信访处理意见书", "件", model=Petition, on="opinion_on")
_demands("demands.received", "受理群众诉求", "件", phrases=("收集民情民意", "民生诉求受理"))
_handled(
    "demands.resolved",
    "解决民生诉求",
    "件",
    DONE & Q(resolved=True),
    phrases=("解决民生诉求", "解决群众诉求"),
)
_handled("demands.handled", "办结群众诉求", "件")
_demands(
    "demands.online_questions", "网民问政", "宗", Q(channel=Channel.ONLINE_QUESTION), phrases=("网民问政",)
)
_demands("demands.web_messages", "网站留言", "条", Q(channel=Channel.WEB_MESSAGE), phrases=("网站留言",))
_councils("council.meetings", "召开居民议事会", "场", phrases=("居民议事会",))
_councils("council.topics", "讨论解决议题", "条", total="topics_raised", phrases=("议事会议题",))
_councils("council.topics_resolved", "议事会解决议题", "条", total="topics_resolved")


_by_form = counted_by(petitions, "form", order=("-n", "form"))
_by_channel = counted_by(demands, "channel", order=("-n", "channel"))


@breakdown("petitions.batches.by_form", "接访群众（按信访形式）", "批")
def batches_by_form(orgs, start, end):
    labels = dict(Form.choices)
    return {labels.get(code, code): n for code, n in _by_form(orgs, start, end)}


@breakdown("demands.received.by_channel", "受理群众诉求（按来源渠道）")
def demands_by_channel(orgs, start, end):
    labels = dict(Channel.choices)
    return {labels.get(code, code): n for code, n in _by_channel(orgs, start, end)}


key_figures("petitions.batches", "demands.received", "demands.resolved")
trend_figures("petitions.batches", "demands.received")
better_when_lower("petitions.")  # fewer petitions to the office: matters settled where they arise
better_when_higher("demands.resolved")
