"""Writing many new records at once (an Excel import, demo and generated data): numbered in blocks,
inserted in batches, one entry in the audit trail for the whole batch.

The single-record services stay the way people change records; this is for a file or a batch that is
accepted or refused as one, after the caller has checked every row.
"""

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record

from .bulk_insert import insert_rows
from .models import Numbered, Stateful
from .numbering import number_block


def insert_batch(
    actor, model, records: list, children=None, source: str = "", *, owner, day, batch_size: int = 2000
) -> list:
    """Number ``records`` (new ``model`` instances) with ``number_block(…, owner, day)``, insert them and
    ``children[i]``, the new rows belonging to ``records[i]`` (parties, rounds, link rows …: each row's
    foreign key to ``model`` is set here), and write one Action.IMPORT entry naming ``source``.
    All or nothing: it runs in one transaction (the caller's, if there is one)."""
    if not records:
        return []
    person = actor if getattr(actor, "pk", None) else None
    numbered = issubclass(model, Numbered)
    with transaction.atomic():
        for item in records:
            if issubclass(model, Stateful):
                item.status = item.status or model.STATES.initial
            item.created_by = item.updated_by = person
        if numbered:
            number_block(records, model.NUMBER_KIND, owner, day)
        saved = insert_rows(model, records, batch_size=batch_size)
        numbers = f"，编号{saved[0].number}至{saved[-1].number}" if numbered else ""
        rows: dict[type, list] = {}
        for parent, own in zip(saved, children or [[] for _ in saved], strict=True):
            for row in own:
                setattr(row, _link_to(type(row), model), parent.pk)
                rows.setdefault(type(row), []).append(row)
        for child_model, batch in rows.items():
            insert_rows(child_model, batch, batch_size=batch_size)
        record(
            Action.IMPORT,
            actor=person,
            target_type=model._meta.label_lower,
            target_repr=f"{source}：导入{len(saved)}件",
            changes={"导入": [None, f"{len(saved)}件" + numbers]},
        )
    return saved


def _link_to(child_model, model) -> str:
    """The attribute of ``child_model``'s one foreign key to ``model`` (e.g. ``dispute_id``)."""
    links = [
        f.attname for f in child_model._meta.concrete_fields if f.many_to_one and f.related_model is model
    ]
    if len(links) != 1:
        raise ValueError(f"{child_model.__name__} 须有且仅有一个指向 {model.__name__} 的外键")
    return links[0]
