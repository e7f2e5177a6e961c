"""Record numbers for bulk-written records: continue each NumberSequence and set its ``last``."""

from collections import defaultdict

from fazhi.ledger.models import NumberSequence
from fazhi.ledger.numbering import format_number


def assign(records, kind: str, owner, day) -> None:
    """Number ``records`` per (owner unit, year) in date order, gap-free after the numbers already given.
    ``owner(record)`` is the numbering unit, ``day(record)`` the date whose year the number carries.
    Run inside the transaction that inserts the records."""
    groups = defaultdict(list)
    for item in records:
        groups[(owner(item), day(item).year)].append(item)
    for (org, year), members in groups.items():
        NumberSequence.objects.bulk_create(
            [NumberSequence(org=org, kind=kind, year=year, last=0)], ignore_conflicts=True
        )
        sequence = NumberSequence.objects.select_for_update().get(org=org, kind=kind, year=year)
        members.sort(key=day)
        for offset, item in enumerate(members, start=1):
            item.number = format_number(org.short_name, kind, year, sequence.last + offset)
        sequence.last += len(members)
        sequence.save(update_fields=["last"])
