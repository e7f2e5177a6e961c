"""The home page's 待办 by role, from what the ledgers already decide: the disputes inbox (fazhi.disputes),
legality reviews returned for revision, reports awaiting 审定, the deadline board (one engine, one scoping
rule, fazhi.web.views.deadline_board) and, for leaders, the 督办 of overdue records by unit.

Each section only reads; 接收 and 退回 post to the dispute's own actions."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, prefetch_related_objects
from django.urls import resolve, reverse

from fazhi.ledger.registry import ledger_of
from fazhi.orgs.scoping import role_codes

SUPERVISING_ROLES = frozenset({"leader", "district_reviewer"})  # who sees the 督办 by unit
SECTION_LIMIT = 20


def list_url(model, record=None, **query) -> str:
    """The model's ledger list, filtered by ``query``; found through a record's own detail URL, since a
    ledger app may hold several lists (e.g. 监督事项's suggestions and reminders)."""
    from urllib.parse import urlencode

    ledger = ledger_of(model)
    if ledger is None or record is None:
        return ""
    match = resolve(record.get_absolute_url())
    for pages in ledger.pages:
        if pages.namespace == match.namespace and pages.detail_name == match.url_name:
            url = reverse(f"{pages.namespace}:{pages.list_name}")
            return f"{url}?{urlencode(query)}" if query else url
    return ""


def overdue_days(record, day: datetime.date) -> int:
    return (day - record.due_date).days if record.due_date and record.due_date < day else 0


def party_names(record) -> str:
    """The parties by name (申请人 张三；被申请人 李四), for the records that have parties."""
    parties = getattr(record, "parties", None)
    if parties is None:
        return ""
    return "；".join(str(p) for p in parties.all()[:4])


def decorate(records: list, day: datetime.date) -> list:
    """The board's records with what the hub shows beside them: days overdue, parties, the filtered list."""
    by_model: dict = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record)
    for model, group in by_model.items():
        if hasattr(model, "parties"):
            prefetch_related_objects(group, "parties")
    for record in records:
        record.days_overdue = overdue_days(record, day)
        record.party_names = party_names(record)
    return records


def ledger_links(records: list, **query) -> list[tuple[str, str, int]]:
    """(ledger name, its list filtered by ``query``, how many of ``records``), one per ledger model."""
    seen: dict = {}
    for record in records:
        model = type(record)
        if model not in seen:
            seen[model] = [model._meta.verbose_name, list_url(model, record, **query), 0]
        seen[model][2] += 1
    return [tuple(v) for v in seen.values() if v[1]]


def inbox(user) -> list:
    from fazhi.disputes.filters import base_queryset
    from fazhi.disputes.views import inbox as disputes_inbox

    found = disputes_inbox(user, base_queryset(user, write=True)).prefetch_related("parties", "dispatches")
    found = list(found.select_related("org").order_by("-updated_at")[:SECTION_LIMIT])
    for dispute in found:
        last = max(dispute.dispatches.all(), key=lambda d: (d.at, d.pk), default=None)
        dispute.last_dispatch = last
        dispute.party_names = party_names(dispute)
    return found


def returned_reviews(user) -> list:
    """Legality reviews returned for revision to units the person writes for: to revise and resubmit."""
    from fazhi.legal.models import RETURNED, ReviewItem

    visible = ReviewItem.objects.visible_to(user, write=True).filter(status=RETURNED)
    return list(visible.select_related("org").order_by("-updated_at")[:SECTION_LIMIT])


def reports_to_approve(user) -> list:
    """Annual reports 待审定 that the person may approve (the report's own rule, reports.services)."""
    from fazhi.reports.models import AnnualReport, Status
    from fazhi.reports.services import can_approve

    waiting = AnnualReport.objects.visible_to(user).filter(status=Status.REVIEW).select_related("org")
    return [report for report in waiting[:SECTION_LIMIT] if can_approve(user, report)]


@dataclass
class UnitOverdue:
    org: object
    total: int = 0
    ledgers: list = field(default_factory=list)  # (ledger name, filtered list URL, count)


def supervision(user, day: datetime.date) -> list[UnitOverdue]:
    """督办: the overdue open records in the person's scope, counted by unit (most first), each count a link
    to that ledger's list filtered to the unit's overdue records."""
    from .views import open_deadlined

    units: dict[int, UnitOverdue] = {}
    for model, open_records in open_deadlined(user):
        overdue = open_records.filter(due_date__lt=day)
        counts = overdue.values("org").annotate(n=Count("pk")).order_by()
        sample = overdue.order_by("pk").first()
        if sample is None:
            continue
        for row in counts:
            unit = units.get(row["org"])
            if unit is None:
                unit = units[row["org"]] = UnitOverdue(org=None)
            unit.total += row["n"]
            unit.ledgers.append((model._meta.verbose_name, row["org"], row["n"], model, sample))
    from fazhi.orgs.models import Organisation

    orgs = Organisation.objects.in_bulk(units.keys())
    for pk, unit in units.items():
        unit.org = orgs[pk]
        unit.ledgers = [
            (name, list_url(model, sample, overdue=1, org=unit.org.code), n)
            for name, _, n, model, sample in unit.ledgers
        ]
    return sorted(units.values(), key=lambda u: (-u.total, u.org.code))


def hub(user, board: dict) -> dict:
    """Everything the home page shows for the person, by what their roles let them do."""
    day = board["today"]
    roles = role_codes(user)
    decorate(board["overdue"], day)
    decorate(board["due_soon"], day)
    context = {
        "inbox": inbox(user),
        "returned_reviews": returned_reviews(user),
        "reports_to_approve": reports_to_approve(user),
        "overdue_links": ledger_links(board["overdue"], overdue=1),
        "due_soon_links": ledger_links(board["due_soon"], due_soon=1),
    }
    if roles & SUPERVISING_ROLES:
        context["supervision"] = supervision(user, day)
    return context
