"""Demo legality review items: 五常 reproduces its 2024 report (合法性审查行政机关合同959余份, 出具合法性审查
意见书124份, 百万元以上合同备案4份, 行政规范性文件初审1件), on a smaller 2023; the current year has
concluded items and a few open ones (one returned for revision, one normative document near or past
its due date); 仓前 has a handful. Written with bulk inserts and one audit entry per batch; the open
items of the current year go through the services so that their rounds and audit trail are real."""

import datetime
import random
from decimal import Decimal

from fazhi.dates import today
from fazhi.deadlines.engine import due_date

from . import services
from .importing import build, insert_items
from .models import CONCLUDED, ReviewItem, ReviewKind, ReviewOpinion

THRESHOLD = Decimal("1000000")
SUBMITTERS = ("wuchang-office", "wuchang-zf", "wuchang-wy", "wuchang-yy", "wuchang-js", "wuchang-xx")
REVIEWERS = {
    ReviewKind.CONTRACT: "wuchang-gw",
    ReviewKind.NORMATIVE: "wuchang-sfs",
    ReviewKind.MAJOR_DECISION: "wuchang-sfs",
    ReviewKind.TOPIC: "wuchang-gw",
    ReviewKind.PLAN: "wuchang-gw",
    ReviewKind.OTHER: "wuchang-gw",
}
CONTRACTS = (
    ("物业服务采购合同", "杭州某物业服务有限公司"),
    ("社区微更新工程施工合同", "某建设工程有限公司"),
    ("法律顾问服务合同", "浙江某律师事务所"),
    ("垃圾分类清运服务合同", "某环境服务有限公司"),
    ("办公设备采购合同", "某科技有限公司"),
    ("房屋租赁合同", "某资产管理有限公司"),
    ("安保服务合同", "某保安服务有限公司"),
    ("绿化养护服务合同", "某园林绿化有限公司"),
)
BIG_CONTRACTS = (
    ("老旧小区综合改造工程施工合同", "某市政建设集团有限公司"),
    ("城中村环境整治工程合同", "某建设集团有限公司"),
    ("智慧社区平台建设合同", "某信息技术股份有限公司"),
    ("农贸市场提升改造工程合同", "某建筑工程有限公司"),
)
TOPICS = ("关于街道年度财政预算调整的议题", "关于社区用房调配的议题", "关于重点项目征迁补偿方案的议题")
PLANS = ("街道合同管理办法", "街道行政执法公示制度", "应急物资储备管理方案", "街道公职律师管理工作指引")
OPINIONS = {
    ReviewOpinion.LAWFUL: "经审查，该事项主体适格、程序合法、内容不违反法律法规的强制性规定，同意按程序办理。",
    ReviewOpinion.LAWFUL_IF_REVISED: "经审查，违约责任、争议解决条款约定不明，按本意见修改后可按程序办理。",
    ReviewOpinion.UNLAWFUL: "经审查，该事项与上位法规定相抵触，不宜实施。",
}


class Maker:
    def __init__(self, orgs, seed: int):
        self.rng = random.Random(seed)
        self.orgs = orgs

    def day_in(self, year: int, last: datetime.date | None = None) -> datetime.date:
        start = datetime.date(year, 1, 2)
        end = last or datetime.date(year, 12, 10)
        return start + datetime.timedelta(days=self.rng.randrange((end - start).days + 1))

    def row(
        self, kind: str, year: int, *, letter: bool, amount=None, title=None, counterparty="", until=None
    ):
        r = self.rng
        submitted = self.day_in(year, until)
        concluded = due_date(submitted, r.randint(2, 10), "工作日").due
        if kind == ReviewKind.NORMATIVE:  # within 5–15 working days
            concluded = due_date(submitted, r.randint(6, 14), "工作日").due
        if kind == ReviewKind.MAJOR_DECISION:
            concluded = due_date(submitted, r.randint(8, 12), "工作日").due
        opinion = r.choices(
            [ReviewOpinion.LAWFUL, ReviewOpinion.LAWFUL_IF_REVISED, ReviewOpinion.UNLAWFUL], [70, 28, 2]
        )[0]
        if kind == ReviewKind.CONTRACT and amount is None:
            amount = Decimal(r.randint(2, 900) * 1000)
        if kind == ReviewKind.CONTRACT and not title:
            title, counterparty = r.choice(CONTRACTS)
        return {
            "kind": kind,
            "title": title or "事项",
            "submitted_on": submitted,
            "counterparty": counterparty,
            "amount": amount,
            "status": CONCLUDED,
            "opinion": opinion,
            "concluded_on": concluded,
            "opinion_text": OPINIONS[opinion],
            "letter_issued": letter,
            "filed_on": None,
        }

    def pair(self, row: dict, submitter: str | None = None):
        unit = self.orgs[submitter or self.rng.choice(SUBMITTERS)]
        return build(row, unit, self.orgs[REVIEWERS[row["kind"]]], THRESHOLD)


