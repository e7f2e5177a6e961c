"""Demo oversight items and reminders.

西乡-like suggestions for 五常 2023 and 2024: 司法建议书2份 and 检察建议书2份 a year, all replied on time, and
提醒函5份 a year from the 街道 to its departments (观澜), all followed up; in the current year a 检察建议 and
a 司法建议 waiting for their reply and a reminder whose follow-up is overdue. These go through the services
(numbered and audited).

西乡's own 2023, on 西乡街道党政办: its four letters (司法建议书2份, 检察建议书2份, replied on time) through the
services, and the other kinds as its report counts them (市人大建议17件主办1件, 市政协提案6件主办1件, 区人大建议77件
主办3件承办3件分办6件, 区政协提案44件主办2件, 满意率100%; 督查督办区两重59件、街道军令状10件; 换届经责审计27家
发现问题247项提出审计建议114条, 任期经责审计6个问题59项建议59条, 协助上级审计12个督促整改8个) are written in
one batch (ledger.bulk, one audit entry), as the data generator writes volume; and in the current year a
deputy's suggestion with two co-handling units and its draft reply, a proposal awaiting the member's view, an
audit project with a measure still open and a 军令状 item due in two days go through the services.
"""

import datetime
from functools import lru_cache

from fazhi.dates import today
from fazhi.ledger.bulk import insert_batch

from . import models, services
from .letters import reply_letter
from .models import (
    CLOSED,
    REPLIED,
    AuditKind,
    Level,
    Measure,
    MeasureStatus,
    Reminder,
    Role,
    Satisfaction,
    Suggestion,
    SuggestionKind,
    SupervisionKind,
)

_due = lru_cache(maxsize=512)(models.suggestion_due)


def _year(actor, year: int, orgs) -> None:
    office = orgs["wuchang-office"]
    judicial = [("杭州市余杭区人民法院", datetime.date(year, 4, 8), datetime.date(year, 5, 8)),
                ("杭州市中级人民法院", datetime.date(year, 9, 12), datetime.date(year, 10, 31))]  # fmt: skip
    for issuer, received, due in judicial:
        item = services.receive_suggestion(
            actor, org=office, kind="judicial", issuer=issuer, received_on=received, reply_due=due,
            content="建议规范征收补偿协议签订程序，加强合同履行风险评估。",
        )  # fmt: skip
        services.reply_suggestion(
            actor,
            item,
            item.version,
            replied_on=due - datetime.timedelta(days=6),
            reply_text="已完善协议审查流程。",
        )
    for received in (datetime.date(year, 3, 20), datetime.date(year, 8, 2)):
        item = services.receive_suggestion(
            actor, org=office, kind="procuratorate", issuer="杭州市余杭区人民检察院", received_on=received,
            content="建议加强对辖区建筑垃圾违规倾倒的监管，落实属地管理责任。",
        )  # fmt: skip
        services.reply_suggestion(
            actor, item, item.version, replied_on=item.reply_due - datetime.timedelta(days=10),
            reply_text="已开展专项整治并将落实情况书面反馈区检察院。",
        )  # fmt: skip
    units = ("wuchang-zf", "wuchang-sfs", "wuchang-office", "wuchang-zf", "wuchang-wy")
    for index, unit in enumerate(units):
        issued = datetime.date(year, 2 + index * 2, 15)
        reminder = services.issue_reminder(
            actor, org=orgs["wuchang"], to_unit=orgs[unit], issued_on=issued,
            matter="行政执法程序不规范，存在履职法律风险，请对照整改并书面反馈。",
            follow_up_due=issued + datetime.timedelta(days=30),
        )  # fmt: skip
        services.record_follow_up(
            actor, reminder, reminder.version, followed_on=issued + datetime.timedelta(days=20),
            follow_up="已组织自查并完善执法文书。",
        )  # fmt: skip


