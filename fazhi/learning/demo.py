"""Demo activities: 五常 reproduces its 2024 report — the 驿站 sentence (参与矛盾纠纷调解723起, 法治体检197家,
法律咨询和法律服务541次, 法律讲座42场, 参与合法性审查135件, 信息宣传82篇), the 普法 figures (折页和挂图3000份,
宣传袋6000只, 法律咨询700人次, 惠及群众近2000人, 新增法律明白人22名, 法律明白人培训30人次), 调解员培训250人次, and the 第一责任人's acts (学法计划
不少于4次, 会前学法, 专题研究法治建设, 包案化解 of two disputes).

The demo's streets are 五常 (the seed of that name), 仓前 (no seed), 西乡 (its 2023 seed) and 观澜 (2024). 西乡 2023 has
its own records (中心组学习48期, 法治讲座3场, 法律五进131场, 以案释法51场, 媒体报道97篇, the enforcement team's
8 普法 visits, its 学法考试 参考率100%, 优秀率93%), and so has 观澜 2024 (53场学习会议 on 129个主题, the
三中全会 trainings' 600余人次, 185名 on the 学考平台, 27场 法治教育讲座及活动). 五常's study sessions and its
exam are its own (its report counts neither). Every one of these figures is computed from the records
written here; none is hand-entered (fazhi/figures/demo.py no longer enters them).

The services are recorded by 五常's four community 驿站 (the report's 四个社区公共法律服务驿站): the two
piloted at the end of 2023 (永福, 沿山河) have tallies of that year too, so 文一 and 邱桥 count as built in
2024 (加强了…两个公共法律服务驿站建设).

The station's part in mediation and legality review is a link on the dispute (参与化解单位) and the review
item (联合审查单位), made here on records the disputes and legal demos wrote; it is never re-entered."""

import datetime
import random

from fazhi.dates import today
from fazhi.disputes.models import Dispute
from fazhi.legal.models import CONCLUDED, ReviewItem, ReviewKind
from fazhi.orgs.models import Organisation

from . import services
from .models import (
    STUDY_KINDS,
    ActKind,
    Audience,
    MaterialKind,
    MaterialUnit,
    PufaKind,
    ServiceKind,
    StudyKind,
)

YEAR = 2024
STATION_DISPUTES = 723
STATION_REVIEWS = 135
# kind: the year's total, spread over the months as monthly tallies
SERVICE_TOTALS = {
    ServiceKind.CONSULTATION: 541,
    ServiceKind.CHECKUP: 197,
    ServiceKind.LECTURE: 42,
    ServiceKind.PUBLICITY: 82,
}

SESSIONS = [
    # (month, day, kind, title, topics, audience, attendance, speaker, hosted by the head)
    (
        2,
        26,
        StudyKind.PRE_MEETING,
        "党工委会议会前学法：行政复议法",
        "中华人民共和国行政复议法",
        Audience.LEADERS,
        15,
        "司法所所长",
        True,
    ),
    (
        5,
        14,
        StudyKind.PRE_MEETING,
        "党工委会议会前学法：民法典",
        "中华人民共和国民法典\n最高人民法院关于适用民法典的解释",
        Audience.LEADERS,
        15,
        "法律顾问",
        True,
    ),
    (
        8,
        20,
        StudyKind.PRE_MEETING,
        "党工委会议会前学法：信息公开条例",
        "中华人民共和国政府信息公开条例",
        Audience.LEADERS,
        14,
        "党政办主任",
        True,
    ),
    (
        11,
        12,
        StudyKind.PRE_MEETING,
        "党工委会议会前学法：行政诉讼法",
        "中华人民共和国行政诉讼法",
        Audience.LEADERS,
        15,
        "区法院法官",
        True,
    ),
    (
        6,
        18,
        StudyKind.LEADER_LECTURE,
        "领导干部法治讲座：依法行政与行政争议化解",
        "行政争议实质性化解",
        Audience.CADRES,
        60,
        "区司法局",
        False,
    ),
    (
        3,
        22,
        StudyKind.MEDIATOR_TRAINING,
        "“浙里调解”系统操作及规范化调解培训（第一期）",
        "浙里调解系统操作\n人民调解工作规范",
        Audience.MEDIATORS,
        62,
        "街道调委会",
        False,
    ),
    (
        9,
        10,
        StudyKind.MEDIATOR_TRAINING,
        "“浙里调解”系统操作及规范化调解培训（第二期）",
        "浙里调解系统操作",
        Audience.MEDIATORS,
        58,
        "街道调委会",
        False,
    ),
    (
        7,
        16,
        StudyKind.MEDIATOR_TRAINING,
        "综合指挥室、网格员现场调解技能培训",
        "现场调解技巧",
        Audience.GRID,
        70,
        "金牌调解员",
        False,
    ),
    (
        10,
        24,
        StudyKind.MEDIATOR_TRAINING,
        "噪声污染纠纷专项培训",
        "中华人民共和国噪声污染防治法",
        Audience.MEDIATORS,
        60,
        "区法院法官",
        False,
    ),
    (
        11,
        5,
        StudyKind.TRAINING,  # a training held online, not the 学法平台: its 30 count as 法律明白人 trained
        "第二期全国“法律明白人”示范培训班线上培训",
        "法律明白人履职",
        Audience.LITERATE,
        30,
        "",
        False,
    ),
]

