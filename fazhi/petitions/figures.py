"""Figures of the petitions ledger, declared in the figure registry (codes of NEXT-LEDGERS.md §1.4).

Counting rules: a record counts for the units ``orgs`` when its owner unit is one of them.
- Petitions count by the day received (收到日期). 接访 counts visits (来访): one record is one batch (批) of
  visitors, and persons add up the visitors of the batches; letters, online and phone petitions count
  among the petitions received (件), not among the batches received in person.
- Demands received count by 受理日期; resolved and handled demands by 办结日期; the channel figures
  (网站留言, 网民问政) count the channel's demands received.
- 居民议事会 count by the day held; topics are the topics raised and discussed there.
"""

from django.db.models import Count, Sum

from fazhi.figures.registry import breakdown, figure, key_figures, trend_figures

from .models import HANDLED, Channel, CitizenDemand, Form, Petition, ResidentCouncil


def petitions(orgs, start, end):
    return Petition.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


def demands(orgs, start, end):
    return CitizenDemand.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)


def handled(orgs, start, end):
    return CitizenDemand.objects.filter(
        org__in=orgs, status=HANDLED, handled_on__gte=start, handled_on__lte=end
    )


def councils(orgs, start, end):
    return ResidentCouncil.objects.filter(org__in=orgs, held_on__gte=start, held_on__lte=end)


def visits(orgs, start, end):
    return petitions(orgs, start, end).filter(form=Form.VISIT)


@figure("petitions.batches", "接访群众", "批", phrases=("接访群众", "来访群众", "信访批次"))
def batches(orgs, start, end):
    return visits(orgs, start, end).count()


@figure("petitions.leader_batches", "领导接访日接访群众", "批", phrases=("大接访",))
def leader_batches(orgs, start, end):
    return visits(orgs, start, end).filter(leader_reception=True).count()


@figure("petitions.persons", "接访群众人次", "人次")
def persons(orgs, start, end):
    return visits(orgs, start, end).aggregate(total=Sum("persons"))["total"] or 0


@figure("petitions.group", "集体访", "批")
def group(orgs, start, end):
    return visits(orgs, start, end).filter(is_group=True).count()


@figure("petitions.received", "受理信访事项", "件", phrases=("信访事项",))
def received(orgs, start, end):
    return petitions(orgs, start, end).count()


@figure("petitions.opinions", "出具信访处理意见书", "件")
def opinions(orgs, start, end):
    return Petition.objects.filter(org__in=orgs, opinion_on__gte=start, opinion_on__lte=end).count()


@figure("demands.received", "受理群众诉求", "件", phrases=("收集民情民意", "民生诉求受理"))
def demands_received(orgs, start, end):
    return demands(orgs, start, end).count()


@figure("demands.resolved", "解决民生诉求", "件", phrases=("解决民生诉求", "解决群众诉求"))
def demands_resolved(orgs, start, end):
    return handled(orgs, start, end).filter(resolved=True).count()


@figure("demands.handled", "办结群众诉求", "件")
def demands_handled(orgs, start, end):
    return handled(orgs, start, end).count()


@figure("demands.online_questions", "网民问政", "宗", phrases=("网民问政",))
def online_questions(orgs, start, end):
    return demands(orgs, start, end).filter(channel=Channel.ONLINE_QUESTION).count()


@figure("demands.web_messages", "网站留言", "条", phrases=("网站留言",))
def web_messages(orgs, start, end):
    return demands(orgs, start, end).filter(channel=Channel.WEB_MESSAGE).count()


@figure("council.meetings", "召开居民议事会", "场", phrases=("居民议事会",))
def council_meetings(orgs, start, end):
    return councils(orgs, start, end).count()


@figure("council.topics", "讨论解决议题", "条", phrases=("议事会议题",))
def council_topics(orgs, start, end):
    return councils(orgs, start, end).aggregate(total=Sum("topics_raised"))["total"] or 0


@figure("council.topics_resolved", "议事会解决议题", "条")
def council_topics_resolved(orgs, start, end):
    return councils(orgs, start, end).aggregate(total=Sum("topics_resolved"))["total"] or 0


def _count_by(queryset, field: str, labels: dict) -> dict:
    rows = queryset.values_list(field).annotate(n=Count("pk")).order_by("-n", field)
    return {labels.get(code, code): n for code, n in rows}


@breakdown("petitions.batches.by_form", "接访群众（按信访形式）", "批")
def batches_by_form(orgs, start, end):
    return _count_by(petitions(orgs, start, end), "form", dict(Form.choices))


@breakdown("demands.received.by_channel", "受理群众诉求（按来源渠道）")
def demands_by_channel(orgs, start, end):
    return _count_by(demands(orgs, start, end), "channel", dict(Channel.choices))


key_figures("petitions.batches", "demands.received", "demands.resolved")
trend_figures("petitions.batches", "demands.received")
