"""One search box across every ledger: a record's number or a name in any ledger list the person may
see, or a party's full ID number or phone in every ledger that keeps parties.

No second search rule: each ledger's own list declaration (its ``Search`` and ``Contact`` filters in
filters.py, scoped by its pages' queryset) answers for itself, so the box finds exactly what the
ledger's own list would. A full ID number or phone is a look at personal data: only for a person who
may see it, recorded once in the audit trail for the whole search (never the value), throttled as the
lists' contact filter is."""

from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse

from fazhi.errors import NotPermitted
from fazhi.orgs.scoping import personal_data_orgs

from .filtering import NO_PERSONAL_ROLE, audit_lookup
from .filters import Contact, Search
from .personal import is_full_contact
from .registry import ledgers

PER_LIST = 10  # rows shown per ledger list; the list itself has the rest


@dataclass
class Found:
    ledger: str  # the ledger's navigation label
    title: str  # the list's title
    rows: list  # (record, detail URL)
    total: int
    more_url: str  # the ledger's list with the same search


def _lists():
    """(ledger, pages, the ledger list) for every ledger page set with a list."""
    for ledger in ledgers():
        for pages in ledger.pages:
            if pages.lists:
                yield ledger, pages, pages.lists[0]


def _filter_of(listing, kind):
    return next((f for f in listing.filters.filters if isinstance(f, kind)), None)


def search(user, text: str) -> tuple[list[Found], str]:
    """The records the person may see matching ``text`` in each ledger list, and what was searched
    (in Chinese). Raises NotPermitted or LookupThrottled for a personal lookup refused: the web page
    (fazhi.web.search) and the API (fazhi.api.views) both answer through it."""
    personal = is_full_contact(text)
    if personal:
        if not personal_data_orgs(user).exists():
            raise NotPermitted(NO_PERSONAL_ROLE)
        audit_lookup(user, "全部台账", ["contact"])
    params = QueryDict(mutable=True)
    params["contact" if personal else "q"] = text
    found = []
    for ledger, pages, listing in _lists():
        declared = _filter_of(listing, Contact if personal else Search)
        if declared is None:
            continue
        queryset = pages.queryset(user)
        if personal:
            queryset = declared.apply(queryset, params, user, audited=True)
        else:
            queryset = declared.apply(queryset, params, user)
        total = queryset.count()
        if not total:
            continue
        records = queryset.select_related("org").order_by("-pk")[:PER_LIST]
        detail = f"{pages.namespace}:{pages.detail_name}"
        rows = [(record, reverse(detail, args=[record.pk])) for record in records]
        list_url = reverse(f"{pages.namespace}:{listing.name or pages.list_name}")
        found.append(Found(ledger.label, listing.title, rows, total, f"{list_url}?{params.urlencode()}"))
    what = "身份证号码或电话（完全匹配）" if personal else "编号、名称、当事人姓名等"
    return found, what
