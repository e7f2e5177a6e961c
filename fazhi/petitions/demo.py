"""Demo petitions, citizen demands and 居民议事会. 观澜 reproduces its 2024 report: 接访群众5056批, of them 24批
on the leader's reception day (周四大接访); 收集民情民意 up 100% on 2023 and 解决民生诉求51件, up 50%; 居民议事会
135场, 议题334条. 西乡 2023 has its 办理街道网站留言478条、网民问政492宗. 五常 (whose report states none of
these) has a year of its own size, 2023 as its baseline and, in the current year, open petitions and
demands near or past their due dates. Written with bulk inserts, one audit entry per batch."""

import datetime
import random

from fazhi.dates import today
from fazhi.ledger.personal import id_check_char

from .bulk import NewPetition, insert_councils, insert_demands, insert_petitions
from .models import (
    ACCEPTED,
    ANSWERED,
    HANDLED,
    NOT_ACCEPTED,
    PENDING,
    RECEIVED,
    Channel,
    CitizenDemand,
    Decision,
    Form,
    Petition,
    Petitioner,
    ResidentCouncil,
    Result,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰建华海燕小红晓东文斌国庆"
MATTERS = {
    "征地拆迁": ("反映房屋征收补偿标准偏低，要求重新评估", "要求落实安置房交付时间"),
    "劳动社保": ("反映企业拖欠工资，要求协调支付", "咨询养老保险补缴政策"),
    "城乡建设": ("反映小区周边道路施工影响出行", "要求加装电梯协调"),
    "物业管理": ("反映物业服务不到位、公共收益不公开", "要求更换物业公司"),
    "环境保护": ("反映餐饮油烟扰民", "反映工地扬尘污染"),
    "邻里矛盾": ("反映邻居违规搭建影响采光", "反映楼上噪声长期扰民"),
}
DEMAND_CATEGORIES = {
    "市容环境": "小区门口垃圾堆放未及时清运",
    "道路交通": "社区道路坑洼，雨天积水",
    "噪声扰民": "夜间施工噪声影响休息",
    "物业管理": "电梯故障多次报修未修复",
    "公共设施": "路灯损坏，夜间出行不便",
    "劳动保障": "反映公司未按时发放工资",
}
COUNCIL_TOPICS = ("小区停车位规划", "加装电梯费用分摊", "垃圾分类投放点设置", "老旧小区改造方案", "楼道杂物清理",
                  "社区食堂运营", "电动车集中充电设施")  # fmt: skip
PETITION_UNITS = ("wuchang-xf", "wuchang-wy", "wuchang-yy", "wuchang-js", "wuchang-xx")
COMMUNITIES = ("wuchang-wy", "wuchang-yy", "wuchang-js", "wuchang-xx")


class Maker:
    def __init__(self, orgs, seed: int):
        self.rng = random.Random(seed)
        self.orgs = orgs

    def person_name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(
            self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2)))
        )

    def id_number(self) -> str:
        born = datetime.date(1945, 1, 1) + datetime.timedelta(days=self.rng.randrange(365 * 60))
        first = f"330110{born:%Y%m%d}{self.rng.randrange(1000):03d}"
        return first + id_check_char(first)

    def phone(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randrange((end - start).days + 1))

    def petition(
        self, unit: str, received_on, status: str, *, leader: str = "", until=None, form: str = ""
    ) -> NewPetition:
        r = self.rng
        category = r.choice(list(MATTERS))
        persons = r.choices((1, 2, 3, r.randint(5, 30)), (70, 18, 8, 4))[0]
        p = Petition(
            org=self.orgs[unit],
            status=status,
            form=form or r.choices(Form.values, (70, 12, 12, 6))[0],
            received_on=received_on,
            transferred_from="余杭区信访局" if r.random() < 0.08 else "",
            matter=r.choice(MATTERS[category]),
            category=category,
            persons=persons,
            is_group=persons >= 5,
            leader_reception=bool(leader),
            receiving_leader=leader,
        )
        if status != RECEIVED:
            p.decided_on = min(received_on + datetime.timedelta(days=r.randint(0, 10)), until or today())
            p.decision = Decision.REJECT if status == NOT_ACCEPTED else Decision.ACCEPT
            p.decision_note = (
                "不属于信访事项受理范围，已告知通过法定途径解决"
                if status == NOT_ACCEPTED
                else "已受理，书面告知信访人"
            )
        if status == ANSWERED:
            p.opinion_on = min(p.decided_on + datetime.timedelta(days=r.randint(3, 50)), until or today())
            p.opinion_result = r.choices(Result.values, (55, 30, 15))[0]
            p.opinion_text = "经调查核实，已向信访人出具处理意见书并做好解释工作。"
            if r.random() < 0.5:
                p.satisfaction = r.choices(("satisfied", "mostly", "unsatisfied"), (75, 20, 5))[0]
                p.evaluated_on = p.opinion_on
        parties = [Petitioner(name=self.person_name(), id_number=self.id_number(), phone=self.phone())]
        return NewPetition(p, parties)


