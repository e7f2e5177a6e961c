"""Writing many records at once (Excel import, demo and generated data) through the ledger kit's
``insert_batch``: the due dates the services would fill, numbers per unit and year, one audit entry."""

from dataclasses import dataclass, field
from functools import lru_cache

from fazhi.ledger.bulk import insert_batch

from .models import CitizenDemand, Petition, Petitioner, ResidentCouncil, rule_due


@dataclass
class NewPetition:
    petition: Petition
    parties: list[Petitioner] = field(default_factory=list)


def insert_petitions(actor, items: list[NewPetition], *, source: str) -> list[Petition]:
    """Insert new petitions with their petitioners; the stages' due dates from the rules table, asked once
    per distinct start (a batch has thousands of records over a few hundred days)."""
    due = lru_cache(maxsize=8192)(rule_due)  # lives for this batch only: a new holiday notice is never missed
    for item in items:
        item.petition.refresh_deadlines(due)
    return insert_batch(
        actor,
        Petition,
        [i.petition for i in items],
        [i.parties for i in items],
        source,
        owner=lambda p: p.org,
        day=lambda p: p.received_on,
    )


def insert_demands(actor, demands: list[CitizenDemand], *, source: str) -> list[CitizenDemand]:
    return insert_batch(
        actor, CitizenDemand, demands, None, source, owner=lambda d: d.org, day=lambda d: d.received_on
    )


def insert_councils(actor, councils: list[ResidentCouncil], *, source: str) -> list[ResidentCouncil]:
    return insert_batch(
        actor, ResidentCouncil, councils, None, source, owner=lambda c: c.org, day=lambda c: c.held_on
    )