def _xixiang_letters(actor, orgs) -> None:
    """西乡 2023: 司法建议书2份 answered on time, 检察建议书2份 whose 回复率 is 100%."""
    office = orgs["xixiang-office"]
    letters = (
        ("judicial", "深圳市宝安区人民法院", datetime.date(2023, 5, 10), "建议规范房屋征收补偿协议的签订与履行。"),
        ("judicial", "深圳市中级人民法院", datetime.date(2023, 9, 6), "建议加强劳动争议源头治理。"),
        ("procuratorate", "深圳市宝安区人民检察院", datetime.date(2023, 4, 3), "建议加强燃气经营场所安全监管。"),
        ("procuratorate", "深圳市宝安区人民检察院", datetime.date(2023, 8, 21), "建议规范占道经营执法。"),
    )  # fmt: skip
    for kind, issuer, received, content in letters:
        item = services.receive_suggestion(
            actor, org=office, kind=kind, issuer=issuer, received_on=received, content=content
        )
        services.reply_suggestion(
            actor, item, item.version, replied_on=item.reply_due - datetime.timedelta(days=7),
            reply_text="已制定整改措施并落实到位，书面反馈办理情况。",
        )  # fmt: skip


def _open_now(actor, orgs) -> None:
    now = today()
    office = orgs["wuchang-office"]
    services.receive_suggestion(
        actor, org=office, kind="procuratorate", issuer="杭州市余杭区人民检察院",
        received_on=now - datetime.timedelta(days=70), content="建议加强对流动摊贩占道经营的执法监管。",
    )  # fmt: skip
    services.receive_suggestion(
        actor, org=office, kind="judicial", issuer="杭州市余杭区人民法院",
        received_on=now - datetime.timedelta(days=10), reply_due=now + datetime.timedelta(days=2),
        content="建议规范政府信息公开答复书中救济途径的告知。",
    )  # fmt: skip
    services.issue_reminder(
        actor, org=orgs["wuchang"], to_unit=orgs["wuchang-zf"], issued_on=now - datetime.timedelta(days=25),
        matter="行政处罚案件听证告知程序不规范，请整改并反馈。", follow_up_due=now - datetime.timedelta(days=3),
    )  # fmt: skip


# (kind, level, issuer, {role: count}) of 西乡's 2023
PROPOSALS_2023 = (
    (SuggestionKind.NPC, Level.CITY, "深圳市人大常委会", {Role.LEAD: 1, Role.ASSIST: 16}),
    (SuggestionKind.CPPCC, Level.CITY, "深圳市政协提案委员会", {Role.LEAD: 1, Role.ASSIST: 5}),
    (SuggestionKind.NPC, Level.DISTRICT, "宝安区人大常委会", {Role.LEAD: 3, Role.HANDLE: 3, Role.SPLIT: 6, Role.ASSIST: 65}),
    (SuggestionKind.CPPCC, Level.DISTRICT, "宝安区政协提案委员会", {Role.LEAD: 2, Role.ASSIST: 42}),
)  # fmt: skip
# (audit kind, projects, findings, recommendations, closed after rectification)
AUDITS_2023 = (
    (AuditKind.TRANSITION, 27, 247, 114, 0),
    (AuditKind.TENURE, 6, 59, 59, 0),
    (AuditKind.ASSIST, 12, None, None, 8),
)


def _spread(total: int | None, parts: int) -> list[int | None]:
    """``total`` shared out over ``parts`` as evenly as whole numbers go (247 over 27: four 10s, then 9s)."""
    if total is None:
        return [None] * parts
    share, rest = divmod(total, parts)
    return [share + (1 if index < rest else 0) for index in range(parts)]


def _day(index: int, year: int) -> datetime.date:
    """Received days spread over January to October, so that every reply falls inside the year."""
    return datetime.date(year, 1 + index % 10, 1 + (index * 7) % 27)