def _year_of_petitions(
    maker: Maker, year: int, total: int, leader_batches: int, until=None, others: int = 0
) -> list[NewPetition]:
    """``total`` batches of visitors (``leader_batches`` of them on the leader's Thursday reception day) and
    ``others`` letters, online and phone petitions."""
    start, end = datetime.date(year, 1, 1), until or datetime.date(year, 12, 31)
    thursdays = [
        d
        for d in (start + datetime.timedelta(days=i) for i in range((end - start).days + 1))
        if d.weekday() == 3
    ]
    items = []
    for index in range(total):
        leader = index < leader_batches
        received_on = maker.rng.choice(thursdays) if leader else maker.day(start, end)
        status = NOT_ACCEPTED if maker.rng.random() < 0.06 else ANSWERED
        unit = "wuchang-xf" if leader or maker.rng.random() < 0.6 else maker.rng.choice(COMMUNITIES)
        items.append(
            maker.petition(
                unit, received_on, status, leader="吴主任" if leader else "", until=end, form=Form.VISIT
            )
        )
    for _ in range(others):
        form = maker.rng.choice((Form.LETTER, Form.ONLINE, Form.ONLINE, Form.PHONE))
        status = NOT_ACCEPTED if maker.rng.random() < 0.06 else ANSWERED
        items.append(maker.petition("wuchang-xf", maker.day(start, end), status, until=end, form=form))
    return items


def _open_petitions(maker: Maker, count: int) -> list[NewPetition]:
    """Open petitions of the last weeks: some awaiting the acceptance notice, most being handled, a few
    near or past their 15 or 60 日."""
    now = today()
    items = []
    for index in range(count):
        if index % 3 == 0:
            received_on = now - datetime.timedelta(days=maker.rng.randint(8, 18))
            items.append(maker.petition("wuchang-xf", received_on, RECEIVED))
        else:
            received_on = now - datetime.timedelta(days=maker.rng.randint(50, 70))
            items.append(maker.petition(maker.rng.choice(PETITION_UNITS), received_on, ACCEPTED, until=now))
    return items


def _recent_petitions(maker: Maker) -> list[NewPetition]:
    """Matters of the last days the board shows: transferred ones inside their 5 工作日 objection period, and an
    anonymous letter whose petitioner cannot be told (no acceptance-notice date is due)."""
    now = today()
    items = []
    for days in (1, 2, 4):
        item = maker.petition("wuchang-xf", now - datetime.timedelta(days=days), RECEIVED)
        item.petition.transferred_from = "余杭区信访局"
        items.append(item)
    letter = maker.petition("wuchang-xf", now - datetime.timedelta(days=20), RECEIVED, form=Form.LETTER)
    letter.petition.transferred_from = ""
    letter.petition.identity_unclear = True
    letter.parties[0].name, letter.parties[0].id_number, letter.parties[0].phone = "匿名", "", ""
    return [*items, letter]


