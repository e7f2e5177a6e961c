"""Demo enforcement data for 五常街道综合行政执法队, a plausible year (the 五常 seed reports no enforcement
figures; the shape follows 西乡's: about two thirds of the case files 普通程序, a sixth 涉企, most penalties
fines, nearly all decisions published within 7 工作日): 2024 with 2023 as its baseline, and the current year
with a few open cases — one decision past its 公示 date (overdue on the home board), one near its 90-日
decision limit — and a roster of officers whose events give 2024's 新增/调离/注销/遗失公告 figures, one card
expiring next month. Cases and inspections of past years are written in bulk (one audit entry a batch);
the roster and the open cases go through the services, so their audit trail is real."""

import datetime
import random
from decimal import Decimal

from fazhi.dates import today
from fazhi.deadlines.engine import due_date
from fazhi.ledger import services as ledger

from . import services
from .bulk import NewCase, insert_cases, insert_inspections
from .models import (
    CLOSED,
    NO_PENALTY,
    ActionKind,
    CaseParty,
    Certificate,
    EnforcementCase,
    ExecutionMethod,
    Field,
    InspectionBatch,
    ObjectKind,
    Officer,
    PartyKind,
    PartyRole,
    PenaltyKind,
    Procedure,
    Source,
    SpecialAction,
    SpecialActionKind,
)

TEAM = "wuchang-zf"
ISSUER = "杭州市余杭区人民政府"
NAMES = ("沈建华", "韩志强", "杨晓东", "朱海燕", "秦国庆", "尤文斌", "许明", "何涛", "吕磊", "施静", "张勇",
         "孔杰", "曹洋", "严超")  # fmt: skip
ADDED_2024 = ("华子轩", "金一鸣", "魏思远")
SUMMARIES = {
    Field.CITY_APPEARANCE: ("店铺跨门营业，占用人行道经营", "未经批准擅自设置户外广告牌"),
    Field.ILLEGAL_BUILDING: ("未取得建设工程规划许可证擅自搭建彩钢棚",),
    Field.DUST: ("渣土运输车辆未密闭运输，沿途抛洒", "建设工地未采取有效防尘措施"),
    Field.WORK_SAFETY: ("生产经营单位未按规定对从业人员进行安全生产教育培训",),
    Field.FIRE: ("占用、堵塞消防通道",),
    Field.GAS: ("餐饮单位违规使用瓶装燃气",),
}
FIELD_WEIGHTS = {Field.CITY_APPEARANCE: 40, Field.DUST: 20, Field.ILLEGAL_BUILDING: 10, Field.WORK_SAFETY: 14,
                 Field.FIRE: 10, Field.GAS: 6}  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
COMPANIES = (
    "杭州某某餐饮管理有限公司",
    "余杭某建筑工程有限公司",
    "某渣土运输有限公司",
    "某便利店",
    "某汽车维修有限公司",
)


def _wd(day, n):
    return due_date(day, n, "工作日").due


