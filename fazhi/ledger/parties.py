"""Parties (当事人) of every ledger: the data a form, the API or an import gives, saving it with errors
keyed by field, and the one policy on who sees ID numbers and phones in full.

The policy: on pages and in the API they are always masked; the full values come only through the
audited reveal (``fazhi.ledger.services.reveal_parties``). In a file a person exports (the Excel list, a
Word document; the export is itself in the audit trail) they are whole for a role that sees personal
data in the record's unit, masked for everyone else.
"""

import copy
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError

from fazhi.errors import FazhiError
from fazhi.orgs.scoping import sees_personal_data

from .personal import mask

PERSONAL = ("id_number", "phone")
# A record names its parties one by one; a 群体性纠纷 with more people records a representative few
# and the number involved. The bound keeps one request from writing (and auditing) without end.
MAX_PARTIES = 100


@dataclass
class PartyData:
    """A party to be saved. Empty values take the party model's defaults (its first role, for one); a
    ledger whose party has more fields subclasses this with them."""

    name: str
    role: str = ""
    id_number: str = ""
    phone: str = ""


def save_parties(record, rows: list[PartyData]) -> list:
    """Validate and save ``rows`` as ``record.parties``, in the caller's transaction. A wrong value
    stops the saving with a FazhiError naming the party and keyed ``parties.N.field`` (N from 1)."""
    if len(rows) > MAX_PARTIES:
        raise FazhiError(
            f"当事人最多登记{MAX_PARTIES}位（本次{len(rows)}位）；人数众多时请登记代表人，并在涉及人数中填写总人数。",
            fields={"parties": f"最多{MAX_PARTIES}位"},
        )
    manager = record.parties
    link = manager.field.name  # the party's foreign key to the record
    saved = []
    for index, data in enumerate(rows, start=1):
        values = {key: value for key, value in asdict(data).items() if value not in ("", None)}
        party = manager.model(**{link: record}, **values)
        try:
            party.full_clean(exclude=[link])
        except ValidationError as exc:
            problems = "；".join("；".join(messages) for messages in exc.message_dict.values())
            raise FazhiError(
                f"第{index}位当事人（{data.name or '未填姓名'}）的信息有误：{problems}",
                fields={f"parties.{index}.{key}": "；".join(v) for key, v in exc.message_dict.items()},
            ) from exc
        party.save()
        saved.append(party)
    return saved


def page_value(kind: str, value: str | None) -> str:
    """A personal value as pages and the API show it: masked, whoever looks."""
    return mask(kind, value)


def export_value(user, org, kind: str, value: str | None) -> str:
    """A personal value of a record owned by ``org`` as it goes into a file ``user`` exports."""
    return (value or "") if _sees_in_full(user, org) else mask(kind, value)


def masked_parties(user, record, *, in_file: bool = False) -> list:
    """The record's parties with ``id_number`` and ``phone`` as ``user`` may see them: for a page (the
    default), or for a file the user exports (``in_file``). The objects are for showing, never saving."""
    parties = [copy.copy(party) for party in record.parties.all()]  # a prefetched list stays whole
    for party in parties:
        for kind in PERSONAL:
            value = getattr(party, kind)
            shown = export_value(user, record.org, kind, value) if in_file else page_value(kind, value)
            setattr(party, kind, shown)
    return parties


def _sees_in_full(user, org) -> bool:
    # An export asks once per record; the answer is kept on the user object, which lives for one request
    # (like Django's own permission cache), so a role taken away applies from the next request on.
    if not getattr(user, "is_authenticated", False):
        return False
    cache = user.__dict__.setdefault("_fazhi_sees_personal_data", {})
    if org.pk not in cache:
        cache[org.pk] = sees_personal_data(user, org)
    return cache[org.pk]
