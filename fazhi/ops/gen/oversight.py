"""Oversight items of one 街道-year: 司法/检察建议书 received by the office and 法治督察提醒函 issued by the
街道, written in bulk with the rules the services apply (the reply date from the deadline rules, numbers
per unit and year, one audit entry per ledger model for the batch)."""

import datetime
from functools import lru_cache

from django.db import transaction

from fazhi.ledger.bulk import insert_batch
from fazhi.oversight import models
from fazhi.oversight.models import FOLLOWED, REPLIED, WAITING, Reminder, Suggestion, SuggestionKind

from .plan import Batch

suggestion_due = lru_cache(maxsize=4096)(models.suggestion_due)


def _suggestions(batch: Batch, rng) -> int:
    office = batch.street.units["office"]
    items = []
    for kind, issuer in (
        (SuggestionKind.JUDICIAL, "杭州市余杭区人民法院"),
        (SuggestionKind.PROCURATORATE, "杭州市余杭区人民检察院"),
    ):
        for _ in range(batch.count(2, at_least=1)):
            received = batch.day(rng, end=min(batch.end, datetime.date(batch.year, 11, 30)))
            due = suggestion_due(kind, received) or received + datetime.timedelta(days=30)
            item = Suggestion(
                org=office,
                kind=kind,
                issuer=issuer,
                letter_number=f"{received.year}第{rng.randint(1, 99)}号",
                received_on=received,
                content="建议规范行政执法程序，加强合同履行风险评估。",
                reply_due=due,
                due_date=due,
                status=WAITING,
            )
            replied = due - datetime.timedelta(days=rng.randint(1, 10))
            if replied <= batch.today:
                item.status, item.replied_on = REPLIED, max(replied, received)
                item.reply_text = "已开展专项整改并书面反馈。"
            items.append(item)
    insert_batch(
        None, Suggestion, items, None, batch.label, owner=lambda s: s.org, day=lambda s: s.received_on
    )
    return len(items)


def _reminders(batch: Batch, rng) -> int:
    units = batch.street.units
    targets = (units["zf"], units["sfs"], units["office"], units["zf"], batch.street.communities[0])
    items = []
    for index in range(batch.count(5, at_least=1)):
        issued = batch.day(rng, end=min(batch.end, datetime.date(batch.year, 11, 30)))
        item = Reminder(
            org=batch.street.org,
            to_unit=targets[index % len(targets)],
            issued_on=issued,
            matter="行政执法程序不规范，存在履职法律风险，请对照整改并书面反馈。",
            due_date=issued + datetime.timedelta(days=30),
            status="issued",
        )
        followed = issued + datetime.timedelta(days=rng.randint(10, 28))
        if followed <= batch.today:
            item.status, item.followed_on, item.follow_up = FOLLOWED, followed, "已组织自查并完善执法文书。"
        items.append(item)
    insert_batch(None, Reminder, items, None, batch.label, owner=lambda r: r.org, day=lambda r: r.issued_on)
    return len(items)


def generate(batch: Batch) -> dict[str, int]:
    rng = batch.rng
    with transaction.atomic():
        return {"建议书": _suggestions(batch, rng), "提醒函": _reminders(batch, rng)}
