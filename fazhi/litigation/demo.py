"""Demo cases and analysis meetings, written through the services (numbered and audited).

五常 2024 reproduces its report: 诉讼案件72起 (民事50, 行政诉讼14, 行政复议8); 判决书41份 (无行政败诉),
行政调解书4份, 行政复议决定书6份, 协助执行通知书3份, 律师函1份, 其他文书43份 (here 准予撤诉裁定书14份
and 29 other documents); 行政诉讼调撤率83.33% (12 administrative cases concluded in 2024, 6 withdrawn
and 4 mediated); 出庭率100%; one reconsideration corrected (the report's 行政复议纠错案件). 2023 is a
smaller baseline, with 涉诉案件分析会5场 plus the annual one each year. 西乡 2023 and 观澜 2024 have their
reports' cases and meetings. (The suggestions and 提醒函 of the same
years are the oversight app's demo.) The current year has open cases whose replies are due
soon or overdue.
"""

import datetime
import random

from fazhi.dates import today

from . import services
from .models import AnalysisMeeting, Case, CaseKind
from .models import LitigationDocumentKind as Doc
from .models import LitigationOutcome as Out

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖"
COMPANIES = ("杭州某某建设有限公司", "余杭某物业服务有限公司", "某装饰工程有限公司", "某农业开发有限公司",
             "某劳务派遣有限公司", "某科技有限公司")  # fmt: skip
ADMIN_ACTS = ("违法建筑限期拆除决定", "政府信息公开申请答复", "征收补偿安置协议履行", "行政处罚决定（占道经营）",
              "责令限期改正通知书", "不履行法定职责（投诉处理）")  # fmt: skip
CIVIL_CAUSES = (("劳动争议", "原员工主张加班工资及经济补偿"), ("建设工程施工合同纠纷", "施工方主张支付剩余工程款"),
                ("房屋租赁合同纠纷", "承租方主张返还押金"), ("物权保护纠纷", "村民主张返还土地使用权"),
                ("侵权责任纠纷", "路面坑洼致骑车人受伤索赔"), ("合同纠纷", "供应商主张支付服务费"))  # fmt: skip
OTHER_TITLES = ("应诉通知书", "举证通知书", "开庭传票", "参加诉讼通知书", "答辩期满通知书")