class Maker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randrange(max((end - start).days, 0) + 1))

    def case(self, org, officer_ids, year: int, *, simple: bool, enterprise: bool, until=None) -> NewCase:
        r = self.rng
        field = r.choices(list(FIELD_WEIGHTS), list(FIELD_WEIGHTS.values()))[0]
        end = until or datetime.date(year, 12, 5)
        filed = self.day(datetime.date(year, 1, 3), end)
        organisation = enterprise or r.random() < 0.3
        if simple:
            kind = r.choice((PenaltyKind.WARNING, PenaltyKind.FINE, PenaltyKind.FINE))
            limit = 3000 if organisation else 200
            fine = Decimal(r.choice((50, 100, 200, 500, 1000, 2000, 3000)))
            fine = min(fine, Decimal(limit)) if kind == PenaltyKind.FINE else Decimal("0")
            decision = filed
        else:
            kind = r.choices(
                (PenaltyKind.FINE, PenaltyKind.WARNING, PenaltyKind.FINE_AND_CONFISCATION), (80, 12, 8)
            )[0]
            fine = Decimal(r.randint(5, 200) * 100) if kind != PenaltyKind.WARNING else Decimal("0")
            decision = filed + datetime.timedelta(days=r.randint(15, 60))
        outcome = NO_PENALTY if not simple and r.random() < 0.04 else CLOSED
        served = decision if simple else decision + datetime.timedelta(days=r.randint(0, 3))
        published = _wd(decision, r.choice((2, 3, 4, 5, 6, 6, 7, 7, 7, 9)) if not simple else r.randint(1, 6))
        closed = max(published, served) + datetime.timedelta(days=r.randint(5, 25))
        case = EnforcementCase(
            org=org,
            status=outcome,
            filed_on=filed,
            procedure=Procedure.SIMPLE if simple else Procedure.ORDINARY,
            source=r.choices(list(Source.values), (50, 20, 22, 6, 2))[0],
            field=field,
            object_kind=ObjectKind.ENTERPRISE if enterprise else r.choice((ObjectKind.SHOP, ObjectKind.VEHICLE, ObjectKind.SITE)),
            summary=r.choice(SUMMARIES[field]),
            av_record=r.random() < 0.9,
            investigated_on=None if simple else filed + datetime.timedelta(days=r.randint(1, 10)),
            notified_on=None if simple else decision - datetime.timedelta(days=r.randint(8, 14)),
            decision_on=decision,
            penalty_kind="" if outcome == NO_PENALTY else kind,
            fine_amount=Decimal("0") if outcome == NO_PENALTY else fine,
            confiscated_amount=Decimal(r.randint(1, 50) * 100) if kind == PenaltyKind.FINE_AND_CONFISCATION else Decimal("0"),
            served_on=served,
            published_on=published,
            executed_on=served + datetime.timedelta(days=r.randint(1, 14)),
            execution_method=ExecutionMethod.VOLUNTARY,
            closed_on=closed,
            close_reason="违法行为轻微并及时改正，没有造成危害后果" if outcome == NO_PENALTY else "",
        )  # fmt: skip
        name = r.choice(COMPANIES) if organisation else r.choice(SURNAMES) + "某"
        party = CaseParty(
            role=PartyRole.PARTY,
            kind=PartyKind.ORGANISATION if organisation else PartyKind.PERSON,
            enterprise=enterprise,
            name=name,
        )
        return NewCase(case, [party], r.sample(officer_ids, 2))


def _year(maker, org, officer_ids, year, *, ordinary, simple, enterprise, until=None) -> list[NewCase]:
    items = []
    for index in range(ordinary + simple):
        is_simple = index >= ordinary
        items.append(
            maker.case(org, officer_ids, year, simple=is_simple, enterprise=index < enterprise, until=until)
        )
    return items


