"""A petitioner's other matters — earlier petitions, disputes and litigation cases — found by the exact
ID number or phone (their keyed digests), never by name, and only among the records the viewer may see."""

from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class Related:
    kind: str  # 信访 / 矛盾纠纷 / 诉讼案件
    record: object
    day: object
    what: str


def _matching(party_model, digests_id: set, digests_phone: set):
    condition = Q(pk__in=[])
    if digests_id:
        condition |= Q(id_number_digest__in=digests_id)
    if digests_phone:
        condition |= Q(phone_digest__in=digests_phone)
    return party_model.objects.filter(condition)


def related_matters(user, petition) -> list[Related]:
    from fazhi.disputes.models import Dispute, Party
    from fazhi.litigation.models import Case, CaseParty

    from .models import Petition, Petitioner

    parties = list(petition.parties.all())
    ids = {p.id_number_digest for p in parties if p.id_number_digest}
    phones = {p.phone_digest for p in parties if p.phone_digest}
    if not ids and not phones:
        return []
    found: list[Related] = []
    petitions = (
        Petition.objects.visible_to(user)
        .filter(pk__in=_matching(Petitioner, ids, phones).values("petition_id"))
        .exclude(pk=petition.pk)
    )
    found += [Related("信访", p, p.received_on, p.matter) for p in petitions]
    disputes = Dispute.objects.visible_to(user).filter(
        pk__in=_matching(Party, ids, phones).values("dispute_id")
    )
    found += [Related("矛盾纠纷", d, d.received_on, d.summary) for d in disputes]
    cases = Case.objects.visible_to(user).filter(pk__in=_matching(CaseParty, ids, phones).values("case_id"))
    found += [Related("诉讼案件", c, c.copy_received_on, c.get_kind_display()) for c in cases]
    return sorted(found, key=lambda r: r.day, reverse=True)