def _replied(item: Suggestion, days: int, text: str) -> Suggestion:
    item.refresh_deadlines()
    item.status, item.replied_on, item.reply_text = (
        REPLIED,
        item.received_on + datetime.timedelta(days=days),
        text,
    )
    return item


def _items_2023(actor, orgs) -> None:
    """西乡 2023's 人大建议、政协提案, 督查督办 and 审计, on 西乡's 党政办."""
    office, year = orgs["xixiang-office"], 2023
    items, children = [], []
    for kind, level, issuer, roles in PROPOSALS_2023:
        role_list = [role for role, count in roles.items() for _ in range(count)]
        for index, role in enumerate(role_list):
            item = Suggestion(
                org=office, kind=kind, level=level, role=role, issuer=issuer, received_on=_day(index, year),
                proposer="（代表委员）", content="关于加强辖区公共服务设施建设的建议",
            )  # fmt: skip
            _replied(item, 45, "已会同相关部门研究办理并书面答复。")
            item.status, item.closed_on = CLOSED, item.replied_on + datetime.timedelta(days=10)
            item.satisfaction_on = item.closed_on
            item.satisfaction = Satisfaction.BASIC if index % 9 == 4 else Satisfaction.SATISFIED
            items.append(item)
            children.append([])
    for supervision_kind, count in ((SupervisionKind.KEY_TASK, 59), (SupervisionKind.PLEDGE, 10)):
        for index in range(count):
            received = _day(index, year)
            item = Suggestion(
                org=office, kind=SuggestionKind.SUPERVISION, supervision_kind=supervision_kind, issuer="宝安区督查室"
                if supervision_kind == SupervisionKind.KEY_TASK else "西乡街道督查办", received_on=received,
                letter_reply_due=received + datetime.timedelta(days=30), content="督查督办事项",
            )  # fmt: skip
            _replied(item, 20, "已按期办结并报送办理情况。")
            item.status, item.closed_on = CLOSED, item.replied_on
            items.append(item)
            children.append([])
    for audit_kind, projects, findings, recommendations, rectified in AUDITS_2023:
        counts = zip(_spread(findings, projects), _spread(recommendations, projects), strict=True)
        for index, (found, advised) in enumerate(counts):
            received = _day(index, year)
            item = Suggestion(
                org=office, kind=SuggestionKind.AUDIT, audit_kind=audit_kind, issuer="西乡街道审计办",
                audited_entity=f"审计对象{index + 1}", received_on=received, findings_count=found,
                recommendations_count=advised, letter_reply_due=received + datetime.timedelta(days=60),
                content=f"{AuditKind(audit_kind).label}",
            )  # fmt: skip
            _replied(item, 50, "审计整改情况已书面报告。")
            rows = []
            if index < rectified:  # the rectified ones: their two measures done, the project closed
                item.status, item.closed_on = CLOSED, item.replied_on
                for number in (1, 2):
                    rows.append(Measure(
                        problem=f"审计发现问题{number}", action=f"整改措施{number}", owner="相关科室",
                        due_on=item.replied_on, status=MeasureStatus.DONE, done_on=item.replied_on,
                    ))  # fmt: skip
            items.append(item)
            children.append(rows)
    for item in items:
        item.due_date = item.reply_due
    insert_batch(
        actor, Suggestion, items, children, "演示数据：2023年监督事项",
        owner=lambda s: s.org, day=lambda s: s.received_on,
    )  # fmt: skip


