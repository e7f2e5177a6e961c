"""Demo disputes: 五常 reproduces its 2024 report (接收3218件 同比上升18.22%, 调解成功3212件, 街道调委会
1298件, 各社区调委会1876件, 警民联调工作室自7月起化解689件) on a 2023 baseline of 2722 with a lower
success rate; 2025 and the current year look alike, with a few dozen open cases near or past their
due date; 仓前 has disputes too; 西乡 2023 and 观澜 2024 have their reports' figures. Written with bulk
inserts and one audit entry per batch."""

import datetime
from decimal import Decimal

from django.utils import timezone

from fazhi.dates import today
from fazhi.demo.people import People
from fazhi.ledger.bulk_insert import insert_rows

from .bulk import NewDispute, insert_many
from .models import (
    FAILED,
    SUCCESS,
    WITHDRAWN,
    Channel,
    Dispatch,
    Dispute,
    DisputeType,
    Party,
    Referral,
    Session,
)

COMPANIES = ("杭州某某科技有限公司", "余杭某物业服务有限公司", "某餐饮管理有限公司", "某装饰工程有限公司",
             "某电子商务有限公司", "某建筑劳务有限公司", "某房地产开发有限公司", "某快递服务站")  # fmt: skip
PLACES = ("街道矛调中心调解室", "社区调解室", "警民联调工作室", "当事人家中", "物业办公室", "企业会议室")

# type: (weight, persons range, amount range in 元, summary templates). Amounts lean to the low end of
# the range (most disputes are small): about 6,000 元 a case, as in the seeds (西乡 2023: 1880万元 over 4532).
TYPES = {
    "邻里": (
        22,
        (2, 4),
        (0, 5000),
        ("楼上卫生间漏水致楼下吊顶受损，双方就维修费用产生争议", "相邻通道堆放杂物引发邻里矛盾"),
    ),
    "物业": (
        15,
        (2, 12),
        (500, 30000),
        ("业主以服务质量为由拒交物业费", "地下车库车辆刮擦，业主要求物业赔偿"),
    ),
    "劳资": (14, (2, 8), (1000, 60000), ("员工离职后公司拖欠最后两个月工资", "工地农民工追讨劳务费")),
    "婚姻家庭": (12, (2, 5), (0, 50000), ("夫妻因子女抚养费发生争执", "兄弟姐妹就老人赡养分担产生矛盾")),
    "消费": (8, (2, 3), (100, 20000), ("预付卡商家停业，消费者要求退还余额", "网购家电质量问题退换货纠纷")),
    "交通事故": (
        7,
        (2, 4),
        (1000, 50000),
        ("电动自行车与行人碰撞致人受伤，就医疗费赔偿协商", "小区内车辆剐蹭赔偿争议"),
    ),
    "房屋土地": (6, (2, 6), (2000, 100000), ("房屋租赁到期押金退还纠纷", "装修工程款结算争议")),
    "噪声": (6, (2, 10), (0, 2000), ("商铺夜间经营噪声扰民", "夜间装修施工噪声影响周边居民")),
    "知识产权/电商": (5, (2, 3), (1000, 50000), ("电商平台店铺商标侵权赔偿争议", "网店图片著作权侵权纠纷")),
    "其他": (5, (2, 4), (0, 20000), ("宠物伤人赔偿纠纷", "合伙经营利润分配争议")),
}
CHANNELS = ((Channel.VISIT, 30), (Channel.GRID, 20), (Channel.HOTLINE, 18), (Channel.PHONE, 10),
            (Channel.POLICE, 10), (Channel.COURT, 8), (Channel.SYSTEM, 4))  # fmt: skip
COMMUNITY_UNITS = ("wuchang-wy-tw", "wuchang-yy-tw", "wuchang-js-tw", "wuchang-xx-tw")


