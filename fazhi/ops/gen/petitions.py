"""Petitions, citizen demands and 居民议事会 of one 街道-year (~5,000 petitions, ~1,000 demands and ~130
meetings, scaled), made by the demo's builders and written by the petitions ledger's bulk inserts
(numbered by unit and year, petitioners' ID numbers and phones encrypted with their digests, one audit
entry per batch)."""

import datetime

from fazhi.petitions.bulk import insert_councils, insert_demands, insert_petitions
from fazhi.petitions.demo import Maker, _councils, _demands, _year_of_petitions
from fazhi.petitions.models import Channel

from .plan import Batch

PETITIONS_PER_YEAR = 5000  # batches of visitors
OTHER_PETITIONS_PER_YEAR = 800  # letters, online and phone petitions
LEADER_BATCHES = 24
DEMANDS_PER_YEAR = {
    Channel.HOTLINE: 500,
    Channel.WEB_MESSAGE: 250,
    Channel.ONLINE_QUESTION: 250,
    Channel.DEPUTY: 40,
}
RESOLVED = 0.9
COUNCILS_PER_YEAR, TOPICS_PER_COUNCIL = 130, 2.5


def _aliases(batch: Batch) -> dict:
    """The demo builders name 五常's units; give them this 街道's units under those names."""
    street, communities = batch.street, batch.street.communities
    return {
        "wuchang": street.org,
        "wuchang-xf": street.units["office"],
        **{
            f"wuchang-{code}": communities[i % len(communities)]
            for i, code in enumerate(("wy", "yy", "js", "xx"))
        },
    }


def generate(batch: Batch) -> dict[str, int]:
    maker = Maker(_aliases(batch), seed=batch.seed)
    until = None
    if batch.end < datetime.date(batch.year, 12, 31):  # the current year: only what is already done
        until = batch.end - datetime.timedelta(days=75)
        if until < datetime.date(batch.year, 2, 1):
            return {"信访事项": 0, "民意诉求": 0, "居民议事会": 0}
    petitions = _year_of_petitions(
        maker,
        batch.year,
        batch.count(PETITIONS_PER_YEAR, at_least=1),
        batch.count(LEADER_BATCHES),
        until=until,
    )
    insert_petitions(None, petitions, source=batch.label)
    counts = {channel: batch.count(n) for channel, n in DEMANDS_PER_YEAR.items()}
    total = sum(counts.values())
    demands = _demands(maker, batch.year, counts, round(total * RESOLVED), until=until)
    for demand in demands:  # ticket numbers unique across 街道 and years
        demand.external_number = f"{batch.street.org.code}-{demand.external_number}"
    insert_demands(None, demands, source=batch.label)
    meetings = batch.count(COUNCILS_PER_YEAR, at_least=1)
    topics = round(meetings * TOPICS_PER_COUNCIL)
    councils = _councils(maker, batch.year, meetings, topics, round(topics * 0.95), until=until)
    insert_councils(None, councils, source=batch.label)
    return {"信访事项": len(petitions), "民意诉求": len(demands), "居民议事会": len(councils)}
