"""From a figure to the ledger list it was counted from: the records of the unit (and the units below it)
dated in the period, as the ledger's own list filters them. A figure that counts a ledger's rows (a tally)
links to that ledger's list, filtered by the unit, by the date range on the tally's date and by the tally's
condition where the list has a filter saying the same (a status, a flag); a rate links to the list of what
it is a rate of. A condition no list filter says (a subquery, a date-dependent one) is left out: the list
then shows the period's records, of which the figure counts some."""

from __future__ import annotations

from functools import cache

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse

from fazhi.ledger.filters import Choice, DateRange, Flag, Unit
from fazhi.ledger.registry import ledgers

from . import registry
from .periods import Period


def _tally_of(code: str):
    """The tally a figure counts or, for a rate or a derived figure, the tally of what it is taken of."""
    seen = set()
    while code not in seen:
        seen.add(code)
        fig = registry.get(code)
        if fig.tally is not None:
            return fig.tally
        if fig.ratio is not None:
            code = fig.ratio.whole
        elif fig.derived is not None:
            code = fig.derived.parts[0]
        else:
            return None
    return None


def _narrowing(where, filters) -> dict:
    """The list parameters that say the tally's condition, as far as a list filter says it."""
    if not isinstance(where, Q):  # none, or a function of today's date
        return {}
    for declared in filters:
        if isinstance(declared, Flag) and declared.condition == where:
            return {declared.name: "1"}
    if where.negated or where.connector != Q.AND:
        return {}
    params = {}
    for child in where.children:
        if not isinstance(child, tuple):
            continue
        key, value = child
        if not isinstance(value, str):  # status__in=[…] and the like: no single choice says it
            continue
        for declared in filters:
            if not isinstance(declared, Choice) or (declared.field or declared.name) != key:
                continue
            if value in {code for code, _ in declared.choices}:
                params[declared.name] = value
    return params


@cache
def _list_for(model, on: str, org_field: str):
    """(list URL, unit filter, date filter, all its filters) of the ledger list of ``model`` that filters ``on``,
    or None. The same for every person and request (the ledgers are declared at start-up), so found once: a
    district page asks it for every figure of every 街道. The pages' model is that of their queryset, built
    for nobody (no query runs)."""
    for ledger in ledgers():
        if model not in ledger.models:
            continue
        for pages in ledger.pages:
            for listing in pages.lists[:1]:
                unit = next((f for f in listing.filters.filters if isinstance(f, Unit)), None)
                dates = next(
                    (f for f in listing.filters.filters if isinstance(f, DateRange) and f.field == on), None
                )
                if unit is None or dates is None or unit.field != org_field:
                    continue
                if pages.queryset(AnonymousUser()).model is not model:
                    continue
                url = reverse(f"{pages.namespace}:{listing.name or pages.list_name}")
                return url, unit, dates, listing.filters.filters
    return None


def list_url(code: str, org, period: Period) -> str:
    """The URL of the ledger list behind figure ``code`` for ``org`` and ``period``; "" when there is none
    (a hand-entered figure, a figure computed otherwise, a ledger without such a list)."""
    tally = _tally_of(code)
    if tally is None:
        return ""
    found = _list_for(tally.model, tally.on, tally.org_field)
    if found is None:
        return ""
    url, unit, dates, filters = found
    params = QueryDict(mutable=True)
    params.update(_narrowing(tally.where, filters))
    params[unit.name] = org.code
    params[dates.start] = period.start.isoformat()
    params[dates.end] = period.end.isoformat()
    return f"{url}?{params.urlencode()}"
