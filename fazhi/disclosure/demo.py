"""Demo disclosure requests: 五常's 党政办 answers some forty requests a year (2023 to this year), 仓前's a
dozen. The seeds quote no request counts (NEXT-LEDGERS §7–11: the ledger's value is the deadlines), so
the years are made to look like a 街道's: mostly 自然人, a few firms and law offices; about a third
disclosed, a quarter 本机关不掌握; some 补正, third-party consultations and an extension; a reply or two
late; requests of late December carried into January, so table 三 chains across the years. This year
has open requests near and past their due date for the home board, and one reply of 2024 is the
subject of the 复议 and 诉讼 cases the litigation demo holds about a 政府信息公开申请答复.
Written through the ledger kit's batch insert (one audit entry per batch)."""

import datetime
import random

from fazhi.dates import today
from fazhi.deadlines.calendar import is_working_day
from fazhi.ledger.personal import id_check_char

from .demo_postings import load_postings
from .importing import insert_requests
from .models import (
    CONSULTING,
    CORRECTION,
    RECEIVED,
    REPLIED,
    Applicant,
    ApplicantKind,
    ApplicantRole,
    Channel,
    Consultation,
    ConsultationKind,
    DisclosureRequest,
    Outcome,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志红玉海燕东文斌"
FIRMS = {
    ApplicantKind.COMMERCIAL: ("杭州某某置业有限公司", "某建设工程有限公司", "某物业服务有限公司"),
    ApplicantKind.RESEARCH: ("某大学城市治理研究中心",),
    ApplicantKind.PUBLIC_INTEREST: ("某环境保护公益基金会",),
    ApplicantKind.LEGAL_SERVICE: ("浙江某某律师事务所", "某某法律服务所"),
    ApplicantKind.OTHER: ("某村股份经济合作社", "某业主委员会"),
}
CONTENTS = (
    "申请公开某地块征收补偿安置方案及补偿标准",
    "申请公开本人房屋所在区域违法建筑拆除的决定书及送达回证",
    "申请公开某小区加装电梯财政补助资金的发放情况",
    "申请公开街道2023年度部门预算及“三公”经费决算",
    "申请公开某道路改造工程的立项批复和施工许可",
    "申请公开对本人投诉事项的调查处理结果",
    "申请公开某社区居委会换届选举的选民登记名册",
    "申请公开辖区内某企业的环境影响评价文件",
    "申请公开某拆迁项目的评估报告",
    "申请公开街道垃圾分类设施采购合同",
)
KINDS = ((ApplicantKind.PERSON, 78), (ApplicantKind.COMMERCIAL, 9), (ApplicantKind.LEGAL_SERVICE, 6),
         (ApplicantKind.OTHER, 4), (ApplicantKind.RESEARCH, 2), (ApplicantKind.PUBLIC_INTEREST, 1))  # fmt: skip
OUTCOMES = ((Outcome.PUBLIC, 34), (Outcome.PARTIAL, 12), (Outcome.UNAVAILABLE_NOT_HELD, 24),
            (Outcome.UNAVAILABLE_NOT_MADE, 3), (Outcome.WITHHELD_THIRD_PARTY, 4), (Outcome.WITHHELD_PROCESS, 4),
            (Outcome.WITHHELD_ENFORCEMENT, 1), (Outcome.REFUSED_PETITION, 7), (Outcome.REFUSED_REPEAT, 4),
            (Outcome.REFUSED_CONFIRM, 2), (Outcome.OTHER, 1))  # fmt: skip
CHANNELS = ((Channel.IN_PERSON, 35), (Channel.POST, 30), (Channel.ONLINE, 30), (Channel.LETTER, 5))  # fmt: skip


def _pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _working_day_after(day: datetime.date, n: int) -> datetime.date:
    while n:
        day += datetime.timedelta(days=1)
        n -= is_working_day(day)
    return day


class Maker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def person(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))

    def id_number(self) -> str:
        r = self.rng
        born = datetime.date(1950, 1, 1) + datetime.timedelta(days=r.randrange(365 * 50))
        first = f"330110{born:%Y%m%d}{r.randrange(1000):03d}"
        return first + id_check_char(first)

    def make(
        self, org, received_on: datetime.date, *, reply: bool = True, until: datetime.date | None = None
    ):
        """A request received on ``received_on``; answered by its due date (one in forty late), unless
        ``reply`` is False or the answer would fall after ``until``."""
        r = self.rng
        kind = _pick(r, KINDS)
        channel = _pick(r, CHANNELS)
        submitted_on = (
            received_on
            if channel == Channel.IN_PERSON
            else received_on - datetime.timedelta(days=r.randint(1, 3))
        )
        request = DisclosureRequest(
            org=org,
            status=RECEIVED,
            channel=channel,
            submitted_on=submitted_on,
            received_on=received_on,
            applicant_kind=kind,
            content=r.choice(CONTENTS),
        )
        consultations = []
        if r.random() < 0.08:
            request.correction_requested_on = _working_day_after(received_on, r.randint(1, 5))
            request.correction_points = "请明确所需政府信息的名称、文号或者便于查询的其他特征性描述。"
            request.correction_until = request.correction_requested_on + datetime.timedelta(days=15)
            request.correction_received_on = request.correction_requested_on + datetime.timedelta(
                days=r.randint(2, 10)
            )
        elif r.random() < 0.08:
            sent_on = _working_day_after(received_on, r.randint(2, 6))
            c = Consultation(kind=ConsultationKind.THIRD_PARTY, addressee="相关权利人", sent_on=sent_on)
            c.refresh_due()
            c.answered_on = sent_on + datetime.timedelta(days=r.randint(5, 18))
            c.opinion = r.choice(("不同意公开", "同意公开", "同意公开，但请隐去个人信息"))
            consultations.append(c)
        if r.random() < 0.05:
            request.extension_days = 20
            request.extension_approved_by = "党政办主任"
            request.extension_approved_on = _working_day_after(received_on, 15)
            request.extension_notified_on = request.extension_approved_on
        request.refresh_deadlines(consultations=consultations)
        replied_on = None
        if reply and request.due_date:
            late = r.random() < 0.025
            span = (request.due_date - received_on).days
            replied_on = (
                request.due_date + datetime.timedelta(days=r.randint(1, 4))
                if late
                else (received_on + datetime.timedelta(days=r.randint(min(5, span), span)))
            )
            while not is_working_day(replied_on) and replied_on > received_on:
                replied_on -= datetime.timedelta(days=1)
            if until and replied_on > until:
                replied_on = None
        if replied_on:
            request.status = REPLIED
            request.replied_on = replied_on
            request.outcome = _pick(r, OUTCOMES)
            if consultations and r.random() < 0.5:
                request.outcome = Outcome.WITHHELD_THIRD_PARTY
            request.reply_summary = "已依法作出书面答复并告知救济途径。"
        elif (
            request.correction_requested_on
            and request.correction_received_on
            and request.correction_received_on > (until or today())
        ):
            request.correction_received_on = None
            request.status = CORRECTION
            request.refresh_deadlines(consultations=consultations)
        elif consultations and consultations[0].answered_on > (until or today()):
            consultations[0].answered_on = None
            consultations[0].opinion = ""
            request.status = CONSULTING
            request.refresh_deadlines(consultations=consultations)
        applicants = [
            Applicant(role=ApplicantRole.APPLICANT, name=self.person(), id_number=self.id_number(),
                      phone=f"1{r.choice('3578')}{r.randrange(10**9):09d}")
            if kind == ApplicantKind.PERSON
            else Applicant(role=ApplicantRole.APPLICANT, name=r.choice(FIRMS[kind]),
                           phone=f"0571-8{r.randrange(10**6):06d}"[:13])
        ]  # fmt: skip
        return request, [*applicants, *consultations]

    def year(self, org, year: int, count: int, *, until: datetime.date | None = None):
        """``count`` requests received in ``year`` (up to ``until``), each answered as it would be."""
        start = datetime.date(year, 1, 1)
        end = min(datetime.date(year, 12, 31), until or datetime.date(year, 12, 31))
        if end < start:  # early January: the running year has no settled requests yet
            return []
        days = [start + datetime.timedelta(days=i) for i in range((end - start).days + 1)]
        working = [d for d in days if is_working_day(d)] or days
        received = sorted(self.rng.choice(working) for _ in range(count))
        return [self.make(org, day, until=until) for day in received]

    def open_requests(self, org, count: int):
        """Requests of the last weeks still being answered: one past its limit whatever the day (drawn again
        while a pause or an extension keeps it inside), the others due within days or weeks."""
        now = today()
        items = []
        for n in range(count):
            for _ in range(20):
                # the first one five to seven weeks old: past its 20 working days across any holidays
                day = now - datetime.timedelta(
                    days=self.rng.randint(35, 49) if n == 0 else self.rng.randint(12, 34)
                )
                while not is_working_day(day):
                    day -= datetime.timedelta(days=1)
                request, rows = self.make(org, day, reply=False)
                if n or request.deadline_status(now) == "overdue":
                    break
            items.append((request, rows))
        return items