def _inspections(
    maker,
    org,
    year,
    *,
    batches,
    enterprise_checks,
    hazards,
    joint,
    random_checks,
    vehicles,
    until=None,
    campaign=None,
):
    r = maker.rng
    end = until or datetime.date(year, 12, 20)
    rows = []
    per = [enterprise_checks // batches] * batches
    per[0] += enterprise_checks - sum(per)
    found = [hazards // batches] * batches
    found[0] += hazards - sum(found)
    for index in range(batches):
        action = ActionKind.JOINT if index < joint else ActionKind.ROUTINE
        rows.append(
            InspectionBatch(
                org=org,
                held_on=maker.day(datetime.date(year, 1, 5), end),
                action=action,
                random_check=index >= batches - random_checks,
                field=Field.WORK_SAFETY if index % 3 else Field.FIRE,
                object_kind=ObjectKind.ENTERPRISE,
                objects_checked=max(per[index], 1),
                hazards_found=found[index],
                hazards_rectified=found[index] - (1 if found[index] and r.random() < 0.2 else 0),
                joint_units="区应急管理局、消防救援大队" if action == ActionKind.JOINT else "",
            )
        )
    if vehicles:
        rows.append(
            InspectionBatch(
                org=org,
                held_on=datetime.date(year, 6, 18) if datetime.date(year, 6, 18) <= end else end,
                action=ActionKind.SPECIAL,
                special_action=campaign,
                field=Field.DUST,
                object_kind=ObjectKind.VEHICLE,
                objects_checked=vehicles,
                cases_filed_outside=max(vehicles // 70, 1),  # filed before the ledger: no case to link
                joint_units="城建、交警",
            )
        )
    return rows


def _roster(actor, org, rng) -> list[Officer]:
    """Fourteen officers with cards issued in 2021–2022; 2024's events; one card expiring next month."""
    now = today()
    officers = []
    for index, name in enumerate(NAMES):
        issued = datetime.date(2021 + index % 2, 3 + index % 9, 10)
        # six years, or renewed since: the roster is in force on whatever day the demo is loaded
        expires = max(issued.replace(year=issued.year + 6), now + datetime.timedelta(days=400 + 30 * index))
        if index == 0:  # the one the home board warns of
            expires = now + datetime.timedelta(days=30)
        certificate = services.add_officer(
            actor, org=org, name=name, joined_on=issued - datetime.timedelta(days=20),
            number=f"33011000{index + 1:04d}", issuer=ISSUER, issued_on=issued, expires_on=expires,
        )  # fmt: skip
        officers.append(certificate.officer)
    for index, name in enumerate(ADDED_2024):
        joined = datetime.date(2024, 3 + index * 3, 12)
        certificate = services.add_officer(
            actor, org=org, name=name, joined_on=joined, number=f"33011000{100 + index:04d}", issuer=ISSUER,
            issued_on=joined, expires_on=max(joined.replace(year=joined.year + 6), now + datetime.timedelta(days=800)),
        )  # fmt: skip
        officers.append(certificate.officer)
    # 2024: one transferred (his card cancelled with it), one more card cancelled, one lost and announced.
    leaving = Certificate.objects.get(officer=officers[12])
    services.transfer_officer(
        actor, leaving, leaving.version, on=datetime.date(2024, 9, 2), note="调往区城管局"
    )
    cancelled = Certificate.objects.get(officer=officers[13])
    services.cancel_certificate(
        actor, cancelled, cancelled.version, on=datetime.date(2024, 11, 5), note="退休"
    )
    lost = Certificate.objects.get(officer=officers[11])
    services.report_lost(
        actor, lost, lost.version, on=datetime.date(2024, 5, 20), note="《余杭日报》遗失声明"
    )
    # The lost card is replaced by a new one (a new card, not a renewal of the lost one).
    new = Certificate(org=org, officer=officers[11], number="330110000999", issuer=ISSUER,
                      issued_on=datetime.date(2024, 6, 3), expires_on=datetime.date(2030, 6, 2))  # fmt: skip
    new.refresh_deadlines()
    ledger.create(actor, new)
    # 年度培训学时 of 2023 and 2024 (2024: 1144 学时, 67.3 a head)
    for i, officer in enumerate(officers):
        card = officer.certificates.order_by("pk").first()
        for year, hours in ((2023, 48 + (i % 4) * 4), (2024, 60 + (i % 5) * 4)):
            services.record_training(actor, card, card.version, year=year, training_hours=Decimal(hours))
    return [o for o in officers if o.pk not in (officers[12].pk, officers[13].pk)]


def _open_cases(actor, org, officers, rng) -> None:
    """The current year's open cases, through the services: one overdue for 公示, one near its 90-日 limit."""
    now = today()
    pair = officers[1:3]
    person = services.PartyData(name="陈某", id_number="330110198805061232", phone="13905711234")
    company = services.PartyData(
        name="杭州某某餐饮管理有限公司", kind=PartyKind.ORGANISATION, enterprise=True
    )

    late = services.file_case(
        actor, org=org, parties=[company], officers=pair, filed_on=now - datetime.timedelta(days=40),
        procedure=Procedure.ORDINARY, source=Source.COMPLAINT, field=Field.GAS, object_kind=ObjectKind.ENTERPRISE,
        summary="餐饮单位违规使用瓶装燃气，未安装燃气泄漏报警装置",
    )  # fmt: skip
    late = services.investigate(actor, late, late.version, investigated_on=late.filed_on + datetime.timedelta(days=2),
                                evidence="现场检查笔录、照片", av=True)  # fmt: skip
    late = services.notify(actor, late, late.version, notified_on=late.filed_on + datetime.timedelta(days=6))
    late = services.decide(actor, late, late.version, decision_on=now - datetime.timedelta(days=20),
                           penalty_kind=PenaltyKind.FINE, fine_amount=Decimal("5000"))  # fmt: skip
    services.serve(actor, late, late.version, served_on=late.decision_on)

    near = services.file_case(
        actor, org=org, parties=[person], officers=officers[3:5], filed_on=now - datetime.timedelta(days=87),
        procedure=Procedure.ORDINARY, source=Source.PATROL, field=Field.ILLEGAL_BUILDING,
        summary="未取得建设工程规划许可证擅自搭建阳光房",
    )  # fmt: skip
    services.investigate(actor, near, near.version, investigated_on=near.filed_on + datetime.timedelta(days=5),
                         evidence="现场勘验、询问笔录")  # fmt: skip

    fresh = services.file_case(
        actor, org=org, parties=[services.PartyData(name="刘某")], officers=officers[5:7],
        filed_on=now - datetime.timedelta(days=3), procedure=Procedure.ORDINARY, source=Source.VIDEO,
        field=Field.CITY_APPEARANCE, summary="店铺跨门营业，占用人行道经营",
    )  # fmt: skip
    del fresh


# 西乡 2023, as its report counts it: 711 case files (495 普通 / 216 简易, 128 涉企), 行政处罚250次 fining
# 211.6094万元, 430 decisions 公示 (the 250 penalties and 180 不予处罚); the other 281 普通 files, opened in
# November and December, are decided in 2024. 858 enterprise checks finding 541 hazards in 58 batches: 8 大型联合执法 and
# 50 “双随机、一公开”. 18 officers recruited in 2023 (新招执法岗位公务员18名).
XIXIANG_TEAM = "xixiang-zf"
XIXIANG_ISSUER = "深圳市宝安区人民政府"
XIXIANG_OFFICERS = ("黄志明", "陈晓峰", "李嘉豪", "张伟杰", "刘子健", "吴俊辉", "郑嘉欣", "林晓婷", "何伟明",
                    "梁家乐", "谢文涛", "罗志强", "许嘉慧", "邓浩然", "冯凯文", "曾子豪", "彭晓琳", "蔡俊杰")  # fmt: skip
XIXIANG_FIELDS = (
    Field.CITY_APPEARANCE,
    Field.DUST,
    Field.WORK_SAFETY,
    Field.FIRE,
    Field.ILLEGAL_BUILDING,
    Field.GAS,
)
# 100 simple fines of 1,000 元 on businesses, 33 ordinary fines of 60,000 元 and one of 36,094 元: 2,116,094 元.
XIXIANG_SIMPLE_FINE, XIXIANG_ORDINARY_FINE, XIXIANG_LAST_FINE = Decimal(1000), Decimal(60000), Decimal(36094)


def _xixiang_day(index: int, months: range) -> datetime.date:
    """Day ``index`` of a plain round over the months (the 3rd to the 27th), no randomness."""
    month = months[index % len(months)]
    return datetime.date(2023 if month <= 12 else 2024, (month - 1) % 12 + 1, 3 + (index // len(months)) % 25)


def _xixiang_case(
    org, officer_ids, index, *, simple, outcome, fine, enterprise, months=range(1, 13)
) -> NewCase:
    field = XIXIANG_FIELDS[index % len(XIXIANG_FIELDS)]
    filed = _xixiang_day(index, months)
    decided = outcome is not None
    if simple:
        decision = filed
    elif decided:
        decision = filed + datetime.timedelta(days=20 + index % 30)
    else:  # opened in November or December, decided sixty days on: in the new year
        decision = filed + datetime.timedelta(days=60)
    status = outcome or CLOSED
    kind = "" if status == NO_PENALTY else (PenaltyKind.FINE if fine else PenaltyKind.WARNING)
    published = _wd(decision, 3 if simple else 5)
    case = EnforcementCase(
        org=org, status=status, filed_on=filed, procedure=Procedure.SIMPLE if simple else Procedure.ORDINARY,
        source=(Source.PATROL, Source.COMPLAINT, Source.TRANSFER)[index % 3], field=field,
        object_kind=ObjectKind.ENTERPRISE if enterprise else ObjectKind.SHOP, summary=SUMMARIES[field][0],
        av_record=True, investigated_on=None if simple else filed + datetime.timedelta(days=3),
        notified_on=None if simple else decision - datetime.timedelta(days=10), decision_on=decision,
        penalty_kind=kind, fine_amount=fine, served_on=decision, published_on=published,
        executed_on=decision + datetime.timedelta(days=7), execution_method=ExecutionMethod.VOLUNTARY,
        closed_on=published + datetime.timedelta(days=10),
        close_reason="违法行为轻微并及时改正，没有造成危害后果" if status == NO_PENALTY else "",
    )  # fmt: skip
    party = CaseParty(
        role=PartyRole.PARTY,
        kind=PartyKind.ORGANISATION if enterprise or fine == XIXIANG_SIMPLE_FINE else PartyKind.PERSON,
        enterprise=enterprise,
        name="深圳市某某实业有限公司" if enterprise else f"{SURNAMES[index % len(SURNAMES)]}某",
    )
    return NewCase(
        case, [party], [officer_ids[index % len(officer_ids)], officer_ids[(index + 1) % len(officer_ids)]]
    )


def _xixiang_officers(actor, org) -> list[int]:
    now = today()
    ids = []
    for index, name in enumerate(XIXIANG_OFFICERS):
        joined = datetime.date(2023, 2 + index % 8, 6 + index)
        certificate = services.add_officer(
            actor, org=org, name=name, joined_on=joined, number=f"44030600{index + 1:04d}", issuer=XIXIANG_ISSUER,
            issued_on=joined, expires_on=max(joined.replace(year=2029), now + datetime.timedelta(days=800)),
        )  # fmt: skip
        ids.append(certificate.officer_id)
    return ids


def _xixiang(actor, org) -> None:
    ids = _xixiang_officers(actor, org)
    items = []
    # 216 简易: 100 fines on businesses (94 of them 涉企), 116 warnings
    for index in range(216):
        fined = index < 100
        items.append(_xixiang_case(org, ids, index, simple=True, outcome=CLOSED, enterprise=index < 94,
                                   fine=XIXIANG_SIMPLE_FINE if fined else Decimal(0)))  # fmt: skip
    # 495 普通: 34 fines (all 涉企), 180 不予处罚, 281 opened in November or December and decided in 2024
    for index in range(495):
        if index < 34:
            fine = XIXIANG_LAST_FINE if index == 33 else XIXIANG_ORDINARY_FINE
            item = _xixiang_case(org, ids, index, simple=False, outcome=CLOSED, fine=fine, enterprise=True,
                                 months=range(1, 11))  # fmt: skip
        elif index < 214:
            item = _xixiang_case(org, ids, index, simple=False, outcome=NO_PENALTY, fine=Decimal(0),
                                 enterprise=False, months=range(1, 11))  # fmt: skip
        else:
            item = _xixiang_case(org, ids, index, simple=False, outcome=None, fine=Decimal(0), enterprise=False,
                                 months=range(11, 13))  # fmt: skip
        items.append(item)
    insert_cases(actor, items, source="演示数据 西乡2023年")
    batches = []
    checks, hazards = (
        [858 // 58 + (1 if i < 858 % 58 else 0) for i in range(58)],
        [541 // 58 + (1 if i < 541 % 58 else 0) for i in range(58)],
    )
    for index in range(58):
        joint = index < 8
        batches.append(InspectionBatch(
            org=org, held_on=_xixiang_day(index, range(1, 12)), action=ActionKind.JOINT if joint else ActionKind.ROUTINE,
            random_check=not joint, field=Field.WORK_SAFETY if index % 3 else Field.FIRE,
            object_kind=ObjectKind.ENTERPRISE, objects_checked=checks[index], hazards_found=hazards[index],
            hazards_rectified=hazards[index], joint_units="区应急管理局、区消防救援大队" if joint else "",
        ))  # fmt: skip
    insert_inspections(actor, batches, source="演示数据 西乡2023年执法检查")


# 观澜 2024: the 百日攻坚 checks 5741 vehicles at checkpoints and on patrol and files 82 cases on them; the
# 智慧城管 platform dispatches 6105 video-patrol cases (市容六乱, handled by the simple procedure). The roster:
# 12 officers in post before 2024, 9 new in 2024 (新增执法人员9人), 3 transferred (调离3人, their cards
# cancelled with it) and 3 more cards cancelled (注销6张执法证), 2 cards lost and announced (遗失公告2次).
GUANLAN_TEAM = "guanlan-zf"
GUANLAN_ISSUER = "深圳市龙华区人民政府"
GUANLAN_OFFICERS = ("李志华", "陈伟强", "黄俊杰", "张晓东", "刘海燕", "周文斌", "吴嘉豪", "郑建国", "林晓婷",
                    "何志明", "罗家乐", "谢文涛")  # fmt: skip
GUANLAN_ADDED = ("邓子豪", "冯嘉欣", "曾浩然", "彭俊辉", "蔡晓琳", "许志强", "梁文杰", "叶嘉慧", "钟伟明")
GUANLAN_VEHICLES, GUANLAN_VEHICLE_CASES, GUANLAN_VIDEO_CASES = 5741, 82, 6105
GUANLAN_VIDEO_SUMMARIES = ("店铺跨门营业，占用人行道经营", "乱摆卖，占道经营", "乱堆放杂物", "乱张贴小广告",
                           "乱晾晒", "乱拉挂横幅")  # fmt: skip


def _guanlan_roster(actor, org) -> list[int]:
    now = today()
    ids, cards = [], []
    for index, name in enumerate((*GUANLAN_OFFICERS, *GUANLAN_ADDED)):
        added = index >= len(GUANLAN_OFFICERS)
        joined = (
            datetime.date(2024, 2 + index % 9, 8)
            if added
            else datetime.date(2020 + index % 3, 3 + index % 8, 16)
        )
        certificate = services.add_officer(
            actor, org=org, name=name, joined_on=joined, number=f"44030900{index + 1:04d}", issuer=GUANLAN_ISSUER,
            issued_on=joined, expires_on=max(joined.replace(year=joined.year + 6), now + datetime.timedelta(days=800)),
        )  # fmt: skip
        ids.append(certificate.officer_id)
        cards.append(certificate)
    for index, card in enumerate(cards[:8]):
        on = datetime.date(2024, 3 + index, 18)
        if index < 3:  # 调离, the card cancelled with it
            services.transfer_officer(actor, card, card.version, on=on, note="轮岗调整至其他部门")
        elif index < 6:
            services.cancel_certificate(actor, card, card.version, on=on, note="岗位调整，不再从事执法工作")
        else:
            services.report_lost(actor, card, card.version, on=on, note="《深圳特区报》遗失声明")
    return ids[3:]


def campaign(actor, org, year: int, *, name="百日攻坚", starts=(6, 1), ends=(9, 8)) -> SpecialAction:
    """The team's 百日攻坚 of ``year``: 渣土运输车辆 checked at checkpoints and on patrol."""
    return services.record_special_action(
        actor, org=org, name=name, kind=SpecialActionKind.CAMPAIGN, starts_on=datetime.date(year, *starts),
        ends_on=datetime.date(year, *ends), joint_departments="城建、交警",
        goal="渣土运输车辆专项整治：定点设卡＋机动巡查，查处未密闭运输、沿途抛洒",
    )  # fmt: skip


def _guanlan_case(org, officer_ids, index: int, day_of_year: int, *, vehicle: bool, batch=None) -> NewCase:
    filed = datetime.date(2024, 1, 2) + datetime.timedelta(days=day_of_year)
    if vehicle:  # 普通程序: a fine on the carrier
        decision = filed + datetime.timedelta(days=20)
        summary, field, kind, fine = (
            "渣土运输车辆未密闭运输，沿途抛洒",
            Field.DUST,
            PenaltyKind.FINE,
            Decimal(5000),
        )
    else:  # 简易程序: a warning on the spot
        decision = filed
        summary, field = GUANLAN_VIDEO_SUMMARIES[index % len(GUANLAN_VIDEO_SUMMARIES)], Field.CITY_APPEARANCE
        kind, fine = PenaltyKind.WARNING, Decimal(0)
    case = EnforcementCase(
        org=org, status=CLOSED, filed_on=filed, procedure=Procedure.ORDINARY if vehicle else Procedure.SIMPLE,
        source=Source.PATROL if vehicle else Source.VIDEO, field=field,
        object_kind=ObjectKind.VEHICLE if vehicle else ObjectKind.SHOP, summary=summary, av_record=True,
        investigated_on=filed + datetime.timedelta(days=2) if vehicle else None,
        notified_on=decision - datetime.timedelta(days=10) if vehicle else None, decision_on=decision,
        penalty_kind=kind, fine_amount=fine, served_on=decision, published_on=decision + datetime.timedelta(days=1),
        executed_on=decision + datetime.timedelta(days=5), execution_method=ExecutionMethod.VOLUNTARY,
        closed_on=decision + datetime.timedelta(days=12),
        inspection=batch, special_action=batch.special_action if batch else None,
    )  # fmt: skip
    party = CaseParty(
        role=PartyRole.PARTY,
        kind=PartyKind.ORGANISATION if vehicle else PartyKind.PERSON,
        name="深圳市某某运输有限公司" if vehicle else f"{SURNAMES[index % len(SURNAMES)]}某",
    )
    return NewCase(
        case, [party], [officer_ids[index % len(officer_ids)], officer_ids[(index + 1) % len(officer_ids)]]
    )


def _guanlan(actor, org) -> None:
    ids = _guanlan_roster(actor, org)
    # The 百日攻坚's checkpoint batch: its 82 cases are filed in the ledger from it (linked, so its 立案 counts
    # them; nothing typed), from its day on.
    action = campaign(actor, org, 2024, starts=(6, 18), ends=(9, 25))
    held = datetime.date(2024, 6, 18)
    [batch] = insert_inspections(actor, [InspectionBatch(
        org=org, held_on=held, action=ActionKind.SPECIAL, special_action=action, field=Field.DUST,
        object_kind=ObjectKind.VEHICLE, objects_checked=GUANLAN_VEHICLES, joint_units="城建、交警",
    )], source="演示数据 观澜2024年执法检查")  # fmt: skip
    # decided by 2024-12-10 so that every date of the closed case lies in 2024 (published the next day)
    items = [
        _guanlan_case(org, ids, i, i * 340 // GUANLAN_VIDEO_CASES, vehicle=False)
        for i in range(GUANLAN_VIDEO_CASES)
    ]
    first = (held - datetime.date(2024, 1, 2)).days
    items += [
        _guanlan_case(org, ids, i, first + i, vehicle=True, batch=batch) for i in range(GUANLAN_VEHICLE_CASES)
    ]
    insert_cases(actor, items, source="演示数据 观澜2024年")


def load_demo(orgs, users, stdout):
    org = orgs[TEAM]
    actor = users.get("zhifa") or users.get("fazhiban")
    maker = Maker(seed=2024)
    officers = _roster(actor, org, maker.rng)
    ids = [o.pk for o in officers]
    now = today()
    insert_cases(
        actor,
        _year(maker, org, ids, 2023, ordinary=150, simple=72, enterprise=31),
        source="演示数据 五常2023年",
    )
    insert_cases(
        actor,
        _year(maker, org, ids, 2024, ordinary=176, simple=88, enterprise=41),
        source="演示数据 五常2024年",
    )
    # every date of a closed case (decision, 公示, 结案) must lie before today
    until = now - datetime.timedelta(days=120)
    share = max((until - datetime.date(now.year, 1, 1)).days, 0) / 365
    if share:
        current = _year(maker, org, ids, now.year, ordinary=int(180 * share), simple=int(80 * share),
                        enterprise=int(40 * share), until=until)  # fmt: skip
        insert_cases(actor, current, source=f"演示数据 五常{now.year}年")
    batches = _inspections(maker, org, 2023, batches=30, enterprise_checks=260, hazards=150, joint=3,
                           random_checks=10, vehicles=0)  # fmt: skip
    batches += _inspections(maker, org, 2024, batches=36, enterprise_checks=312, hazards=187, joint=4,
                            random_checks=12, vehicles=1260, campaign=campaign(actor, org, 2024))  # fmt: skip
    if share:
        batches += _inspections(maker, org, now.year, batches=max(int(36 * share), 1), enterprise_checks=int(300 * share) + 1,
                                hazards=int(170 * share), joint=1, random_checks=2, vehicles=0, until=until)  # fmt: skip
    insert_inspections(actor, batches, source="演示数据 五常执法检查")
    _open_cases(actor, org, officers, maker.rng)
    _xixiang(users.get("xixiang-fzb") or actor, orgs[XIXIANG_TEAM])
    if GUANLAN_TEAM in orgs:
        _guanlan(users.get("guanlan-zhifa") or actor, orgs[GUANLAN_TEAM])
    stdout.write(
        f"行政执法：已载入演示案件 {EnforcementCase.objects.count()} 件、执法检查 {InspectionBatch.objects.count()} 次、"
        f"执法人员 {Officer.objects.count()} 人。"
    )