# 五常's year of study (its report gives no count): the 中心组's weekly study makes up what the sessions above
# (会前学法, 法治讲座) leave, its topics taken in turn from this list (观澜 takes its 53 weeks from it too).
STUDY_SESSIONS = 46
STUDY_TOPICS = 112
CENTRE_GROUP_TOPICS = (
    "习近平法治思想",
    "党的二十届三中全会精神",
    "习近平总书记关于基层治理的重要论述",
    "中华人民共和国宪法",
    "中华人民共和国民法典",
    "中华人民共和国行政复议法",
    "中华人民共和国行政诉讼法",
    "中华人民共和国行政处罚法",
    "信访工作条例",
    "中华人民共和国政府信息公开条例",
    "中国共产党纪律处分条例",
    "法治政府建设实施纲要（2021－2025年）",
    "优化营商环境条例",
    "中华人民共和国安全生产法",
    "中华人民共和国保守国家秘密法",
    "中华人民共和国爱国主义教育法",
)

# 五常's own round: 120 enrolled, 118 sat (参考率98%), 102 excellent (优秀率86%).
WUCHANG_EXAM = {
    "title": "年度领导干部和公职人员学法考试",
    "enrolled": 120,
    "sat": 118,
    "passed": 118,
    "excellent": 102,
}
# 西乡: "学法考试参考率100%，优秀率高达93%" — 150 enrolled, all sat, 140 excellent (93.3%).
EXAM = {
    "title": "年度领导干部和公职人员学法考试",
    "enrolled": 150,
    "sat": 150,
    "passed": 150,
    "excellent": 140,
}

# 2023, for the dashboard's 同比 (see _last_year).
BASELINE_YEAR = YEAR - 1
BASELINE_STUDY = 44
BASELINE_SERVICES = {
    ServiceKind.CONSULTATION: 64,
    ServiceKind.CHECKUP: 18,
    ServiceKind.LECTURE: 4,
    ServiceKind.PUBLICITY: 10,
}
BASELINE_EVENTS = [
    (
        5,
        20,
        PufaKind.MONTH,
        "“民法典”宣传月宣传活动",
        700,
        260,
        [(MaterialKind.LEAFLET, MaterialUnit.FEN, 1500)],
    ),
    (
        12,
        4,
        PufaKind.CONSTITUTION,
        "国家宪法日宣传活动",
        600,
        200,
        [(MaterialKind.LEAFLET, MaterialUnit.FEN, 1000)],
    ),
]