class Maker(People):
    def __init__(self, orgs, users, seed: int):
        super().__init__(seed)
        self.orgs = orgs
        self.dispatcher = users.get("fazhiban")
        self.types = {t.name: t for t in DisputeType.objects.all()}
        self.type_names = list(TYPES)
        self.type_weights = [TYPES[n][0] for n in self.type_names]
        self.dispatches: list[tuple[NewDispute, str]] = []

    def make(
        self, unit: str, received_on: datetime.date, status: str, concluded_on=None, via=None
    ) -> NewDispute:
        r = self.rng
        name = r.choices(self.type_names, self.type_weights)[0]
        _, (low, high), (amount_low, amount_high), summaries = TYPES[name]
        persons = r.randint(low, high)
        if name == "劳资" and r.random() < 0.06:
            persons = r.randint(30, 85)  # 30人以上重大劳资纠纷
        amount = Decimal(round(amount_low + (amount_high - amount_low) * r.random() ** 5))
        channel = r.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
        receiver = self.orgs[via or unit]
        dispute = Dispute(
            org=self.orgs[unit],
            received_by=receiver,
            status=status,
            channel=channel,
            external_number=f"{'YHFY' if channel == Channel.COURT else 'ZLTJ'}{received_on:%Y%m%d}{r.randrange(10**4):04d}"
            if channel in (Channel.COURT, Channel.SYSTEM)
            else "",
            received_on=received_on,
            dispute_type=self.types[name],
            summary=r.choice(summaries),
            persons_involved=persons,
            amount_involved=amount,
            is_group=persons >= 30,
            concluded_on=concluded_on,
        )
        if status == SUCCESS:
            dispute.agreement_text = "经调解，双方自愿达成协议：被申请人于协议签订之日起十日内一次性支付相关款项，双方就此纠纷再无争议。"
            dispute.amount_agreed = amount
            dispute.amount_recovered = (amount * Decimal(r.uniform(0.85, 1.0))).quantize(Decimal("1"))
            dispute.performance_method = "银行转账"
            dispute.performance_due = concluded_on + datetime.timedelta(days=10)
            if r.random() < 0.6:
                dispute.visited_on = concluded_on + datetime.timedelta(days=r.randint(7, 30))
                dispute.satisfaction = r.choices(["satisfied", "mostly", "unsatisfied"], [85, 13, 2])[0]
        elif status == FAILED:
            dispute.referred_to = r.choice(Referral.values)
            dispute.close_reason = "双方分歧较大，未能达成一致"
        elif status == WITHDRAWN:
            dispute.close_reason = "申请人自行和解后撤回申请"
        respondent_is_company = name in ("劳资", "物业", "消费", "知识产权/电商") and r.random() < 0.7
        parties = [
            Party(role="applicant", name=self.person_name(), id_number=self.id_number(), phone=self.phone()),
            Party(role="respondent", kind="organisation", name=r.choice(COMPANIES))
            if respondent_is_company
            else Party(role="respondent", name=self.person_name(), phone=self.phone()),
        ]
        item = NewDispute(dispute, parties)
        if via:
            self.dispatches.append((item, via))
        return item


