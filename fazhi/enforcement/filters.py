"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

from django.db.models import F, Q, QuerySet

from fazhi.dates import today
from fazhi.ledger.filtering import (
    by_deadline,
    by_party_contact,
    choice,
    flag,
    in_date_range,
    in_unit,
)

from .models import (
    STATES,
    ActionKind,
    CaseParty,
    Certificate,
    CertificateStatus,
    EnforcementCase,
    Field,
    InspectionBatch,
    Procedure,
    Source,
)


def filter_cases(queryset: QuerySet, params, *, user) -> QuerySet:
    """Narrow ``EnforcementCase.objects.visible_to(user)`` by the request params.

    status, org (code; the unit and those below it), procedure, field, source, filed_from/filed_to,
    overdue=1, due_soon=1, enterprise=1 (涉企), late=1 (公示逾期), q (number, summary or party name),
    contact / id_number / phone (a party's, exact; only where the user sees personal data).
    """
    if status := choice(params, "status", STATES.labels):
        queryset = queryset.filter(status=status)
    queryset = in_unit(queryset, params.get("org"), params=params)
    if procedure := choice(params, "procedure", Procedure.values):
        queryset = queryset.filter(procedure=procedure)
    if field := choice(params, "field", Field.values):
        queryset = queryset.filter(field=field)
    if source := choice(params, "source", Source.values):
        queryset = queryset.filter(source=source)
    queryset = in_date_range(queryset, params, "filed_on", "filed_from", "filed_to")
    queryset = by_deadline(queryset, params, STATES.closed)
    if flag(params, "enterprise"):
        queryset = queryset.filter(enterprise=True)
    if flag(params, "late"):
        queryset = queryset.filter(published_on__gt=F("publicity_due"))
    if q := (params.get("q") or "").strip():
        named = CaseParty.objects.filter(name__icontains=q).values("case_id")
        queryset = queryset.filter(Q(number__icontains=q) | Q(summary__icontains=q) | Q(pk__in=named))
    return by_party_contact(queryset, params, CaseParty, "case_id", user=user)


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return EnforcementCase.objects.visible_to(user, write=write).select_related("org")


def filter_inspections(queryset: QuerySet, params, *, user=None) -> QuerySet:
    """org, action, random=1 (双随机一公开), held_from/held_to, q (special action or joint units)."""
    queryset = in_unit(queryset, params.get("org"), params=params)
    if action := choice(params, "action", ActionKind.values):
        queryset = queryset.filter(action=action)
    if flag(params, "random"):
        queryset = queryset.filter(random_check=True)
    queryset = in_date_range(queryset, params, "held_on", "held_from", "held_to")
    if q := (params.get("q") or "").strip():
        queryset = queryset.filter(Q(special_action__icontains=q) | Q(joint_units__icontains=q))
    return queryset


def inspection_queryset(user, *, write: bool = False) -> QuerySet:
    return InspectionBatch.objects.visible_to(user, write=write).select_related("org")


def filter_certificates(queryset: QuerySet, params, *, user=None) -> QuerySet:
    """org, status (证件状态), expiring=1 (in the warning period or expired, still valid), q (name or number)."""
    queryset = in_unit(queryset, params.get("org"), params=params)
    if status := choice(params, "status", CertificateStatus.values):
        queryset = queryset.filter(status=status)
    if flag(params, "expiring"):
        day = today()
        queryset = queryset.filter(Certificate.open_q(), Certificate.board_q(day, day))
    if q := (params.get("q") or "").strip():
        queryset = queryset.filter(Q(number__icontains=q) | Q(officer__name__icontains=q))
    return queryset


def certificate_queryset(user, *, write: bool = False) -> QuerySet:
    return Certificate.objects.visible_to(user, write=write).select_related("org", "officer")