EVENTS = [
    # (month, day, kind, title, reached, consultations, materials [(kind, unit, quantity)])
    (
        5,
        18,
        PufaKind.MONTH,
        "“民法典”宣传月集中宣传活动",
        800,
        300,
        [
            (MaterialKind.LEAFLET, MaterialUnit.FEN, 1200),
            (MaterialKind.POSTER, MaterialUnit.FEN, 300),
            (MaterialKind.BAG, MaterialUnit.ZHI, 3000),
        ],
    ),
    (
        12,
        4,
        PufaKind.CONSTITUTION,
        "12·4国家宪法日主题宣传活动",
        700,
        250,
        [(MaterialKind.LEAFLET, MaterialUnit.FEN, 1000), (MaterialKind.BAG, MaterialUnit.ZHI, 3000)],
    ),
    (
        9,
        12,
        PufaKind.CASE,
        "以案释法进社区：防范电信网络诈骗",
        460,
        150,
        [(MaterialKind.POSTER, MaterialUnit.FEN, 500)],
    ),
]


def _day(month: int, day: int) -> datetime.date:
    return datetime.date(YEAR, month, day)


def _link_station(station, street) -> tuple[int, int]:
    """The station joined 723 of the year's disputes and 135 of its reviewed contracts."""
    subtree = Organisation.objects.subtree_of([street])
    disputes = list(
        Dispute.objects.filter(org__in=subtree, received_on__year=YEAR)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    chosen = random.Random(STATION_DISPUTES).sample(disputes, min(STATION_DISPUTES, len(disputes)))
    link = Dispute.assisting_units.through
    link.objects.bulk_create(
        [link(dispute_id=pk, organisation_id=station.pk) for pk in chosen], ignore_conflicts=True
    )
    reviews = list(
        ReviewItem.objects.filter(
            org__in=subtree, kind=ReviewKind.CONTRACT, status=CONCLUDED, concluded_on__year=YEAR
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    picked = random.Random(STATION_REVIEWS).sample(reviews, min(STATION_REVIEWS, len(reviews)))
    through = ReviewItem.co_reviewers.through
    through.objects.bulk_create([through(reviewitem_id=pk, organisation_id=station.pk) for pk in picked])
    return len(chosen), len(picked)


def _shares(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def _services(actor, stations, totals=SERVICE_TOTALS, year=YEAR, months=range(1, 13)) -> int:
    """Each kind's total for the year, shared among the stations and spread over the months as monthly
    tallies (on the 28th); a month with nothing to tally has no record."""
    written = 0
    for kind, total in totals.items():
        for station, share in zip(stations, _shares(total, len(stations)), strict=True):
            for month, count in zip(months, _shares(share, len(months)), strict=True):
                if not count:
                    continue
                services.record_service(
                    actor,
                    org=station,
                    served_on=datetime.date(year, month, 28),
                    kind=kind,
                    count=count,
                    client_kind="enterprise" if kind == ServiceKind.CHECKUP else "resident",
                    lawyer="驿站值班律师",
                    summary=f"{month}月汇总",
                )
                written += 1
    return written


def _sessions(actor, street) -> None:
    for month, day, kind, title, topics, audience, attendance, speaker, head in SESSIONS:
        services.record_session(
            actor,
            org=street,
            held_on=_day(month, day),
            kind=kind,
            title=title,
            topics=topics,
            audience=audience,
            attendance=attendance,
            speaker=speaker,
            hosted_by_head=head,
        )


def _centre_group(actor, street) -> int:
    """The 中心组's weekly study that brings the year to 53 sessions and 129 topics; how many and how many
    topics follow from the sessions above, so the two lists cannot drift apart."""
    held = [row for row in SESSIONS if row[2] in STUDY_KINDS]
    count = STUDY_SESSIONS - len(held)
    return _weekly_study(
        actor, street, YEAR, count, STUDY_TOPICS - sum(len(row[4].splitlines()) for row in held)
    )


def _weekly_study(actor, street, year: int, count: int, topics: int) -> int:
    """``count`` sessions on Thursdays spread over the year, ``topics`` topics among them."""
    first = datetime.date(year, 1, 1)
    first += datetime.timedelta(days=(3 - first.weekday()) % 7)
    thursdays = [first + datetime.timedelta(weeks=week) for week in range(52)]
    base, extra = divmod(topics, count)
    taken = 0
    for index in range(count):
        many = base + (1 if index < extra else 0)
        lines = [CENTRE_GROUP_TOPICS[(taken + j) % len(CENTRE_GROUP_TOPICS)] for j in range(many)]
        taken += many
        services.record_session(
            actor,
            org=street,
            held_on=thursdays[index * len(thursdays) // count],
            kind=StudyKind.CENTRE_GROUP,
            title=f"党工委理论学习中心组学习：{lines[0]}",
            topics="\n".join(lines),
            audience=Audience.LEADERS,
            attendance=15,
            speaker="党工委书记",
            hosted_by_head=True,
        )
    return count


def _exam(actor, street) -> None:
    services.record_exam(actor, org=street, held_on=_day(11, 28), title=f"{YEAR}{WUCHANG_EXAM['title']}",
                         **{k: v for k, v in WUCHANG_EXAM.items() if k != "title"})  # fmt: skip


def _events(actor, street, rows=EVENTS, year=YEAR) -> None:
    for month, day, kind, title, reached, consultations, materials in rows:
        event = services.record_event(
            actor,
            org=street,
            held_on=datetime.date(year, month, day),
            kind=kind,
            title=title,
            people_reached=reached,
            consultations=consultations,
            audience="辖区居民",
        )
        for material_kind, unit, quantity in materials:
            event = services.add_material(
                actor, event, event.version, kind=material_kind, unit=unit, quantity=quantity
            )


def _last_year(actor, street, pilots) -> None:
    """2023, the year the dashboard's 同比 compares 2024 with (no 2023 figure of this line is in a seed)."""
    _weekly_study(actor, street, BASELINE_YEAR, BASELINE_STUDY, 2 * BASELINE_STUDY)
    _events(actor, street, BASELINE_EVENTS, BASELINE_YEAR)
    # the stations opened at the end of 2023 ("2023年底…试点"): two months of tallies
    _services(actor, pilots, BASELINE_SERVICES, BASELINE_YEAR, range(11, 13))
    services.record_session(
        actor,
        org=street,
        held_on=datetime.date(BASELINE_YEAR, 6, 15),
        kind=StudyKind.MEDIATOR_TRAINING,
        title="人民调解员业务培训",
        topics="人民调解工作规范",
        audience=Audience.MEDIATORS,
        attendance=180,
        speaker="区司法局",
    )


def _acts(actor, street) -> None:
    services.record_act(
        actor,
        org=street,
        held_on=_day(1, 30),
        kind=ActKind.STUDY_PLAN,
        leader="党工委书记",
        title="制发《年度党工委会议学法计划》",
        planned_sessions=4,
    )
    for month, day, topics in (
        (3, 15, "研究部署年度法治政府建设工作要点"),
        (8, 16, "研究落实社区调解“以奖代补”一比一配套补贴"),
    ):
        services.record_act(
            actor,
            org=street,
            held_on=_day(month, day),
            kind=ActKind.LAW_MEETING,
            leader="党工委书记",
            title="党工委会议专题研究法治建设",
            topics=topics,
        )
    group = (
        Dispute.objects.filter(
            org__in=Organisation.objects.subtree_of([street]), received_on__year=YEAR, is_group=True
        )
        .order_by("received_on", "pk")
        .values_list("number", "received_on")[:2]
    )
    for number, received_on in group:
        services.record_act(
            actor,
            org=street,
            held_on=received_on,
            kind=ActKind.CASE_CONTACT,
            leader="街道办事处主任",
            title="“一案一策”包案化解群体性纠纷",
            dispute_number=number,
        )


COMMUNITIES = ("wuchang-wy", "wuchang-yy", "wuchang-js", "wuchang-xx")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁"
GIVEN = "建华秀英志强丽娟国庆海燕文斌晓东桂兰"
OCCUPATIONS = ("楼道长", "网格员", "退休教师", "社区志愿者", "物业管理人员", "人民调解员")


def _literates(actor, orgs) -> int:
    """新增法律明白人22名 in 2024 (and the 2023 roster they joined)."""
    rng = random.Random(22)
    count = 0
    for year, total in ((2023, 16), (YEAR, 22)):
        for index in range(total):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            services.appoint_literate(
                actor,
                org=orgs[COMMUNITIES[index % len(COMMUNITIES)]],
                name=name,
                appointed_on=datetime.date(year, 3 + index % 8, 1 + index),
                occupation=rng.choice(OCCUPATIONS),
                trainings_attended=1 if year == YEAR else 2,
            )
            count += 1
    return count


# 西乡 2023, as its report counts it: 党工委理论学习中心组学习48期, 18 of them on 习近平法治思想、全面从严治党;
# 领导干部法治讲座3场 (one on the new 《深圳市重大行政决策程序实施办法》); “法律五进”等宣传教育活动131场, “以案释法”
# 法治讲座51场, 97 media reports of them; the enforcement team's 8 普法 visits with 4600 份 of materials
# (谁执法谁普法); the 学法考试 (参考率100%, 优秀率93%).
XIXIANG_YEAR = 2023
XIXIANG_CENTRE_GROUP, XIXIANG_ON_LAW = 48, 18
XIXIANG_LECTURES = (
    "习近平法治思想专题讲座",
    "《深圳市重大行政决策程序实施办法》专题讲座",
    "行政复议法修订解读",
)
XIXIANG_FIVE_INTO, XIXIANG_CASE, XIXIANG_MEDIA, XIXIANG_BY_ENFORCERS = 131, 51, 97, 8
XIXIANG_ENFORCER_MATERIALS = 4600


def _xixiang_day(index: int, count: int) -> datetime.date:
    return datetime.date(XIXIANG_YEAR, 1, 9) + datetime.timedelta(days=index * 340 // count)


# 西乡 2023: "打造一支由25个社区法律顾问组成的“一社区一法律顾问”普法小分队": one adviser in each of its 25
# communities (fazhi/demo/tree.py), from a few law firms, each on duty in the community one half-day a week.
XIXIANG_FIRMS = ("广东宝城律师事务所", "广东深宝律师事务所", "广东宝安律师事务所", "广东西乡律师事务所")
XIXIANG_LAWYERS = (
    "陈志明", "林晓燕", "黄建华", "李秀英", "张伟", "王丽娟", "刘洋", "杨帆", "赵敏", "周杰", "吴静", "郑海涛",
    "孙丽", "马俊", "朱婷", "胡斌", "郭亮", "何晓东", "高雪", "罗刚", "梁淑芬", "宋佳", "谢文", "韩冰", "唐宁",
)  # fmt: skip
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五")


def xixiang_advisers() -> list[tuple[str, str, str, str, str]]:
    """(community code, lawyer, firm, phone, rota) for each of 西乡's 25 communities."""
    codes = ["xixiang-gs", "xixiang-lt", *(f"xixiang-sq{index:02d}" for index in range(3, 26))]
    return [
        (
            code,
            XIXIANG_LAWYERS[index],
            XIXIANG_FIRMS[index % len(XIXIANG_FIRMS)],
            f"138025500{index + 1:02d}",
            f"每{WEEKDAYS[index % 5]}{'上午' if index % 2 == 0 else '下午'}在社区党群服务中心值班",
        )
        for index, code in enumerate(codes)
    ]


def _xixiang_advisers(actor, orgs) -> None:
    for code, lawyer, firm, phone, rota in xixiang_advisers():
        services.assign_adviser(
            actor, org=orgs[code], lawyer=lawyer, law_firm=firm, phone=phone, rota=rota, duties_per_month=4,
            term_start=datetime.date(XIXIANG_YEAR, 1, 1), term_end=None,  # 长期: still in term today
        )  # fmt: skip


def _xixiang(actor, street, team) -> None:
    for index in range(XIXIANG_CENTRE_GROUP):
        topic = (
            "习近平法治思想"
            if index < XIXIANG_ON_LAW
            else CENTRE_GROUP_TOPICS[index % len(CENTRE_GROUP_TOPICS)]
        )
        services.record_session(
            actor, org=street, held_on=_xixiang_day(index, XIXIANG_CENTRE_GROUP), kind=StudyKind.CENTRE_GROUP,
            title=f"党工委理论学习中心组学习：{topic}", topics=topic, audience=Audience.LEADERS, attendance=23,
            speaker="党工委书记", hosted_by_head=True,
        )  # fmt: skip
    for index, title in enumerate(XIXIANG_LECTURES):
        services.record_session(
            actor, org=street, held_on=datetime.date(XIXIANG_YEAR, 3 + index * 4, 16), kind=StudyKind.LEADER_LECTURE,
            title=title, topics=title, audience=Audience.LEADERS, attendance=60, speaker="街道法律顾问",
        )  # fmt: skip
    events = [(PufaKind.FIVE_INTO, "“法律五进”宣传教育活动")] * XIXIANG_FIVE_INTO
    events += [(PufaKind.CASE, "“以案释法”法治讲座")] * XIXIANG_CASE
    reports = [1 if index < XIXIANG_MEDIA else 0 for index in range(len(events))]  # 97 of 182 reported
    for index, ((kind, title), media) in enumerate(zip(events, reports, strict=True)):
        services.record_event(
            actor, org=street, held_on=_xixiang_day(index, len(events)), kind=kind, title=title,
            audience="辖区居民、企业员工", people_reached=60, media_reports=media,
        )  # fmt: skip
    for index in range(XIXIANG_BY_ENFORCERS):
        event = services.record_event(
            actor, org=team, held_on=datetime.date(XIXIANG_YEAR, 2 + index, 20), kind=PufaKind.OTHER,
            title="综合行政执法人员进社区普法", audience="社区居民、商户", people_reached=100,
        )  # fmt: skip
        services.add_material(
            actor, event, event.version, kind=MaterialKind.LEAFLET, unit=MaterialUnit.FEN,
            quantity=XIXIANG_ENFORCER_MATERIALS // XIXIANG_BY_ENFORCERS,
        )  # fmt: skip
    services.record_exam(actor, org=street, held_on=datetime.date(XIXIANG_YEAR, 11, 22),
                         title=f"{XIXIANG_YEAR}{EXAM['title']}", **{k: v for k, v in EXAM.items() if k != "title"})  # fmt: skip


# 观澜 2024: 53场学习会议 on 129个主题 (the 党工委's weekly study), 学习贯彻党的二十届三中全会精神培训600余人次
# (two trainings of 科级领导干部 and 社区专职工作者), 185名在编公职人员 on the online 学考平台, and 27场 法治教育讲座及活动.
GUANLAN_YEAR, GUANLAN_SESSIONS, GUANLAN_TOPICS = 2024, 53, 129
GUANLAN_TRAININGS = ((Audience.CADRES, "科级领导干部学习贯彻党的二十届三中全会精神培训", 305),
                     (Audience.COMMUNITY, "社区专职工作者学习贯彻党的二十届三中全会精神培训", 300))  # fmt: skip
GUANLAN_ONLINE, GUANLAN_EVENTS = 185, 27
GUANLAN_EVENT_TITLES = ("“法治+版画”法治版画巡展", "法治游园会", "“法治+非遗”普法活动", "习近平法治思想进社区法治讲座",
                        "民法典进企业法治讲座")  # fmt: skip


def _guanlan(actor, street) -> None:
    _weekly_study(actor, street, GUANLAN_YEAR, GUANLAN_SESSIONS, GUANLAN_TOPICS)
    for index, (audience, title, attendance) in enumerate(GUANLAN_TRAININGS):
        services.record_session(
            actor, org=street, held_on=datetime.date(GUANLAN_YEAR, 9 + index, 10), kind=StudyKind.TRAINING,
            title=title, topics="党的二十届三中全会精神", audience=audience, attendance=attendance, speaker="区委党校讲师",
        )  # fmt: skip
    services.record_session(
        actor, org=street, held_on=datetime.date(GUANLAN_YEAR, 12, 20), kind=StudyKind.ONLINE,
        title="学考平台习近平法治思想在线学习", topics="习近平法治思想", audience=Audience.STAFF,
        attendance=GUANLAN_ONLINE,
    )  # fmt: skip
    for index in range(GUANLAN_EVENTS):
        services.record_event(
            actor, org=street, held_on=datetime.date(GUANLAN_YEAR, 1 + index % 12, 6 + index // 12 * 9),
            kind=PufaKind.OTHER, title=GUANLAN_EVENT_TITLES[index % len(GUANLAN_EVENT_TITLES)],
            audience="辖区居民、企业员工", people_reached=80,
        )  # fmt: skip


# The year under way (the dashboard's, and a draft's "截至M月D日"): 五常 keeps studying and holding 普法 events,
# and its 驿站 keep their monthly tallies, up to the day the demo is loaded. Nothing when that day still lies in
# a year the report years above cover (a test's clock), so their figures stay the reports'.
RUNNING_STUDY = ("党工委会议会前学法：《中华人民共和国行政复议法》", "理论学习中心组学法：习近平法治思想")
RUNNING_EVENTS = ((PufaKind.FIVE_INTO, "“法律进社区”宣传活动"), (PufaKind.CASE, "“以案释法”法治讲座"))
RUNNING_SERVICES = {ServiceKind.CONSULTATION: 45, ServiceKind.CHECKUP: 16, ServiceKind.LECTURE: 3}


def _running_year(actor, street, stations) -> int:
    now = today()
    if now.year <= YEAR:
        return 0
    months = range(1, now.month + 1)
    for month in months:
        day = min(datetime.date(now.year, month, 12), now)
        title = RUNNING_STUDY[month % 2]
        services.record_session(
            actor, org=street, held_on=day, kind=StudyKind.PRE_MEETING if month % 2 else StudyKind.CENTRE_GROUP,
            title=title, topics=title.split("：")[1], audience=Audience.LEADERS, attendance=18,
            speaker="街道法律顾问", hosted_by_head=True,
        )  # fmt: skip
        kind, name = RUNNING_EVENTS[month % 2]
        services.record_event(
            actor, org=street, held_on=day, kind=kind, title=name, audience="辖区居民", people_reached=80,
            consultations=20,
        )  # fmt: skip
    # tallies of the months already over (a month's is written on its 28th)
    closed = [m for m in months if datetime.date(now.year, m, 28) <= now]
    if not closed:
        return 0
    totals = {kind: per_month * len(closed) for kind, per_month in RUNNING_SERVICES.items()}
    return _services(actor, stations, totals, now.year, closed)


def load_demo(orgs, users, stdout):
    street, station, actor = orgs["wuchang"], orgs["wuchang-yz"], users["fazhiban"]
    pilots = [station, orgs["wuchang-yz-ysh"]]
    disputes, reviews = _link_station(station, street)
    records = _services(actor, [*pilots, orgs["wuchang-yz-wy"], orgs["wuchang-yz-qq"]])
    _sessions(actor, street)
    weekly = _centre_group(actor, street)
    _exam(actor, street)
    _events(actor, street)
    _acts(actor, street)
    literates = _literates(actor, orgs)
    _last_year(actor, street, pilots)
    _running_year(actor, street, pilots)
    if "xixiang-fzb" in users:
        _xixiang(users["xixiang-fzb"], orgs["xixiang"], orgs["xixiang-zf"])
        _xixiang_advisers(users["xixiang-fzb"], orgs)
    if "guanlan-fzb" in users:
        _guanlan(users["guanlan-fzb"], orgs["guanlan"])
    stdout.write(
        f"学法普法：五常{YEAR}年学法培训{len(SESSIONS) + weekly}场、学法考试1次、普法活动{len(EVENTS)}场、驿站法律服务记录{records}条、法律明白人{literates}名；"
        f"驿站参与调解{disputes}件、参与合法性审查{reviews}件（关联已有记录）。"
    )