def _day(rng, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def _closed_year(maker: Maker, year: int, plan: list[tuple[str, int]], successes: int, until=None):
    """``plan``: (unit code, count); the first ``successes`` (shuffled) succeed, the rest fail or are withdrawn."""
    rng = maker.rng
    start, end = datetime.date(year, 1, 1), until or datetime.date(year, 12, 31)
    units = [unit for unit, count in plan for _ in range(count)]
    rng.shuffle(units)
    items = []
    for index, unit in enumerate(units):
        received_on = _day(rng, start, end)
        concluded_on = min(received_on + datetime.timedelta(days=rng.randint(0, 25)), end)
        status = SUCCESS if index < successes else rng.choice((FAILED, FAILED, WITHDRAWN))
        via = "wuchang-tw" if unit in COMMUNITY_UNITS and rng.random() < 0.35 else None
        items.append(maker.make(unit, received_on, status, concluded_on, via))
    return items


def _even(units, total):
    base, extra = divmod(total, len(units))
    return [(u, base + (1 if i < extra else 0)) for i, u in enumerate(units)]


def _assist(items, unit, count, rng, since=None):
    """Mark ``count`` successful disputes (received on/after ``since``) as assisted by ``unit``."""
    pool = [
        i for i in items if i.dispute.status == SUCCESS and (since is None or i.dispute.received_on >= since)
    ]
    for item in rng.sample(pool, count):
        item.assisting_unit_ids.append(unit.pk)


def _mediations(maker: Maker, items) -> list[tuple[NewDispute, str, str]]:
    """(item, place, mediator) of each dispute that had a session; the mediator is its 承办人 (named once:
    no second draw of the random names), set before the disputes are written so no update follows."""
    held = []
    for item in items:
        if item.dispute.status in (SUCCESS, FAILED, "mediating"):
            place, mediator = maker.rng.choice(PLACES), maker.person_name()
            item.dispute.handler = mediator
            held.append((item, place, mediator))
    return held


def _sessions_and_dispatches(maker: Maker, held):
    sessions = [
        Session(
            dispute_id=item.dispute.pk,
            held_on=item.dispute.concluded_on or item.dispute.received_on,
            place=place,
            mediators=mediator,
            participants="双方当事人",
            notes="听取双方陈述，释法说理，引导双方协商。",
        )
        for item, place, mediator in held
    ]
    insert_rows(Session, sessions)
    dispatches = []
    for item, via in maker.dispatches:
        d = item.dispute
        at = timezone.make_aware(datetime.datetime.combine(d.received_on, datetime.time(10)))
        dispatches.append(
            Dispatch(
                dispute_id=d.pk,
                from_org=maker.orgs[via],
                to_org=d.org,
                by=maker.dispatcher,
                at=at,
                note="属地化解",
            )
        )
    insert_rows(Dispatch, dispatches)
    maker.dispatches.clear()


def _write(maker, items, source):
    held = _mediations(maker, items)
    insert_many(None, items, source=source)
    _sessions_and_dispatches(maker, held)


def _open_cases(maker: Maker, units, count: int) -> list[NewDispute]:
    """Open disputes received 18–45 days ago: some past their due date, some due within days."""
    now = today()
    items = []
    for _ in range(count):
        unit = maker.rng.choice(units)
        received_on = now - datetime.timedelta(days=maker.rng.randint(18, 45))
        status = maker.rng.choice(("received", "dispatched", "mediating", "mediating"))
        via = "wuchang-tw" if status == "dispatched" and unit in COMMUNITY_UNITS else None
        if status == "dispatched" and not via:
            status = "mediating"
        items.append(maker.make(unit, received_on, status, via=via))
    return items


# 西乡 2023, as its report counts it: 4532 disputes received by its mediation committees, 4430 mediated
# successfully, 11331 persons and 1880万元 involved, 1840万元 recovered; 12 劳资 disputes of 30 persons or more.
XIXIANG_PLAN = [("xixiang-tw", 2500), ("xixiang-gs-tw", 1016), ("xixiang-lt-tw", 1016)]
XIXIANG_SUCCESSES = 4430
XIXIANG_PERSONS, XIXIANG_GROUP, XIXIANG_GROUP_PERSONS = 11331, 12, 40
XIXIANG_INVOLVED, XIXIANG_RECOVERED = 18_800_000, 18_400_000


def _parts(total: int, count: int) -> list[int]:
    """``total`` over ``count`` as evenly as whole numbers go (10851 over 4520: 1811 threes, then twos)."""
    share, rest = divmod(total, count)
    return [share + (1 if index < rest else 0) for index in range(count)]


def _xixiang(maker: Maker) -> list[NewDispute]:
    """西乡's year with its report's totals exactly: the random persons and amounts of each dispute are set
    to even shares of them (a successful one recovers what it involved; the failed ones hold the rest)."""
    items = _closed_year(maker, 2023, XIXIANG_PLAN, successes=XIXIANG_SUCCESSES)
    successes = [i.dispute for i in items if i.dispute.status == SUCCESS]
    others = [i.dispute for i in items if i.dispute.status != SUCCESS]
    persons = [XIXIANG_GROUP_PERSONS] * XIXIANG_GROUP + _parts(
        XIXIANG_PERSONS - XIXIANG_GROUP * XIXIANG_GROUP_PERSONS, len(items) - XIXIANG_GROUP
    )
    for dispute, count in zip(successes + others, persons, strict=True):
        dispute.persons_involved, dispute.is_group = count, count >= 30
        if dispute.is_group:  # 处理30人以上重大劳资纠纷12宗
            dispute.dispute_type = maker.types["劳资"]
    for dispute, amount in zip(successes, _parts(XIXIANG_RECOVERED, len(successes)), strict=True):
        dispute.amount_involved = dispute.amount_agreed = dispute.amount_recovered = Decimal(amount)
    for dispute, amount in zip(
        others, _parts(XIXIANG_INVOLVED - XIXIANG_RECOVERED, len(others)), strict=True
    ):
        dispute.amount_involved = Decimal(amount)
    return items


# 观澜 2024: the 精智解纷 system dispatched 253 disputes through the street's 调委会 to its 青年律师调解员, 230 of
# them closed within the year (the 23 of late December close in January); 成功调解300余宗 in all (exactly 300:
# 200 of the lawyers' and 100 of the 调委会s'), 179 of them with the 心理服务站 joining in (参与协助化解).
GUANLAN_PLAN = [("guanlan-tw", 60), ("guanlan-gh-tw", 40), ("guanlan-kk-tw", 40)]
GUANLAN_DISPATCHED, GUANLAN_DISPATCHED_CLOSED, GUANLAN_LAWYER_SUCCESSES = 253, 230, 200
GUANLAN_SUCCESSES, GUANLAN_PSYCH = 300, 179


def _guanlan(orgs, users) -> None:
    maker = Maker(orgs, {"fazhiban": users.get("guanlan-fzb")}, seed=2026)
    rng = maker.rng
    items = _closed_year(maker, 2024, GUANLAN_PLAN, successes=GUANLAN_SUCCESSES - GUANLAN_LAWYER_SUCCESSES)
    for index in range(GUANLAN_DISPATCHED_CLOSED):
        received = _day(rng, datetime.date(2024, 1, 2), datetime.date(2024, 11, 30))
        concluded = received + datetime.timedelta(days=rng.randint(3, 25))
        status = SUCCESS if index < GUANLAN_LAWYER_SUCCESSES else FAILED
        items.append(maker.make("guanlan-ls", received, status, concluded, via="guanlan-tw"))
    _assist(items, orgs["guanlan-xl"], GUANLAN_PSYCH, rng)
    for _ in range(GUANLAN_DISPATCHED - GUANLAN_DISPATCHED_CLOSED):
        received = _day(rng, datetime.date(2024, 12, 16), datetime.date(2024, 12, 31))
        concluded = datetime.date(2025, 1, 3) + datetime.timedelta(days=rng.randint(0, 15))
        items.append(maker.make("guanlan-ls", received, SUCCESS, concluded, via="guanlan-tw"))
    _write(maker, items, "演示数据 观澜2024年")


def load_demo(orgs, users, stdout):
    maker = Maker(orgs, users, seed=2024)
    rng = maker.rng
    communities_2024 = _even(COMMUNITY_UNITS, 1876)
    plan_2024 = [("wuchang-tw", 1298), *communities_2024, ("wuchang-ls", 22), ("wuchang-xl", 22)]
    items_2024 = _closed_year(maker, 2024, plan_2024, successes=3212)
    _assist(items_2024, orgs["wuchang-jm"], 689, rng, since=datetime.date(2024, 7, 1))
    _assist(items_2024, orgs["wuchang-xl"], 120, rng)
    _write(maker, items_2024, "演示数据 五常2024年")

    plan_2023 = [("wuchang-tw", 1120), *_even(COMMUNITY_UNITS, 1570), ("wuchang-ls", 32)]
    _write(maker, _closed_year(maker, 2023, plan_2023, successes=2133), "演示数据 五常2023年")

    plan_2025 = [("wuchang-tw", 1350), *_even(COMMUNITY_UNITS, 1960), ("wuchang-jm", 60), ("wuchang-ls", 30)]
    items_2025 = _closed_year(maker, 2025, plan_2025, successes=3372)
    _assist(items_2025, orgs["wuchang-jm"], 700, rng)
    _write(maker, items_2025, "演示数据 五常2025年")

    now = today()
    closed_until = now - datetime.timedelta(days=46)
    # Until mid-February nothing received this year is closed yet: the year has only its open cases then.
    share = max((closed_until - datetime.date(now.year, 1, 1)).days, 0) / 365
    plan_now = [
        ("wuchang-tw", int(1300 * share)),
        *_even(COMMUNITY_UNITS, int(1900 * share)),
        ("wuchang-ls", 25 if share else 0),
    ]
    items_now = _closed_year(maker, now.year, plan_now, successes=int(3200 * share) - 10, until=closed_until)
    items_now += _open_cases(maker, ["wuchang-tw", *COMMUNITY_UNITS, "wuchang-jm"], 36)
    _write(maker, items_now, f"演示数据 五常{now.year}年")

    cangqian = _closed_year(maker, 2024, [("cangqian-tw", 640)], successes=612)
    cangqian += _closed_year(
        maker, now.year, [("cangqian-tw", int(600 * share))], successes=int(580 * share), until=closed_until
    )
    cangqian += _open_cases(maker, ["cangqian-tw"], 8)
    _write(maker, cangqian, "演示数据 仓前")
    _write(maker, _xixiang(maker), "演示数据 西乡2023年")
    if "guanlan-fzb" in users:
        _guanlan(orgs, users)
    stdout.write(f"纠纷调解：已载入演示纠纷 {Dispute.objects.count()} 件。")
