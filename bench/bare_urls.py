"""The product's URLs plus /bare/disputes/: the floor of the list API benchmark — the same page of the
same rows (a 街道's disputes of one status, ordered as the API orders them, 50 a page) read with
.values() and returned by JsonResponse, without authentication, serializers or masking."""

from django.http import JsonResponse
from django.urls import path

from fazhi.disputes.models import Dispute, Party
from fazhi.orgs.models import Organisation
from fazhi.urls import urlpatterns as product_urls

PAGE_SIZE = 50
FIELDS = (
    "id", "number", "version", "status", "org__code", "org__name", "channel", "external_number", "received_on",
    "dispute_type__name", "summary", "persons_involved", "amount_involved", "is_group", "due_date",
    "concluded_on", "agreement_text", "amount_agreed", "amount_recovered", "performance_due", "referred_to",
    "close_reason", "confirmation_due", "confirmation_applied_on", "confirmation_court",
    "confirmation_result", "visited_on", "satisfaction",
)  # fmt: skip


def bare_disputes(request):
    street = Organisation.objects.get(code=request.GET["under"])
    page = int(request.GET.get("page", "1"))
    rows = list(
        Dispute.objects.filter(org__path__startswith=street.path, status=request.GET["status"])
        .order_by("-received_on", "-pk")
        .values(*FIELDS)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    )
    parties: dict[int, list] = {}
    for party in Party.objects.filter(dispute_id__in=[r["id"] for r in rows]).values(
        "dispute_id", "role", "name"
    ):
        parties.setdefault(party.pop("dispute_id"), []).append(party)
    for row in rows:
        row["parties"] = parties.get(row["id"], [])
    return JsonResponse({"results": rows})


urlpatterns = [path("bare/disputes/", bare_disputes), *product_urls]
