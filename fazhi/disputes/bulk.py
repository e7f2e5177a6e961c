"""Writing many disputes at once (Excel import, demo data): numbers taken in blocks, one audit entry.

The single-record services stay the way people change records; this is for a whole file that is
accepted or refused as one. It runs in the caller's transaction.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.ledger.models import NumberSequence
from fazhi.ledger.numbering import format_number

from .models import Dispute, Party, conclude_due, confirmation_due


@dataclass
class NewDispute:
    dispute: Dispute
    parties: list[Party] = field(default_factory=list)
    assisting_unit_ids: list[int] = field(default_factory=list)


cached_conclude_due = lru_cache(maxsize=4096)(conclude_due)
cached_confirmation_due = lru_cache(maxsize=4096)(confirmation_due)


def _take_numbers(items: list[NewDispute]) -> None:
    """Number records per (numbering unit, year) in received order, continuing each sequence."""
    groups = defaultdict(list)
    for item in items:
        d = item.dispute
        groups[(d.received_by_id, d.received_on.year)].append(item)
    for (org_id, year), members in groups.items():
        NumberSequence.objects.bulk_create(
            [NumberSequence(org_id=org_id, kind=Dispute.NUMBER_KIND, year=year, last=0)],
            ignore_conflicts=True,
        )
        sequence = NumberSequence.objects.select_for_update().get(
            org_id=org_id, kind=Dispute.NUMBER_KIND, year=year
        )
        prefix = members[0].dispute.received_by.short_name
        members.sort(key=lambda i: (i.dispute.received_on, i.dispute.created_at or 0))
        for offset, item in enumerate(members, start=1):
            item.dispute.number = format_number(prefix, Dispute.NUMBER_KIND, year, sequence.last + offset)
        sequence.last += len(members)
        sequence.save(update_fields=["last"])


def insert_many(actor, items: list[NewDispute], *, source: str, batch_size: int = 2000) -> list[Dispute]:
    """Insert new disputes with their parties; ``source`` names the file or batch in the audit trail."""
    if not items:
        return []
    with transaction.atomic():
        for item in items:
            d = item.dispute
            d.status = d.status or Dispute.STATES.initial
            d.due_date = cached_conclude_due(d.received_on)
            if d.status == "success" and d.concluded_on:
                d.confirmation_due = cached_confirmation_due(d.concluded_on)
            d.created_by = d.updated_by = actor if getattr(actor, "pk", None) else None
        _take_numbers(items)
        disputes = Dispute.objects.bulk_create([i.dispute for i in items], batch_size=batch_size)
        parties = []
        links = []
        through = Dispute.assisting_units.through
        for item, saved in zip(items, disputes, strict=True):
            for party in item.parties:
                party.dispute_id = saved.pk
                parties.append(party)
            links += [through(dispute_id=saved.pk, organisation_id=o) for o in item.assisting_unit_ids]
        Party.objects.bulk_create(parties, batch_size=batch_size)
        through.objects.bulk_create(links, batch_size=batch_size)
        numbers = [d.number for d in disputes]
        record(
            Action.IMPORT,
            actor=actor,
            target_type=Dispute._meta.label_lower,
            target_repr=f"{source}：导入{len(disputes)}件",
            changes={"导入": [None, f"{len(disputes)}件，编号{numbers[0]}至{numbers[-1]}"]},
        )
    return disputes
