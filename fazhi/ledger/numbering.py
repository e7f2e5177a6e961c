"""Record numbers in the office's style, e.g. 观澜调〔2024〕0001号: gap-free per unit, kind and year."""

from collections import defaultdict

from django.db import transaction
from django.db.models import F

from .models import NumberSequence


def format_number(prefix: str, kind: str, year: int, serial: int) -> str:
    return f"{prefix}{kind}〔{year}〕{serial:04d}号"


def next_number(org, kind: str, year: int) -> str:
    """Take the next number. Call inside the transaction that creates the record: the row lock is
    held until it commits, and a rollback gives the number back, so there is neither gap nor twin."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must run inside the transaction that saves the record")
    NumberSequence.objects.bulk_create(
        [NumberSequence(org=org, kind=kind, year=year, last=0)], ignore_conflicts=True
    )
    sequence = NumberSequence.objects.filter(org=org, kind=kind, year=year)
    sequence.update(last=F("last") + 1)  # the UPDATE locks the row until commit
    serial = sequence.values_list("last", flat=True).get()
    return format_number(org.short_name, kind, year, serial)


def number_block(records, kind: str, owner, day) -> None:
    """Number many new records at once (an import, generated data), gap-free after the numbers already
    given: per numbering unit ``owner(record)`` and the year of ``day(record)``, in date order (records
    of one day keep the order they came in). Run inside the transaction that inserts the records: the
    sequences stay locked until it commits, and a rollback gives the whole block back."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_block must run inside the transaction that saves the records")
    groups = defaultdict(list)
    for item in records:
        unit = owner(item)
        groups[(unit.pk, day(item).year)].append((unit, item))
    for (org_id, year), members in groups.items():
        NumberSequence.objects.bulk_create(
            [NumberSequence(org_id=org_id, kind=kind, year=year, last=0)], ignore_conflicts=True
        )
        sequence = NumberSequence.objects.select_for_update().get(org_id=org_id, kind=kind, year=year)
        prefix = members[0][0].short_name
        members.sort(key=lambda member: day(member[1]))
        for offset, (_, item) in enumerate(members, start=1):
            item.number = format_number(prefix, kind, year, sequence.last + offset)
        sequence.last += len(members)
        sequence.save(update_fields=["last"])
