"""Disclosure requests of one 街道-year: ~40 (scaled), answered by the 街道's 党政办, made by the demo's
Maker and written through the ledger kit's batch insert (numbered by the office, one audit entry)."""

from fazhi.disclosure.demo import Maker, write

from .plan import Batch

REQUESTS_PER_YEAR = 40


def generate(batch: Batch) -> dict[str, int]:
    maker = Maker(seed=batch.seed)
    items = maker.year(
        batch.street.units["office"], batch.year, batch.count(REQUESTS_PER_YEAR, at_least=1), until=batch.end
    )
    write(items, batch.label)
    return {"政府信息公开申请": len(items)}