class Maker:
    def __init__(self, orgs, users, seed: int):
        self.rng = random.Random(seed)
        self.orgs = orgs
        self.actor = users["fazhiban"]

    def name(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + r.choice("伟芳娜敏静强磊军洋勇艳杰涛明超平刚华")

    def phone(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randrange((end - start).days + 1))

    def case(self, kind: str, received_on: datetime.date, unit: str, court: str = "") -> Case:
        r = self.rng
        if kind == CaseKind.CIVIL:
            cause, act = r.choice(CIVIL_CAUSES)
            plaintiff = services.PartyData(r.choice(COMPANIES) if "合同" in cause else self.name())
            court = court or "杭州市余杭区人民法院"
        else:
            cause, act = "", r.choice(ADMIN_ACTS)
            plaintiff = services.PartyData(self.name(), phone=self.phone())
            court = court or (
                "杭州市余杭区人民政府" if kind == CaseKind.RECONSIDERATION else "杭州市西湖区人民法院"
            )
        prefix = {"reconsideration": "余政复", "administrative": "浙0106行初", "civil": "浙0110民初"}[kind]
        return services.register_case(
            self.actor,
            org=self.orgs[unit],
            parties=[plaintiff],
            kind=kind,
            court=court,
            external_number=f"（{received_on.year}）{prefix}{r.randint(100, 9999)}号",
            cause=cause,
            disputed_act=act,
            copy_received_on=received_on,
        )

    def reply(self, case: Case, late: bool = False) -> Case:
        if case.reply_due is None:
            return case
        replied = (
            case.reply_due + datetime.timedelta(days=2)
            if late
            else case.reply_due - datetime.timedelta(days=self.rng.randint(0, 5))
        )
        replied = max(replied, case.copy_received_on)
        return services.record_reply(self.actor, case, case.version, replied_on=min(replied, today()))

    def hearing(self, case: Case, on: datetime.date, head: bool) -> Case:
        return services.add_hearing(
            self.actor,
            case,
            case.version,
            held_on=on,
            head_appeared=head,
            appeared_by="街道办事处副主任" if head else "",
            note="负责人出庭应诉并发表意见" if head else "委托律师出庭",
        )

    def document(self, case: Case, kind: str, on: datetime.date, title: str = "") -> Case:
        return services.add_document(self.actor, case, case.version, kind=kind, received_on=on, title=title)

    def conclude(self, case: Case, outcome: str, on: datetime.date) -> Case:
        return services.conclude(self.actor, case, case.version, outcome=outcome, concluded_on=on)


def _spread(maker: Maker, year: int, count: int, first_month=1, last_day=None) -> list[datetime.date]:
    last = last_day or datetime.date(year, 10, 31)
    return sorted(maker.day(datetime.date(year, first_month, 5), last) for _ in range(count))


def _later(day: datetime.date, low: int, high: int, rng, cap: datetime.date) -> datetime.date:
    return min(day + datetime.timedelta(days=rng.randint(low, high)), cap)


def _year(maker: Maker, year: int, plan: dict) -> None:
    """One year of cases following ``plan`` (counts per kind and outcome); what is left pending is
    concluded next year by _carry_over."""
    rng = maker.rng
    end = datetime.date(year, 12, 31)
    # Administrative litigation: withdrawn, mediated, judged, pending; hearings on the contested ones.
    outcomes = [Out.WITHDRAWN] * plan["admin_withdrawn"] + [Out.MEDIATED] * plan["admin_mediated"]
    outcomes += [Out.UPHELD] * plan["admin_upheld"]
    pending = plan["admin"] - len(outcomes)
    outcomes += [None] * pending
    admin_days = _spread(maker, year, plan["admin"], last_day=datetime.date(year, 9, 30))
    hearings_held = 0
    for index, (received, outcome) in enumerate(zip(admin_days, outcomes, strict=True)):
        unit = ("wuchang-zf", "wuchang-office")[index % 2]
        case = maker.reply(maker.case(CaseKind.ADMINISTRATIVE, received, unit))
        if outcome != Out.WITHDRAWN and hearings_held < plan["admin_hearings"]:
            head = hearings_held >= plan["admin_hearings_absent"]
            case = maker.hearing(case, _later(case.replied_on, 20, 60, rng, end), head=head)
            hearings_held += 1
        if outcome is None:
            maker.document(case, Doc.OTHER, _later(received, 30, 40, rng, end), "开庭传票")
            continue
        last = case.hearings.last()
        on = _later(last.held_on if last else case.replied_on, 10, 60, rng, end)
        kind, title = {
            Out.WITHDRAWN: (Doc.RULING, "准予撤诉行政裁定书"),
            Out.MEDIATED: (Doc.MEDIATION, "行政调解书"),
            Out.UPHELD: (Doc.JUDGEMENT, "行政判决书（驳回诉讼请求）"),
        }[outcome]
        maker.conclude(maker.document(case, kind, on, title), outcome, on)

    # Reconsideration: decisions (the first ones corrected), the rest withdrawn.
    days = _spread(maker, year, plan["reconsideration"], last_day=datetime.date(year, 11, 10))
    for index, received in enumerate(days):
        unit = ("wuchang-zf", "wuchang-office")[index % 2]
        case = maker.reply(maker.case(CaseKind.RECONSIDERATION, received, unit))
        on = _later(received, 35, 55, rng, end)
        outcome = Out.WITHDRAWN
        if index < plan["decisions"]:
            outcome = Out.CORRECTED if index < plan["corrected"] else Out.UPHELD
            case = maker.document(case, Doc.DECISION, on, "行政复议决定书")
        maker.conclude(case, outcome, on)

    # Civil: judgements, withdrawals, pending; assistance notices and lawyers' letters on the first ones.
    judged, withdrawn = plan["civil_judged"], plan["civil_withdrawn"]
    extras = [Doc.ASSISTANCE] * plan["assistance"] + [Doc.LAWYER_LETTER] * plan["lawyer_letters"]
    days = _spread(maker, year, plan["civil"], last_day=datetime.date(year, 10, 15))
    for index, received in enumerate(days):
        case = maker.reply(maker.case(CaseKind.CIVIL, received, ("wuchang-office", "wuchang-sfs")[index % 2]))
        if index < len(extras):
            title = "协助执行通知书" if extras[index] == Doc.ASSISTANCE else "律师函"
            case = maker.document(case, extras[index], _later(received, 3, 20, rng, end), title)
        if index < judged:
            on = _later(case.replied_on, 30, 70, rng, end)
            case = maker.document(case, Doc.JUDGEMENT, on, "民事判决书")
            maker.conclude(case, rng.choice((Out.UPHELD, Out.UPHELD, Out.OTHER)), on)
        elif index < judged + withdrawn:
            on = _later(case.replied_on, 10, 40, rng, end)
            maker.conclude(maker.document(case, Doc.RULING, on, "准予撤诉民事裁定书"), Out.WITHDRAWN, on)

    # Other notices (应诉通知书, 传票 …) on the year's cases, up to the planned number.
    year_cases = list(Case.objects.filter(copy_received_on__year=year, org__code__startswith="wuchang"))
    for index in range(plan["other_documents"] - pending):
        case = Case.objects.get(pk=rng.choice(year_cases).pk)
        on = _later(case.copy_received_on, 1, 10, rng, end)
        maker.document(case, Doc.OTHER, on, OTHER_TITLES[index % len(OTHER_TITLES)])


PLAN_2024 = {
    "admin": 14, "admin_withdrawn": 6, "admin_mediated": 4, "admin_upheld": 2, "admin_hearings": 5,
    "admin_hearings_absent": 0, "reconsideration": 8, "decisions": 6, "corrected": 1,
    "civil": 50, "civil_judged": 39, "civil_withdrawn": 8, "assistance": 3, "lawyer_letters": 1,
    "other_documents": 29,
}  # fmt: skip
PLAN_2023 = {
    "admin": 10, "admin_withdrawn": 4, "admin_mediated": 3, "admin_upheld": 3, "admin_hearings": 4,
    "admin_hearings_absent": 1, "reconsideration": 6, "decisions": 5, "corrected": 1,
    "civil": 43, "civil_judged": 33, "civil_withdrawn": 10, "assistance": 2, "lawyer_letters": 2,
    "other_documents": 20,
}  # fmt: skip


def _carry_over(maker: Maker, year: int) -> None:
    """Cases of ``year`` still pending at its end conclude early the next year (judgements dated then)."""
    rng = maker.rng
    for case in Case.objects.filter(copy_received_on__year=year, org__code__startswith="wuchang").exclude(
        status="concluded"
    ):
        on = min(datetime.date(year + 1, 1, 10) + datetime.timedelta(days=rng.randint(0, 60)), today())
        case = maker.document(case, Doc.JUDGEMENT, on, "判决书")
        maker.conclude(case, Out.UPHELD, on)


def _meetings(maker: Maker, year: int, orgs) -> None:
    actor = maker.actor
    year_cases = list(
        Case.objects.filter(
            copy_received_on__year=year, kind="administrative", org__code__startswith="wuchang"
        )
    )
    for index in range(5):
        services.record_meeting(
            actor, org=orgs["wuchang"], held_on=datetime.date(year, 2 + index * 2, 20),
            attendees="街道主要领导、分管领导、党政办、法律顾问", conclusions="研判争议焦点，明确应诉意见和化解方案。",
            cases=year_cases[index * 2: index * 2 + 2],
        )  # fmt: skip
    services.record_meeting(
        actor, org=orgs["wuchang"], held_on=datetime.date(year, 12, 20), attendees="街道党工委、各科室负责人",
        conclusions="总结全年涉诉案件情况，部署执法规范化整改。", annual_review=True,
    )  # fmt: skip


def _open_now(maker: Maker, orgs) -> None:
    """Current-year cases: closed ones and a few open with replies due soon or overdue."""
    now = today()
    rng = maker.rng
    closed_until = now - datetime.timedelta(days=60)
    if closed_until - datetime.timedelta(days=40) <= datetime.date(now.year, 1, 5):
        closed_until = None  # too early in the year for closed cases of this year
    for kind, count in ((CaseKind.CIVIL, 30), (CaseKind.ADMINISTRATIVE, 9), (CaseKind.RECONSIDERATION, 5)):
        if closed_until is None:
            break
        for received in _spread(maker, now.year, count, last_day=closed_until - datetime.timedelta(days=40)):
            case = maker.reply(
                maker.case(kind, received, "wuchang-office" if kind == CaseKind.CIVIL else "wuchang-zf")
            )
            on = _later(case.replied_on, 10, 40, rng, closed_until)
            if kind == CaseKind.ADMINISTRATIVE:
                case = maker.hearing(case, on, head=True)
            outcome = rng.choice((Out.UPHELD, Out.WITHDRAWN, Out.MEDIATED))
            kind_doc = {Out.UPHELD: Doc.JUDGEMENT, Out.WITHDRAWN: Doc.RULING, Out.MEDIATED: Doc.MEDIATION}[
                outcome
            ]
            if kind == CaseKind.RECONSIDERATION:
                kind_doc = Doc.DECISION
            case = maker.document(case, kind_doc, on)
            maker.conclude(case, outcome, on)
    # Open: days since the copy arrived → due soon, overdue, or answered and waiting for a hearing.
    for kind, ago, answered in (
        (CaseKind.ADMINISTRATIVE, 12, False), (CaseKind.CIVIL, 13, False), (CaseKind.CIVIL, 20, False),
        (CaseKind.RECONSIDERATION, 8, False), (CaseKind.RECONSIDERATION, 14, False),
        (CaseKind.ADMINISTRATIVE, 40, True), (CaseKind.CIVIL, 50, True),
    ):  # fmt: skip
        case = maker.case(
            kind,
            now - datetime.timedelta(days=ago),
            "wuchang-zf" if kind != CaseKind.CIVIL else "wuchang-office",
        )
        if answered:
            maker.reply(case)


def _cangqian(orgs, users) -> None:
    actor = users.get("cangqian")
    if actor is None:
        return
    unit = orgs["cangqian-tw"]
    for ago in (90, 30):
        services.register_case(
            actor, org=unit, parties=[services.PartyData("钱某")], kind=CaseKind.CIVIL,
            court="杭州市余杭区人民法院", disputed_act="调解协议履行争议", copy_received_on=today() - datetime.timedelta(days=ago),
        )  # fmt: skip


def _xixiang(orgs, users) -> None:
    """西乡 2023: 行政复议5宗, all answered on time; 行政诉讼4宗, one heard with the organ's head in court
    (出庭率100%) and judged for the street (暂无行政败诉案件), the others withdrawn."""
    actor = users.get("xixiang-fzb")
    if actor is None:
        return
    maker = Maker(orgs, {"fazhiban": actor}, seed=2023)
    end = datetime.date(2023, 12, 31)
    for index, received in enumerate(datetime.date(2023, month, 12) for month in (3, 5, 7, 9)):
        case = maker.reply(
            maker.case(
                CaseKind.ADMINISTRATIVE,
                received,
                ("xixiang-zf", "xixiang-office")[index % 2],
                "深圳市宝安区人民法院",
            )
        )
        if index == 0:
            case = maker.hearing(case, _later(case.replied_on, 30, 40, maker.rng, end), head=True)
            on = _later(case.hearings.last().held_on, 20, 30, maker.rng, end)
            maker.conclude(
                maker.document(case, Doc.JUDGEMENT, on, "行政判决书（驳回诉讼请求）"), Out.UPHELD, on
            )
        else:
            on = _later(case.replied_on, 20, 40, maker.rng, end)
            maker.conclude(maker.document(case, Doc.RULING, on, "准予撤诉行政裁定书"), Out.WITHDRAWN, on)
    for index, received in enumerate(datetime.date(2023, month, 20) for month in (2, 4, 6, 8, 10)):
        case = maker.reply(
            maker.case(CaseKind.RECONSIDERATION, received, "xixiang-zf", "深圳市宝安区人民政府")
        )
        on = _later(received, 35, 55, maker.rng, end)
        if index < 3:
            maker.conclude(maker.document(case, Doc.DECISION, on, "行政复议决定书"), Out.UPHELD, on)
        else:
            maker.conclude(case, Out.WITHDRAWN, on)


def _guanlan(orgs, users) -> None:
    """观澜 2024: 行政复议5宗, each answered on time, one withdrawn by the applicant after the street's talks
    (促使当事人撤回行政复议申请1宗); 涉诉案件分析会5场 and the year's 总结分析会."""
    actor = users.get("guanlan-fzb")
    if actor is None:
        return
    maker = Maker(orgs, {"fazhiban": actor}, seed=2024)
    end = datetime.date(2024, 12, 31)
    cases = []
    for index, received in enumerate(datetime.date(2024, month, 11) for month in (3, 5, 7, 9, 10)):
        case = maker.reply(
            maker.case(CaseKind.RECONSIDERATION, received, "guanlan-zf", "深圳市龙华区人民政府")
        )
        on = _later(received, 35, 55, maker.rng, end)
        if index == 0:
            maker.conclude(case, Out.WITHDRAWN, on)
        else:
            maker.conclude(maker.document(case, Doc.DECISION, on, "行政复议决定书"), Out.UPHELD, on)
        cases.append(case)
    for index in range(5):
        services.record_meeting(
            actor, org=orgs["guanlan"], held_on=datetime.date(2024, 2 + index * 2, 22),
            attendees="街道分管领导、党政办、法律顾问、相关职能部门", conclusions="集中研讨涉诉案件疑点难点、法律风险，提出应诉意见。",
            cases=cases[index:index + 1],
        )  # fmt: skip
    services.record_meeting(
        actor, org=orgs["guanlan"], held_on=datetime.date(2024, 12, 18), attendees="街道党工委、各部门负责人",
        conclusions="总结全年涉诉案件情况，分析共性问题。", annual_review=True,
    )  # fmt: skip


def load_demo(orgs, users, stdout):
    maker = Maker(orgs, users, seed=72)
    _year(maker, 2023, PLAN_2023)
    _carry_over(maker, 2023)
    _meetings(maker, 2023, orgs)
    _year(maker, 2024, PLAN_2024)
    _carry_over(maker, 2024)
    _meetings(maker, 2024, orgs)
    _year(maker, 2025, PLAN_2023)
    _carry_over(maker, 2025)
    _open_now(maker, orgs)
    _cangqian(orgs, users)
    _xixiang(orgs, users)
    _guanlan(orgs, users)
    stdout.write(
        f"复议诉讼：已载入演示案件 {Case.objects.count()} 件、"
        f"涉诉案件分析会 {AnalysisMeeting.objects.count()} 场。"
    )
