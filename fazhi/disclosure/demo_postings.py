"""Demo 主动公开 postings: 五常's portal has columns of its own size (its report counts none), 2023 a little
fewer than 2024 (for 同比); 西乡 2023 has its report's (NEXT-LEDGERS §7–11: 工作动态49篇、通知公告27篇、
财政审计文件16篇、政策解读3篇) on its own office; 五常's table 二's rows get a 街道's
shape — a normative document or two a year (one repealed in 2024), the month's 行政处罚 decisions
published as one posting each (as many as the enforcement ledger decided that month, so table 二 and the
enforcement figures agree) and a few 行政强制 decisions; no 行政许可 or 收费 (a 街道 has none). The running
year has postings up to last month and two still to be published for the home board, one of them late.
Written through the ledger kit's batch insert (one audit entry per batch)."""

import datetime
import random

from fazhi.dates import today
from fazhi.deadlines.calendar import is_working_day
from fazhi.figures import registry
from fazhi.ledger.bulk import insert_batch

from .models import PUBLISHED, REPEALED, Posting, PostingKind, Venue

# kind → count in the year (五常's own); later years repeat 2024's.
PORTAL = {
    2024: {
        PostingKind.NEWS: 58,
        PostingKind.NOTICE: 31,
        PostingKind.FINANCE: 12,
        PostingKind.INTERPRETATION: 4,
    },
    2023: {
        PostingKind.NEWS: 50,
        PostingKind.NOTICE: 26,
        PostingKind.FINANCE: 11,
        PostingKind.INTERPRETATION: 3,
    },
}
TITLES = {
    PostingKind.NEWS: ("街道开展“八五”普法进社区活动", "街道召开安全生产工作部署会", "街道开展垃圾分类集中宣传",
                       "街道举办法治讲座", "街道开展消防安全大排查"),
    PostingKind.NOTICE: ("关于做好节日期间安全生产工作的通知", "关于开展城乡居民医保参保登记的公告",
                         "关于公开招聘社区工作者的公告", "关于道路施工临时交通管制的通告"),
    PostingKind.FINANCE: ("五常街道部门预算", "五常街道部门决算", "五常街道“三公”经费预算",
                          "五常街道审计整改情况"),
    PostingKind.INTERPRETATION: ("《五常街道老旧小区改造实施方案》政策解读", "《五常街道居家养老服务补助办法》政策解读"),
}  # fmt: skip


def _working_days_after(day: datetime.date, n: int) -> datetime.date:
    while n:
        day += datetime.timedelta(days=1)
        n -= is_working_day(day)
    return day


def _posting(org, kind, title, formed_on, *, published=True, **extra) -> Posting:
    posting = Posting(org=org, kind=kind, title=title, venue=Venue.PORTAL, formed_on=formed_on, **extra)
    posting.refresh_deadlines()
    if published:
        posting.status = PUBLISHED
        posting.published_on = min(_working_days_after(formed_on, 2), posting.due_date)
    return posting


def portal_year(rng, org, year: int, counts: dict, until: datetime.date) -> list[Posting]:
    """``counts`` postings of each kind formed in ``year`` up to ``until``, each published two working
    days later — unless that is after ``until``: then it is still pending."""
    start = datetime.date(year, 1, 1)
    end = min(datetime.date(year, 12, 31), until)
    days = (start + datetime.timedelta(days=i) for i in range((end - start).days + 1))
    working = [d for d in days if is_working_day(d)]
    if not working:  # early January: the running year has nothing yet
        return []
    items = []
    for kind, n in counts.items():
        for _ in range(n):
            formed = rng.choice(working[:-5] or working)  # mostly out within the year
            out = _working_days_after(formed, 2) <= until
            items.append(_posting(org, kind, rng.choice(TITLES[kind]), formed, published=out))
    return items


def _penalties(org, street, year: int, until: datetime.date) -> list[Posting]:
    """One posting a month of the month's 行政处罚 decisions, as many as the enforcement ledger counts."""
    if not registry.declared_in_code("enforcement.penalties"):
        return []
    figure = registry.get("enforcement.penalties")
    units = type(street).objects.subtree_of([street])
    items = []
    for month in range(1, 13):
        first = datetime.date(year, month, 1)
        last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        if last > until:
            break
        n = figure.compute(units, first, last)
        if n:
            title = f"{year}年{month}月行政处罚决定信息公开"
            items.append(_posting(org, PostingKind.PENALTY, title, last, decisions=n))
    return [p for p in items if p.published_on <= until]


