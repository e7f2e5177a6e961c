"""Generated data at scale: a district of N 街道 × Y years of consistent records of every ledger.

    from fazhi.ops.gen import generate
    totals = generate(streets=10, years=5, start_year=2021, seed=1, scale=1.0, out=print)

Each 街道-year is one transaction; each ledger writes it with its own bulk path (numbers continued
from NumberSequence, personal data encrypted, one audit entry per ledger and batch). The same seed
gives the same records.
"""

import random
import time
from collections import Counter

from django.db import transaction
from django.utils.module_loading import import_string

from fazhi.dates import today
from fazhi.db import refresh_planner_statistics
from fazhi.ledger.registry import ledgers

from .plan import Batch
from .tree import DISTRICT_CODE, build_district

GROWTH = 1.06


class AlreadyGenerated(Exception):
    pass


def _seed(seed: int, street: int, year: int, ledger: int) -> int:
    return ((seed * 1_000_003 + street) * 10_007 + year) * 101 + ledger


def generate(*, streets=10, years=5, start_year=2021, seed=1, scale=1.0, out=print, tick=None) -> Counter:
    """Fill the database; returns the row counts by kind. Refuses a district that already has records.
    ``tick(done, total)`` is told before each 街道-year (a job's progress, which may stop the work there)."""
    from fazhi.disputes.models import Dispute

    if Dispute.objects.filter(org__code__startswith=f"{DISTRICT_CODE}-").exists():
        raise AlreadyGenerated("数据库中已有生成的模拟区数据；请换用空数据库（或删除后重新迁移）再生成。")
    began = time.perf_counter()
    with transaction.atomic():
        _, built = build_district(streets)
    sizes = random.Random(seed)
    totals: Counter = Counter()
    now = today()
    # Each registered ledger's generator, in the ledgers' order (the order seeds each ledger's batch).
    makers = [import_string(ledger.generator) for ledger in ledgers()]
    last_year = min(start_year + years - 1, now.year)
    street_years, done = len(built) * max(0, last_year - start_year + 1), 0
    for street in built:
        size = sizes.uniform(0.7, 1.4)
        for offset in range(years):
            year = start_year + offset
            if year > now.year:
                break
            if tick:
                tick(done, street_years)
            done += 1
            step = time.perf_counter()
            counts: Counter = Counter()
            with transaction.atomic():
                for number, make in enumerate(makers):
                    batch = Batch(
                        street,
                        year,
                        _seed(seed, street.index, year, number),
                        scale,
                        size,
                        GROWTH**offset,
                        now,
                    )
                    counts.update(make(batch))
            totals.update(counts)
            out(
                f"{street.org.name} {year}年：{sum(counts.values()):,} 行"
                f"（纠纷 {counts['纠纷']:,}，审查 {counts['审查事项']:,}，案件 {counts['复议诉讼案件']:,}），"
                f"{time.perf_counter() - step:.1f} s；累计 {sum(totals.values()):,} 行，{time.perf_counter() - began:.0f} s"
            )
    refresh_planner_statistics()  # without them a 街道's list scans the district: 0.3 s, not 15 ms
    out(f"已更新查询规划统计（ANALYZE），合计用时 {time.perf_counter() - began:.0f} s")
    return totals
