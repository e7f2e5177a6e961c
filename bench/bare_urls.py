"""The product's URLs plus /bare/disputes/: the floor of the list API benchmark — the same page of the
same rows with the same fields (a 街道's disputes of one status, ordered as the API orders them, 50 a page,
after the same (date, id) keyset position ``after=<date>,<id>``) read with .values() and returned by
JsonResponse, without authentication, scoping or serializers; the masked party columns as they are, the
status label and deadline state by a dict lookup and the deadline engine."""

import datetime

from django.db.models import Q
from django.http import JsonResponse
from django.urls import path

from fazhi.deadlines.calendar import is_provisional, provisional_reason
from fazhi.deadlines.engine import status as deadline_status
from fazhi.disputes.models import STATES, Dispute, Party
from fazhi.orgs.models import Organisation
from fazhi.urls import urlpatterns as product_urls

PAGE_SIZE = 50
FIELDS = (
    "id", "number", "version", "status", "org__code", "org__name", "channel", "external_number", "received_on",
    "dispute_type__name", "summary", "handler", "persons_involved", "amount_involved", "is_group", "due_date",
    "concluded_on", "agreement_text", "amount_agreed", "amount_recovered", "performance_due", "referred_to",
    "performance_method", "close_reason", "confirmation_due", "confirmation_applied_on", "confirmation_court",
    "confirmation_result", "visited_on", "satisfaction",
)  # fmt: skip


def bare_disputes(request):
    street = Organisation.objects.get(code=request.GET["under"])
    found = Dispute.objects.filter(org__path__startswith=street.path, status=request.GET["status"])
    if "after" in request.GET:
        day, pk = request.GET["after"].split(",")
        day = datetime.date.fromisoformat(day)
        found = found.filter(
            Q(received_on__lt=day) | Q(received_on=day, pk__lt=int(pk)), received_on__lte=day
        )
    rows = list(found.order_by("-received_on", "-pk").values(*FIELDS)[:PAGE_SIZE])
    parties: dict[int, list] = {}
    for party in (
        Party.objects.filter(dispute_id__in=[r["id"] for r in rows])
        .order_by("role", "pk")
        .values("dispute_id", "id", "role", "kind", "name", "id_number_masked", "phone_masked")
    ):
        parties.setdefault(party.pop("dispute_id"), []).append(party)
    for row in rows:
        row["org"], row["org_name"] = row.pop("org__code"), row.pop("org__name")
        row["dispute_type"] = row.pop("dispute_type__name")
        row["parties"] = parties.get(row["id"], [])
        row["status_label"] = STATES.labels[row["status"]]
        closed = row["status"] in STATES.closed or row["due_date"] is None
        row["deadline_status"] = "ok" if closed else deadline_status(row["due_date"])
        years = {d.year for d in (row["due_date"], row["confirmation_due"]) if d and is_provisional(d)}
        row["provisional_reason"] = "、".join(provisional_reason(year) for year in sorted(years))
        row["provisional"] = bool(years)
    return JsonResponse({"results": rows})


urlpatterns = [path("bare/disputes/", bare_disputes), *product_urls]