def _year(maker: Maker, year: int, *, contracts: int, letters: int, filed: int, normative: int, until=None):
    """``contracts`` contracts (``filed`` of them at or above 100万元 and filed), ``normative`` 规范性文件,
    some 议题 and 方案制度, with exactly ``letters`` opinion letters among them."""
    r = maker.rng
    rows = []
    # Big contracts early enough that their filing falls in the same year (and before today).
    big_until = (until or datetime.date(year, 12, 10)) - datetime.timedelta(days=25)
    for index in range(filed):
        title, counterparty = BIG_CONTRACTS[index % len(BIG_CONTRACTS)]
        amount = Decimal(r.randint(101, 480) * 10000)
        row = maker.row(ReviewKind.CONTRACT, year, letter=True, amount=amount, title=title, until=big_until)
        row["counterparty"], row["opinion"] = counterparty, ReviewOpinion.LAWFUL
        row["opinion_text"] = OPINIONS[ReviewOpinion.LAWFUL]
        row["filed_on"] = due_date(row["concluded_on"], r.randint(3, 10), "工作日").due
        rows.append(row)
    rows += [maker.row(ReviewKind.NORMATIVE, year, letter=True, title="关于加强社区治理的若干规定", until=until)
             for _ in range(normative)]  # fmt: skip
    rows += [
        maker.row(ReviewKind.TOPIC, year, letter=False, title=r.choice(TOPICS), until=until)
        for _ in range(24)
    ]
    rows += [
        maker.row(ReviewKind.PLAN, year, letter=False, title=r.choice(PLANS), until=until) for _ in range(6)
    ]
    rows += [
        maker.row(ReviewKind.CONTRACT, year, letter=False, until=until) for _ in range(contracts - filed)
    ]
    # Letters go to the big contracts and normative documents first, then to the others at random.
    given = sum(1 for row in rows if row["letter_issued"])
    rest = [row for row in rows if not row["letter_issued"]]
    for row in r.sample(rest, letters - given):
        row["letter_issued"] = True
    return [maker.pair(row) for row in rows]


def _open_items(maker: Maker, orgs, actor) -> None:
    """Open items of the current year through the services: reviewing, returned, and a normative
    document whose 15-working-day period is running out."""
    now = today()
    big_title, big_party = BIG_CONTRACTS[1]
    item = services.submit(
        actor,
        org=orgs["wuchang-zf"],
        kind=ReviewKind.CONTRACT,
        title=big_title,
        submitted_on=now - datetime.timedelta(days=12),
        counterparty=big_party,
        amount=Decimal("1860000"),
        materials="合同文本、招标文件、中标通知书",
    )
    item = services.assign(actor, item, item.version, orgs["wuchang-gw"])
    services.return_for_revision(
        actor,
        item,
        item.version,
        opinion_text="第七条付款节点与验收条款不衔接，违约金比例过高，请修改后重新送审。",
        opinion_on=now - datetime.timedelta(days=8),
    )
    normative = services.submit(
        actor,
        org=orgs["wuchang-office"],
        kind=ReviewKind.NORMATIVE,
        title="五常街道居民公约实施办法",
        submitted_on=now - datetime.timedelta(days=19),
        materials="送审稿、起草说明、征求意见情况",
    )
    services.assign(actor, normative, normative.version, orgs["wuchang-sfs"])
    decision = services.submit(
        actor,
        org=orgs["wuchang-office"],
        kind=ReviewKind.MAJOR_DECISION,
        title="五常街道老旧小区加装电梯补助方案",
        submitted_on=now - datetime.timedelta(days=3),
        materials="方案草案、风险评估报告",
    )
    services.assign(actor, decision, decision.version, orgs["wuchang-sfs"])
    for title, party in CONTRACTS[:3]:
        services.submit(
            actor,
            org=orgs[maker.rng.choice(SUBMITTERS[2:])],
            kind=ReviewKind.CONTRACT,
            title=title,
            submitted_on=now - datetime.timedelta(days=maker.rng.randint(0, 4)),
            counterparty=party,
            amount=Decimal(maker.rng.randint(20, 300) * 1000),
        )


