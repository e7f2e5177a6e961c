"""Legality review items of one 街道-year: ~1,000 (scaled) contracts, 规范性文件, 议题 and 方案, each with
its review round, made by the demo's year builder and written by the importer's ``insert_items``
(numbered by the submitting unit, one audit entry)."""

import datetime

from fazhi.legal.demo import Maker, _year
from fazhi.legal.importing import insert_items

from .plan import Batch

CONTRACTS_PER_YEAR = 950
OPINION_LETTERS = 0.12  # share of contracts reviewed with a written opinion letter


def _aliases(batch: Batch) -> dict:
    """The demo builder names 五常's units; give it this 街道's units under those names."""
    units, communities = batch.street.units, batch.street.communities
    return {
        "wuchang-office": units["office"],
        "wuchang-zf": units["zf"],
        "wuchang-gw": units["gw"],
        "wuchang-sfs": units["sfs"],
        **{f"wuchang-{code}": communities[i] for i, code in enumerate(("wy", "yy", "js", "xx"))},
    }


def generate(batch: Batch) -> dict[str, int]:
    maker = Maker(_aliases(batch), seed=batch.seed)
    contracts = batch.count(CONTRACTS_PER_YEAR, at_least=1)
    filed = min(batch.count(4), contracts)
    normative = batch.count(1.5)
    until = None
    if batch.end < datetime.date(batch.year, 12, 31):  # the current year: only what is already done
        until = batch.end - datetime.timedelta(days=30)
        if until < datetime.date(batch.year, 2, 1):
            return {"审查事项": 0, "审查轮次": 0}
    letters = filed + normative + round(contracts * OPINION_LETTERS)
    pairs = _year(
        maker, batch.year, contracts=contracts, letters=letters, filed=filed, normative=normative, until=until
    )
    insert_items(None, pairs, source=batch.label)
    return {"审查事项": len(pairs), "审查轮次": len(pairs)}
