"""Writing many disputes at once (Excel import, demo and generated data) through the ledger kit's
``insert_batch``: the dates the services would fill, numbers per receiving unit, one audit entry."""

from dataclasses import dataclass, field
from functools import lru_cache

from fazhi.ledger.bulk import insert_batch

from .models import SUCCESS, Dispute, Party, conclude_due, confirmation_due


@dataclass
class NewDispute:
    dispute: Dispute
    parties: list[Party] = field(default_factory=list)
    assisting_unit_ids: list[int] = field(default_factory=list)


cached_conclude_due = lru_cache(maxsize=4096)(conclude_due)
cached_confirmation_due = lru_cache(maxsize=4096)(confirmation_due)


def insert_many(actor, items: list[NewDispute], *, source: str, batch_size: int = 2000) -> list[Dispute]:
    """Insert new disputes with their parties; ``source`` names the file or batch in the audit trail.
    Numbered in the sequence of the unit that received each dispute, by its day of receipt."""
    through = Dispute.assisting_units.through
    for item in items:
        d = item.dispute
        d.due_date = cached_conclude_due(d.received_on)
        if d.status == SUCCESS and d.concluded_on:
            d.confirmation_due = cached_confirmation_due(d.concluded_on)
    children = [[*i.parties, *(through(organisation_id=o) for o in i.assisting_unit_ids)] for i in items]
    return insert_batch(
        actor,
        Dispute,
        [i.dispute for i in items],
        children,
        source,
        owner=lambda d: d.received_by,
        day=lambda d: d.received_on,
        batch_size=batch_size,
    )