def _demands(
    maker: Maker, year: int, counts: dict, resolved: int, until=None, prefix: str = ""
) -> list[CitizenDemand]:
    start, end = datetime.date(year, 1, 1), until or datetime.date(year, 12, 31)
    channels = [channel for channel, n in counts.items() for _ in range(n)]
    maker.rng.shuffle(channels)
    demands = []
    for index, channel in enumerate(channels):
        received_on = maker.day(start, end)
        category = maker.rng.choice(list(DEMAND_CATEGORIES))
        demands.append(
            CitizenDemand(
                org=maker.orgs["wuchang" if channel != Channel.DEPUTY else maker.rng.choice(COMMUNITIES)],
                status=HANDLED,
                channel=channel,
                external_number=f"{prefix}{channel[:2].upper()}{year}{index:06d}",
                received_on=received_on,
                category=category,
                content=DEMAND_CATEGORIES[category],
                due_date=received_on + datetime.timedelta(days=maker.rng.choice((5, 10, 15))),
                handled_on=min(received_on + datetime.timedelta(days=maker.rng.randint(0, 12)), end),
                reply="已联系诉求人，会同相关部门现场处置并答复。",
                resolved=index < resolved,
                satisfied=maker.rng.random() < 0.92 if index < resolved else None,
            )
        )
    return demands


def _open_demands(maker: Maker, count: int) -> list[CitizenDemand]:
    now = today()
    demands = []
    for index in range(count):
        received_on = now - datetime.timedelta(days=maker.rng.randint(2, 20))
        category = maker.rng.choice(list(DEMAND_CATEGORIES))
        demands.append(
            CitizenDemand(
                org=maker.orgs["wuchang"],
                status=PENDING,
                channel=Channel.HOTLINE,
                external_number=f"OPEN{now:%Y%m%d}{index:04d}",
                received_on=received_on,
                category=category,
                content=DEMAND_CATEGORIES[category],
                due_date=received_on + datetime.timedelta(days=15),
            )
        )
    return demands


def _councils(
    maker: Maker, year: int, meetings: int, topics: int, resolved: int, until=None
) -> list[ResidentCouncil]:
    """``meetings`` meetings of the four communities with ``topics`` topics raised, ``resolved`` settled."""
    per_meeting = [1] * meetings
    for _ in range(topics - meetings):
        per_meeting[maker.rng.randrange(meetings)] += 1
    unresolved = topics - resolved
    councils = []
    for count in per_meeting:
        settled = count
        if unresolved and count > 1:
            take = min(unresolved, count - 1)
            settled, unresolved = count - take, unresolved - take
        councils.append(
            ResidentCouncil(
                org=maker.orgs[maker.rng.choice(COMMUNITIES)],
                held_on=maker.day(datetime.date(year, 1, 1), until or datetime.date(year, 12, 31)),
                topics_raised=count,
                topics_resolved=settled,
                topics="；".join(maker.rng.sample(COUNCIL_TOPICS, min(count, len(COUNCIL_TOPICS)))),
                participants=maker.rng.randint(12, 40),
            )
        )
    return councils


# 五常's own year: 2024 a little above 2023; 已解决 flags a few of the demands handled.
DEMANDS_2024 = {
    Channel.WEB_MESSAGE: 312,
    Channel.ONLINE_QUESTION: 287,
    Channel.HOTLINE: 160,
    Channel.DEPUTY: 40,
}
DEMANDS_2023 = {
    Channel.WEB_MESSAGE: 280,
    Channel.ONLINE_QUESTION: 262,
    Channel.HOTLINE: 130,
    Channel.DEPUTY: 28,
}
# 观澜 2024: 12345, 代表直通车 and the portal make 400 received, twice 2023's 200 (收集民情民意数量较去年同期
# 增长100%); resolved (已解决) 51, up 50% on 2023's 34 ("解决社区道路坑洼等民生诉求51件，增幅达50%").
GUANLAN_DEMANDS = {
    2024: (
        {Channel.HOTLINE: 210, Channel.DEPUTY: 90, Channel.WEB_MESSAGE: 60, Channel.ONLINE_QUESTION: 40},
        51,
    ),
    2023: (
        {Channel.HOTLINE: 110, Channel.DEPUTY: 40, Channel.WEB_MESSAGE: 30, Channel.ONLINE_QUESTION: 20},
        34,
    ),
}


