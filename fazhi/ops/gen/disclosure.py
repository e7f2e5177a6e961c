"""Disclosure requests of one 街道-year: ~40 (scaled), answered by the 街道's 党政办, made by the demo's
Maker and written through the ledger kit's batch insert (numbered by the office, one audit entry); and
the year's 主动公开 postings on the portal (the demo's 2024 columns, scaled), so table 二 and the
政务公开 sentence have data at every size."""

import random

from fazhi.disclosure.demo import Maker, write
from fazhi.disclosure.demo_postings import PORTAL, portal_year
from fazhi.disclosure.demo_postings import write as write_postings

from .plan import Batch

REQUESTS_PER_YEAR = 40


def generate(batch: Batch) -> dict[str, int]:
    maker = Maker(seed=batch.seed)
    items = maker.year(
        batch.street.units["office"], batch.year, batch.count(REQUESTS_PER_YEAR, at_least=1), until=batch.end
    )
    write(items, batch.label)
    counts = {kind: batch.count(n, at_least=1) for kind, n in PORTAL[2024].items()}
    office = batch.street.units["office"]
    postings = portal_year(random.Random(batch.seed), office, batch.year, counts, batch.end)
    write_postings(postings, batch.label)
    return {"政府信息公开申请": len(items), "主动公开信息": len(postings)}
