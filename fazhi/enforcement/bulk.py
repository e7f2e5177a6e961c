"""Writing many cases or inspections at once (Excel import, demo and generated data) through the ledger
kit's ``insert_batch``: the dates the services would fill, numbers per unit, one audit entry."""

from dataclasses import dataclass, field
from functools import lru_cache

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.deadlines.engine import due_for_rule
from fazhi.ledger.bulk import insert_batch

from .models import CaseParty, EnforcementCase, InspectionBatch, PartyKind, PartyRole


@dataclass
class NewCase:
    case: EnforcementCase
    parties: list[CaseParty] = field(default_factory=list)
    officer_ids: list[int] = field(default_factory=list)


@lru_cache(maxsize=8192)
def _cached(code: str, start):
    return due_for_rule(code, start).due


def _cached_due(code: str, start):
    return _cached(code, start) if start else None


def _fill(case: EnforcementCase, parties: list[CaseParty]) -> None:
    main = [p for p in parties if p.role == PartyRole.PARTY]
    case.party_kind = (
        PartyKind.ORGANISATION if any(p.kind == PartyKind.ORGANISATION for p in main) else "person"
    )
    case.enterprise = any(p.enterprise for p in main)
    case.refresh_deadlines(_cached_due)


def insert_cases(
    actor, items: list[NewCase], *, source: str, batch_size: int = 2000
) -> list[EnforcementCase]:
    """Insert cases with their parties and officers, numbered in each unit by the filing day."""
    through = EnforcementCase.officers.through
    for item in items:
        _fill(item.case, item.parties)
    children = [[*i.parties, *(through(officer_id=o) for o in i.officer_ids)] for i in items]
    return insert_batch(
        actor,
        EnforcementCase,
        [i.case for i in items],
        children,
        source,
        owner=lambda c: c.org,
        day=lambda c: c.filed_on,
        batch_size=batch_size,
    )


def insert_inspections(actor, batches: list[InspectionBatch], *, source: str) -> list[InspectionBatch]:
    """Inspection batches have no number: inserted at once, with one Action.IMPORT entry."""
    if not batches:
        return []
    person = actor if getattr(actor, "pk", None) else None
    for batch in batches:
        batch.created_by = batch.updated_by = person
    saved = InspectionBatch.objects.bulk_create(batches, batch_size=2000)
    total = sum(b.objects_checked for b in saved)
    record(
        Action.IMPORT,
        actor=person,
        target_type=InspectionBatch._meta.label_lower,
        target_repr=f"{source}：导入{len(saved)}次执法检查",
        changes={"导入": [None, f"{len(saved)}件执法检查，检查对象{total}个"]},
    )
    return saved