def _documents(org) -> list[Posting]:
    """Normative documents: two of 2023 in force, one of 2024 issued and one of 2023 repealed in 2024."""
    made = [
        _posting(org, PostingKind.NORMATIVE, "五常街道居家养老服务补助办法", datetime.date(2023, 3, 15),
                 document_number="五政发〔2023〕3号"),
        _posting(org, PostingKind.NORMATIVE, "五常街道老旧小区改造实施方案", datetime.date(2023, 6, 20),
                 document_number="五政发〔2023〕8号"),
        _posting(org, PostingKind.NORMATIVE, "五常街道物业管理考核办法", datetime.date(2024, 5, 10),
                 document_number="五政发〔2024〕5号"),
    ]  # fmt: skip
    made[1].status, made[1].repealed_on = REPEALED, datetime.date(2024, 9, 30)
    made[1].repeal_note = "被《五常街道城市更新实施方案》替代"
    coercion = [
        _posting(org, PostingKind.COERCION, f"{title}行政强制决定信息公开", day, decisions=n)
        for title, day, n in (("查封违法经营场所", datetime.date(2024, 4, 18), 2),
                              ("扣押占道经营物品", datetime.date(2024, 8, 22), 3),
                              ("扣押占道经营物品", datetime.date(2023, 7, 12), 2))
    ]  # fmt: skip
    return made + coercion


def _open_postings(org) -> list[Posting]:
    """Two still to be published: one past its 20 工作日, one due within days."""
    now = today()
    late = _posting(
        org,
        PostingKind.NOTICE,
        "关于2025年度社区服务项目的公示",
        now - datetime.timedelta(days=40),
        published=False,
    )
    soon = _posting(org, PostingKind.NEWS, "街道开展法治宣传月活动", now - datetime.timedelta(days=20),
                    published=False)  # fmt: skip
    return [late, soon]


def write(items: list[Posting], source: str) -> list[Posting]:
    return insert_batch(None, Posting, items, source=source, owner=lambda p: p.org, day=lambda p: p.formed_on)


# 西乡 2023 on its own portal: 工作动态49篇、通知公告27篇、财政审计文件16篇、政策解读3篇.
# 西乡 2023: "工作动态49篇、通知公告27篇、财政审计文件16篇、政策解读3篇".
XIXIANG_2023 = {
    PostingKind.NEWS: 49,
    PostingKind.NOTICE: 27,
    PostingKind.FINANCE: 16,
    PostingKind.INTERPRETATION: 3,
}
XIXIANG_TITLES = {
    PostingKind.NEWS: "西乡街道开展“法律五进”宣传活动",
    PostingKind.NOTICE: "西乡街道关于做好安全生产工作的通知",
    PostingKind.FINANCE: "西乡街道部门预算",
    PostingKind.INTERPRETATION: "《西乡街道合同管理办法》政策解读",
}


def xixiang_postings(orgs) -> list[Posting]:
    """Each posting formed on a working day of the month its index falls on, published two working days on."""
    office, items = orgs["xixiang-office"], []
    for kind, n in XIXIANG_2023.items():
        for index in range(n):
            formed = datetime.date(2023, 1 + index % 11, 5 + index % 20)
            while not is_working_day(formed):
                formed += datetime.timedelta(days=1)
            items.append(_posting(office, kind, XIXIANG_TITLES[kind], formed))
    return items


def load_postings(orgs, stdout) -> int:
    rng = random.Random(2023)
    office, street = orgs["wuchang-office"], orgs["wuchang"]
    now = today()
    until = now - datetime.timedelta(days=1)
    items = [p for p in _documents(office) if p.formed_on <= until]
    for year in range(2023, now.year + 1):
        counts = PORTAL.get(year, PORTAL[2024])
        if year == now.year:  # the running year: up to now, in proportion
            share = (now.timetuple().tm_yday - 1) / 366
            counts = {kind: int(n * share) for kind, n in counts.items()}
        items += portal_year(rng, office, year, counts, until)
        items += _penalties(office, street, year, until)
    items += _open_postings(office)
    saved = write(items, "演示数据 五常主动公开政府信息")
    return len(saved) + len(write(xixiang_postings(orgs), "演示数据 西乡2023年主动公开政府信息"))