def write(items, source: str):
    return insert_requests(None, items, source=source)


def link_demo_cases(org) -> int:
    """The litigation demo's 复议/诉讼 cases about a 政府信息公开申请答复 name one of these replies."""
    Case = DisclosureRequest.cases.field.related_model
    cases = list(
        Case.objects.filter(org__path__startswith=org.path, disputed_act__contains="政府信息公开").order_by(
            "copy_received_on"
        )
    )
    linked = 0
    for case in cases:
        target = (
            DisclosureRequest.objects.filter(
                org__path__startswith=org.path, status=REPLIED, replied_on__lt=case.copy_received_on
            )
            .order_by("-replied_on")
            .first()
        )
        if target:
            target.cases.add(case)
            linked += 1
    return linked


PAST_YEARS = {2023: 36, 2024: 41, 2025: 44}  # requests received by 五常 in each year


def load_demo(orgs, users, stdout):
    maker = Maker(seed=2024)
    now = today()
    office, cangqian = orgs["wuchang-office"], orgs["cangqian-office"]
    # every past year from 2023 in full, whatever the clock says (a demo loaded in 2027 still has 2026)
    for year in range(2023, now.year):
        write(
            maker.year(office, year, PAST_YEARS.get(year, 40), until=now),
            f"演示数据 五常{year}年政府信息公开申请",
        )
    items = maker.year(office, now.year, 40, until=now - datetime.timedelta(days=35))
    write(items + maker.open_requests(office, 6), f"演示数据 五常{now.year}年政府信息公开申请")
    write(maker.year(cangqian, 2024, 12) + maker.open_requests(cangqian, 2), "演示数据 仓前政府信息公开申请")
    linked = link_demo_cases(orgs["wuchang"])
    postings = load_postings(orgs, stdout)
    stdout.write(
        f"政府信息公开：已载入演示申请 {DisclosureRequest.objects.count()} 件，关联复议诉讼案件 {linked} 件，"
        f"主动公开信息 {postings} 条。"
    )
