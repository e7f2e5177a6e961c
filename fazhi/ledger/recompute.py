"""Due dates recomputed when a year's holiday notice is entered, corrected or removed (LEGAL-RULES.md §1).

Until a year's notice is known, dates reaching into it are counted on a provisional calendar and shown 「暂定」.
When the system administrator enters the notice, every open record whose computed dates reach into that
year is recomputed in the same transaction, each change in the audit trail with the reason; the summary
goes back to the administrator. Records are not changed through ledger.services.update: the administrator
may not write ledger records (三员分立), and this is the calendar's consequence, not anybody's edit — but the
record's version moves on, so a form opened before the change cannot silently save the old date back.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q
from django.dispatch import receiver

from fazhi.audit.models import Action
from fazhi.audit.services import record as audit
from fazhi.dates import cn_date
from fazhi.deadlines.calendar import clear_cache
from fazhi.deadlines.signals import calendar_changed

from .models import Deadlined
from .registry import ledger_models


@dataclass
class Moved:
    record: object
    changes: dict[str, tuple[datetime.date | None, datetime.date | None]] = field(default_factory=dict)

    def __str__(self) -> str:
        model = type(self.record)
        parts = [
            f"{model._meta.get_field(name).verbose_name}{_cn(old)}→{_cn(new)}"
            for name, (old, new) in self.changes.items()
        ]
        return f"{self.record}（{'，'.join(parts)}）"


def _cn(day: datetime.date | None) -> str:
    return cn_date(day) if day else "无"


def recompute_open_records(actor, year: int) -> list[Moved]:
    """Recompute the computed dates of every open record reaching into ``year``; the records that moved."""
    clear_cache()
    first_day = datetime.date(year, 1, 1)
    reason = f"录入或更正{year}年节假日安排后重新计算期限"
    moved: list[Moved] = []
    with transaction.atomic():
        for model in ledger_models():
            names = model.COMPUTED_DATES if issubclass(model, Deadlined) else ()
            if not names:
                continue
            reaching = Q()
            for name in names:
                reaching |= Q(**{f"{name}__gte": first_day})
            candidates = (
                model.objects.select_for_update().filter(model.open_q()).filter(reaching).order_by("pk")
            )
            for instance in candidates:
                before = {name: getattr(instance, name) for name in names}
                instance.refresh_deadlines()
                changes = {
                    n: (before[n], getattr(instance, n)) for n in names if getattr(instance, n) != before[n]
                }
                if not changes:
                    continue
                model.objects.filter(pk=instance.pk).update(
                    **{n: new for n, (_, new) in changes.items()}, version=F("version") + 1
                )
                audit(
                    Action.UPDATE,
                    actor=actor,
                    target=instance,
                    changes={n: [_plain(old), _plain(new)] for n, (old, new) in changes.items()}
                    | {"原因": [None, reason]},
                )
                moved.append(Moved(instance, changes))
    return moved


def _plain(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


@receiver(calendar_changed, dispatch_uid="ledger.recompute_open_records")
def _calendar_changed(sender, *, year: int, actor, **kwargs) -> list[Moved]:
    return recompute_open_records(actor, year)