def _guanlan(orgs) -> None:
    """观澜's year through the same makers, its units standing in for 五常's (a street, its 信访办, two
    communities)."""
    units = {"wuchang": orgs["guanlan"], "wuchang-xf": orgs["guanlan-xf"]}
    for code, community in zip(
        COMMUNITIES, ("guanlan-gh", "guanlan-kk", "guanlan-gh", "guanlan-kk"), strict=True
    ):
        units[code] = orgs[community]
    maker = Maker({**orgs, **units}, seed=2025)
    insert_petitions(
        None, _year_of_petitions(maker, 2024, 5056, 24, others=600), source="演示数据 观澜2024年信访"
    )
    for year, (counts, resolved) in GUANLAN_DEMANDS.items():
        insert_demands(
            None,
            _demands(maker, year, counts, resolved=resolved, prefix="GL"),
            source=f"演示数据 观澜{year}年民意诉求",
        )
    insert_councils(None, _councils(maker, 2024, 135, 334, 320), source="演示数据 观澜2024年居民议事会")


def load_demo(orgs, users, stdout):
    maker = Maker(orgs, seed=5056)
    insert_petitions(
        None, _year_of_petitions(maker, 2024, 1850, 18, others=420), source="演示数据 五常2024年信访"
    )
    insert_petitions(
        None, _year_of_petitions(maker, 2023, 1620, 16, others=380), source="演示数据 五常2023年信访"
    )
    now = today()
    closed_until = now - datetime.timedelta(days=75)
    share = max((closed_until - datetime.date(now.year, 1, 1)).days, 0) / 365
    current = (
        _year_of_petitions(maker, now.year, int(1200 * share), int(20 * share), until=closed_until)
        if share
        else []
    )
    recent = _open_petitions(maker, 24) + _recent_petitions(maker)
    insert_petitions(None, current + recent, source=f"演示数据 五常{now.year}年信访")

    insert_demands(
        None, _demands(maker, 2024, DEMANDS_2024, resolved=40), source="演示数据 五常2024年民意诉求"
    )
    insert_demands(
        None, _demands(maker, 2023, DEMANDS_2023, resolved=32), source="演示数据 五常2023年民意诉求"
    )
    insert_demands(None, _open_demands(maker, 12), source=f"演示数据 五常{now.year}年民意诉求")

    # 西乡 2023: 办理街道网站留言478条、网民问政492宗, on 西乡's street
    xixiang = Maker({**orgs, "wuchang": orgs["xixiang"]}, seed=2023)
    xixiang_2023 = {Channel.WEB_MESSAGE: 478, Channel.ONLINE_QUESTION: 492}
    insert_demands(
        None,
        _demands(xixiang, 2023, xixiang_2023, resolved=0, prefix="XX"),
        source="演示数据 西乡2023年民意诉求",
    )

    insert_councils(None, _councils(maker, 2024, 96, 241, 228), source="演示数据 五常2024年居民议事会")
    insert_councils(None, _councils(maker, 2023, 88, 210, 196), source="演示数据 五常2023年居民议事会")
    if "guanlan" in orgs:
        _guanlan(orgs)
    stdout.write(
        f"信访与民意：已载入演示信访 {Petition.objects.count()} 件、民意诉求 {CitizenDemand.objects.count()} 件、"
        f"居民议事会 {ResidentCouncil.objects.count()} 场。"
    )
