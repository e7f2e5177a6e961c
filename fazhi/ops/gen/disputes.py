"""Disputes of one 街道-year: ~3,000 (scaled) with their parties, dispatches and mediation sessions.

Records are made by the demo's ``Maker`` (types, amounts, parties with valid ID numbers and phones)
and written by ``fazhi.disputes.bulk.insert_many`` — the importer's path: numbered gap-free by the
receiving unit, parties' ID numbers and phones encrypted with their digests, one audit entry.
"""

import datetime

from django.utils import timezone

from fazhi.disputes.bulk import insert_many
from fazhi.disputes.demo import PLACES, Maker
from fazhi.disputes.models import FAILED, MEDIATING, SUCCESS, WITHDRAWN, Dispatch, Dispute, Party, Session

from .plan import Batch

PER_YEAR = 3000
# Share of the year's disputes handled by each kind of unit (the rest by the 社区调委会).
STREET_COMMITTEE, LAWYER, POLICE, PSYCH = 0.40, 0.02, 0.02, 0.01
NOTES = (
    "听取双方陈述，释法说理，引导双方协商。",
    "背对背做双方工作，提出调解方案，双方同意考虑。",
    "双方当面协商，就赔偿金额和履行方式达成一致。",
)


def _units(batch: Batch, total: int, rng) -> list[str]:
    street, units = batch.street, batch.street.units
    fixed = {
        units["tw"].code: round(total * STREET_COMMITTEE),
        units["ls"].code: round(total * LAWYER),
        units["jm"].code: round(total * POLICE),
        units["xl"].code: round(total * PSYCH),
    }
    rest = max(total - sum(fixed.values()), 0)
    codes = [code for code, n in fixed.items() for _ in range(n)]
    # Communities differ in size: the first ones (the town centre) get more.
    weights = [1.6 - 0.1 * i for i in range(len(street.committees))]
    codes += rng.choices([c.code for c in street.committees], weights, k=rest)
    rng.shuffle(codes)
    return codes[:total]


def _sessions(maker: Maker, dispute: Dispute, rng) -> list[Session]:
    if dispute.status == WITHDRAWN:
        return []
    last = dispute.concluded_on or dispute.received_on
    count = 1 if dispute.status == MEDIATING else rng.choices((1, 2, 3), (30, 45, 25))[0]
    days = sorted(
        dispute.received_on + datetime.timedelta(days=rng.randint(0, (last - dispute.received_on).days))
        for _ in range(count - 1)
    )
    return [
        Session(
            dispute_id=dispute.pk,
            held_on=day,
            place=rng.choice(PLACES),
            mediators=maker.person_name(),
            participants="双方当事人",
            notes=NOTES[min(index, len(NOTES) - 1)],
        )
        for index, day in enumerate([*days, last])
    ]


def generate(batch: Batch) -> dict[str, int]:
    rng = batch.rng
    street = batch.street
    orgs = {o.code: o for o in (street.org, *street.units.values(), *street.committees)}
    maker = Maker(orgs, {}, seed=batch.seed)
    tw, jm, xl = street.units["tw"], street.units["jm"], street.units["xl"]
    committee_codes = {c.code for c in street.committees}
    total = batch.count(PER_YEAR, at_least=1)
    items = []
    for code in _units(batch, total, rng):
        received = batch.day(rng)
        concluded = received + datetime.timedelta(days=rng.randint(0, 28))
        roll = rng.random()
        status = SUCCESS if roll < 0.92 else FAILED if roll < 0.97 else WITHDRAWN
        if concluded > batch.today:  # still open on the day the data is made
            status, concluded = rng.choice((MEDIATING, MEDIATING, "received")), None
        via = tw.code if code in committee_codes and rng.random() < 0.35 else None
        item = maker.make(code, received, status, concluded, via)
        if item.dispute.persons_involved >= 3 and rng.random() < 0.5:
            item.parties.append(
                Party(
                    role="applicant",
                    name=maker.person_name(),
                    id_number=maker.id_number(),
                    phone=maker.phone(),
                )
            )
        if status == SUCCESS:
            if received.month >= 7 and rng.random() < 0.2:
                item.assisting_unit_ids.append(jm.pk)
            if rng.random() < 0.04:
                item.assisting_unit_ids.append(xl.pk)
        items.append(item)
    insert_many(None, items, source=batch.label, batch_size=2000)
    sessions = [s for item in items for s in _sessions(maker, item.dispute, rng)]
    Session.objects.bulk_create(sessions, batch_size=2000)
    dispatches = [
        Dispatch(
            dispute_id=item.dispute.pk,
            from_org=orgs[via],
            to_org=item.dispute.org,
            at=timezone.make_aware(datetime.datetime.combine(item.dispute.received_on, datetime.time(10))),
            note="属地化解",
        )
        for item, via in maker.dispatches
    ]
    Dispatch.objects.bulk_create(dispatches, batch_size=2000)
    return {
        "纠纷": len(items),
        "纠纷当事人": sum(len(i.parties) for i in items),
        "分派记录": len(dispatches),
        "调解记录": len(sessions),
    }
