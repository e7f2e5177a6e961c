"""Record numbers in the office's style, e.g. 观澜调〔2024〕0001号: gap-free per unit, kind and year."""

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
