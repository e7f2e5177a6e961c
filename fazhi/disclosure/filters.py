"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import by_deadline, by_party_contact, choice, in_date_range, in_unit

from .models import STATES, Applicant, ApplicantKind, Channel, DisclosureRequest, Outcome


def filter_requests(queryset: QuerySet, params, *, user) -> QuerySet:
    """Narrow an already scoped queryset by the request params.

    status, org (code; the unit and those below it), channel, applicant_kind, outcome,
    received_from/received_to, replied_from/replied_to, overdue=1, due_soon=1, q (number, content or
    applicant name), contact / id_number / phone (exact, by digest; only where ``user`` sees personal data).
    Unknown or malformed values are ignored rather than widening the result (an export refuses them).
    """
    if status := choice(params, "status", STATES.labels):
        queryset = queryset.filter(status=status)
    queryset = in_unit(queryset, params.get("org"), params=params)
    if channel := choice(params, "channel", Channel.values):
        queryset = queryset.filter(channel=channel)
    if kind := choice(params, "applicant_kind", ApplicantKind.values):
        queryset = queryset.filter(applicant_kind=kind)
    if outcome := choice(params, "outcome", Outcome.values):
        queryset = queryset.filter(outcome=outcome)
    queryset = in_date_range(queryset, params, "received_on", "received_from", "received_to")
    queryset = in_date_range(queryset, params, "replied_on", "replied_from", "replied_to")
    queryset = by_deadline(queryset, params, STATES.closed)
    if q := (params.get("q") or "").strip():
        named = Applicant.objects.filter(name__icontains=q).values("request_id")
        queryset = queryset.filter(Q(number__icontains=q) | Q(content__icontains=q) | Q(pk__in=named))
    return by_party_contact(queryset, params, Applicant, "request_id", user=user)


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return DisclosureRequest.objects.visible_to(user, write=write).select_related("org")
