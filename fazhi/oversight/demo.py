"""Demo suggestions and reminders, written through the services (numbered and audited).

西乡-like suggestions for 五常 2023 and 2024: 司法建议书2份 and 检察建议书2份 a year, all replied on time, and
提醒函5份 a year from the 街道 to its departments (观澜), all followed up; in the current year a 检察建议 and
a 司法建议 waiting for their reply and a reminder whose follow-up is overdue.
"""

import datetime

from fazhi.dates import today

from . import services
from .models import Reminder, Suggestion


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


def load_demo(orgs, users, stdout):
    actor = users["fazhiban"]
    _year(actor, 2023, orgs)
    _year(actor, 2024, orgs)
    _open_now(actor, orgs)
    stdout.write(
        f"监督事项：已载入演示建议书 {Suggestion.objects.count()} 份、提醒函 {Reminder.objects.count()} 份。"
    )