# 西乡 2023, as its report counts it: 街道法律顾问室审查合同4560份, 出具法律意见书228份, 审查方案、制度等文件31份.
XIXIANG_SUBMITTERS = ("xixiang-office", "xixiang-zf", "xixiang-gs", "xixiang-lt")
XIXIANG_CONTRACTS, XIXIANG_LETTERS, XIXIANG_PLANS = 4560, 228, 31


def _xixiang(orgs) -> list:
    maker = Maker({**orgs, "wuchang-gw": orgs["xixiang-gw"], "wuchang-sfs": orgs["xixiang-sfs"]}, seed=2023)
    rows = [
        maker.row(ReviewKind.PLAN, 2023, letter=False, title=PLANS[i % len(PLANS)])
        for i in range(XIXIANG_PLANS)
    ]
    rows += [maker.row(ReviewKind.CONTRACT, 2023, letter=False) for _ in range(XIXIANG_CONTRACTS)]
    for row in rows[-XIXIANG_LETTERS:]:  # the opinion letters go to contracts (出具法律意见书)
        row["letter_issued"] = True
    return [maker.pair(row, XIXIANG_SUBMITTERS[i % len(XIXIANG_SUBMITTERS)]) for i, row in enumerate(rows)]


def load_demo(orgs, users, stdout):
    if ReviewItem.objects.exists():  # demo data is loaded once
        return
    maker = Maker(orgs, seed=959)
    insert_items(
        None,
        _year(maker, 2024, contracts=959, letters=124, filed=4, normative=1),
        source="演示数据 五常2024年",
    )
    insert_items(
        None,
        _year(maker, 2023, contracts=812, letters=98, filed=3, normative=0),
        source="演示数据 五常2023年",
    )
    insert_items(
        None,
        _year(maker, 2025, contracts=1003, letters=131, filed=5, normative=2),
        source="演示数据 五常2025年",
    )
    now = today()
    until = now - datetime.timedelta(days=30)
    # This year's concluded items end a month ago; early in a year (until its big contracts, submitted 25
    # days before that, can fall in it) the year has only the open items below.
    if until - datetime.timedelta(days=25) >= datetime.date(now.year, 1, 2):
        share = max((until - datetime.date(now.year, 1, 1)).days, 30) / 365
        insert_items(
            None,
            _year(
                maker,
                now.year,
                contracts=int(980 * share),
                letters=int(120 * share),
                filed=2,
                normative=1,
                until=until,
            ),
            source=f"演示数据 五常{now.year}年",
        )
    cangqian = Maker(
        {**orgs, "wuchang-gw": orgs["cangqian-sfs"], "wuchang-sfs": orgs["cangqian-sfs"]}, seed=7
    )
    rows = [cangqian.row(ReviewKind.CONTRACT, 2024, letter=i % 5 == 0) for i in range(40)]
    insert_items(None, [cangqian.pair(row, "cangqian-office") for row in rows], source="演示数据 仓前2024年")
    _open_items(maker, orgs, users["fazhiban"])
    insert_items(None, _xixiang(orgs), source="演示数据 西乡2023年")
    stdout.write(f"合法性审查：已载入演示审查事项 {ReviewItem.objects.count()} 件。")
