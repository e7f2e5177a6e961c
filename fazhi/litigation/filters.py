"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import by_deadline, by_party_contact, choice, in_date_range, in_unit

from .models import CASE_STATES, Case, CaseKind, CaseParty, CaseStage


def filter_cases(queryset: QuerySet, params, *, user) -> QuerySet:
    """Narrow an already scoped queryset (``Case.objects.visible_to(user)``).

    kind, stage, status, outcome, org (code; with the units below it), received_from/received_to (copy
    received), overdue=1, due_soon=1, q (number, case number, court, act or party name), contact (a
    party's ID number or phone) and id_number / phone (exact, by digest; only for ``user`` where they
    see personal data). Unknown or malformed values are ignored rather than widening the result (an
    export refuses them).
    """
    get = params.get
    if kind := choice(params, "kind", CaseKind.values):
        queryset = queryset.filter(kind=kind)
    if stage := choice(params, "stage", CaseStage.values):
        queryset = queryset.filter(stage=stage)
    if status := choice(params, "status", CASE_STATES.labels):
        queryset = queryset.filter(status=status)
    if get("outcome"):
        queryset = queryset.filter(outcome=get("outcome"))
    queryset = in_unit(queryset, get("org"), params=params)
    queryset = in_date_range(queryset, params, "copy_received_on", "received_from", "received_to")
    queryset = by_deadline(queryset, params, CASE_STATES.closed)
    if q := (get("q") or "").strip():
        named = CaseParty.objects.filter(name__icontains=q).values("case_id")
        queryset = queryset.filter(
            Q(number__icontains=q)
            | Q(external_number__icontains=q)
            | Q(court__icontains=q)
            | Q(disputed_act__icontains=q)
            | Q(pk__in=named)
        )
    return by_party_contact(queryset, params, CaseParty, "case_id", user=user)


def case_queryset(user, *, write: bool = False) -> QuerySet:
    return Case.objects.visible_to(user, write=write).select_related("org", "previous")