def _items_now(actor, orgs) -> None:
    now = today()
    office = orgs["wuchang-office"]
    npc = services.receive_suggestion(
        actor, org=office, kind="npc", level="district", role="lead", issuer="余杭区人大常委会",
        received_on=now - datetime.timedelta(days=40), proposer="钱某某", proposer_phone="13905710001",
        content="关于在老旧小区增设电动自行车集中充电设施的建议",
    )  # fmt: skip
    for unit, lead, part in ((office, True, "牵头答复"), (orgs["wuchang-zf"], False, "消防通道和飞线充电整治"),
                             (orgs["wuchang-wy"], False, "摸排充电需求、协调场地")):  # fmt: skip
        npc = services.assign_unit(
            actor, npc, npc.version, unit=unit, lead=lead, part=part, assigned_on=npc.received_on
        )
    npc = services.record_contact(
        actor,
        npc,
        npc.version,
        on=now - datetime.timedelta(days=20),
        mode="meeting",
        note="上门面商，听取代表意见",
    )
    services.draft_reply(
        actor, npc, npc.version, drafted_on=now - datetime.timedelta(days=5), reply_text=reply_letter(npc)
    )
    cppcc = services.receive_suggestion(
        actor, org=office, kind="cppcc", level="district", role="lead", issuer="余杭区政协提案委员会",
        received_on=now - datetime.timedelta(days=80), proposer="孙某某", content="关于规范社区物业服务的提案",
    )  # fmt: skip
    services.reply_suggestion(
        actor, cppcc, cppcc.version, replied_on=now - datetime.timedelta(days=3), reply_text="已书面答复。"
    )
    audit = services.receive_suggestion(
        actor, org=office, kind="audit", audit_kind="assist", issuer="余杭区审计局", audited_entity="五常街道",
        received_on=now - datetime.timedelta(days=60), reply_due=now + datetime.timedelta(days=30),
        content="区审计局专项审计", findings_count=2, recommendations_count=2,
    )  # fmt: skip
    for problem, action, days in (("专项资金拨付不及时", "建立拨付台账，按月核对", -5),
                                  ("合同审查记录不全", "补齐审查记录，纳入合法性审查台账", 20)):  # fmt: skip
        audit = services.add_measure(
            actor, audit, audit.version, problem=problem, action=action, owner="党政办",
            due_on=now + datetime.timedelta(days=days),
        )  # fmt: skip
    first = audit.measures.order_by("due_on").first()
    services.update_measure(
        actor, audit, audit.version, measure=first.pk, status="done", done_on=now - datetime.timedelta(days=6),
        note="已建立台账",
    )  # fmt: skip
    services.receive_suggestion(
        actor, org=office, kind="supervision", supervision_kind="pledge", issuer="五常街道督查办",
        received_on=now - datetime.timedelta(days=28), reply_due=now + datetime.timedelta(days=2),
        content="街道军令状：年内完成辖区违建存量清零",
    )  # fmt: skip


def _guanlan_reminders(actor, orgs) -> None:
    """观澜 2024: "发出提醒函5份" on the 潜在履职法律风险 and 程序不规范 of its departments, each followed up."""
    units = ("guanlan-zf", "guanlan-office", "guanlan-zf", "guanlan-sfs", "guanlan-gh")
    for index, unit in enumerate(units):
        issued = datetime.date(2024, 3 + index * 2, 12)
        reminder = services.issue_reminder(
            actor, org=orgs["guanlan"], to_unit=orgs[unit], issued_on=issued,
            matter="存在潜在履职法律风险、程序不规范等问题，请及时纠正并书面反馈。",
            follow_up_due=issued + datetime.timedelta(days=30),
        )  # fmt: skip
        services.record_follow_up(
            actor, reminder, reminder.version, followed_on=issued + datetime.timedelta(days=18),
            follow_up="已完成自查并规范相关程序。",
        )  # fmt: skip


def load_demo(orgs, users, stdout):
    actor = users["fazhiban"]
    _year(actor, 2023, orgs)
    _year(actor, 2024, orgs)
    _open_now(actor, orgs)
    _items_2023(actor, orgs)
    _xixiang_letters(users.get("xixiang-fzb") or actor, orgs)
    if "guanlan-fzb" in users:
        _guanlan_reminders(users["guanlan-fzb"], orgs)
    _items_now(actor, orgs)
    stdout.write(
        f"监督事项：已载入演示监督事项 {Suggestion.objects.count()} 件、提醒函 {Reminder.objects.count()} 份。"
    )
