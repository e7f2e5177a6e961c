"""Enforcement records of one 街道-year: ~700 (scaled) case files and ~40 inspection batches of its
综合执法队, made by the demo's builder (a generated roster of officers first, bulk-written)."""

import datetime

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.enforcement.bulk import insert_cases, insert_inspections
from fazhi.enforcement.demo import Maker, _inspections, _year
from fazhi.enforcement.models import Certificate, Officer

from .plan import Batch

CASES_PER_YEAR = 700
SIMPLE_SHARE = 0.3


def _officers(batch: Batch, org) -> list[int]:
    """The team's officers, made once per 街道 (the first year's batch); bulk rows, no audit entries."""
    existing = list(Officer.objects.filter(org=org).values_list("pk", flat=True))
    if existing:
        return existing
    officers = Officer.objects.bulk_create(
        [Officer(org=org, name=f"执法员{i + 1:02d}", joined_on=datetime.date(2015, 1, 5)) for i in range(12)]
    )
    cards = Certificate.objects.bulk_create(
        [
            Certificate(
                org=org, officer=o, number=f"G{org.pk:04d}{i:04d}", issuer="区人民政府",
                issued_on=datetime.date(2015, 1, 5), expires_on=datetime.date(2035, 1, 4),
                due_date=datetime.date(2035, 1, 4),
            )
            for i, o in enumerate(officers)
        ]
    )  # fmt: skip
    record(
        Action.IMPORT,
        actor=None,
        target_type=Certificate._meta.label_lower,
        target_repr=f"{batch.label}：导入{len(cards)}张执法证",
        changes={
            "导入": [None, f"{len(cards)}件执法证（{len(officers)}名执法人员）"]
        },  # "N件": integrity counts it
    )
    return [o.pk for o in officers]


def generate(batch: Batch) -> dict[str, int]:
    org = batch.street.units["zf"]
    ids = _officers(batch, org)
    maker = Maker(seed=batch.seed)
    total = batch.count(CASES_PER_YEAR, at_least=1)
    until = None
    if batch.end < datetime.date(batch.year, 12, 31):  # the current year: only what is already done
        until = batch.end - datetime.timedelta(days=120)
        if until < datetime.date(batch.year, 2, 1):
            return {"执法案件": 0, "执法检查": 0}
    simple = round(total * SIMPLE_SHARE)
    items = _year(maker, org, ids, batch.year, ordinary=total - simple, simple=simple,
                  enterprise=round(total * 0.18), until=until)  # fmt: skip
    insert_cases(None, items, source=batch.label)
    inspections = _inspections(maker, org, batch.year, batches=max(batch.count(40), 1),
                               enterprise_checks=max(batch.count(850), 1), hazards=batch.count(540),
                               joint=batch.count(8), random_checks=batch.count(12), vehicles=batch.count(1500),
                               until=until)  # fmt: skip
    insert_inspections(None, inspections, source=batch.label)
    return {"执法案件": len(items), "执法检查": len(inspections)}
