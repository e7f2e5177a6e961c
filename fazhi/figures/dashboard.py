"""What the dashboard and the district page show, assembled from the registry generically."""

from __future__ import annotations

from fazhi.dates import today
from fazhi.orgs.models import Kind, Organisation

from . import registry
from .compute import table, values_and_series
from .periods import Period

MAX_KEY_FIGURES = 8
# Rates and money would dwarf or distort counts on one bar chart's axis; the table shows them.
NOT_COUNTS = ("%", "元", "万元")


def key_codes() -> list[str]:
    """The figures an app named as key ones; failing that, the first computed figures."""
    named = registry.key_codes()
    if named:
        return named
    return [f.code for f in registry.all_figures() if not f.hand_entered][:MAX_KEY_FIGURES]


def trend_codes() -> list[str]:
    return registry.trend_codes() or key_codes()[:2]


def _number(value):
    return None if value is None else float(value)


def _share(value, total: float):
    """A part's share of the whole in per cent (one decimal on the page); None when the whole is 0."""
    return None if not total or value is None else round(float(value) * 100 / total, 1)


def kpis_and_trend(org: Organisation, period: Period) -> tuple[list[dict], dict]:
    """The key-figure cards and the monthly trend, from the same queries (values_and_series)."""
    months = period.month_periods()
    begun = [p for p in months if p.start <= today()]
    found, by_month = values_and_series(org, key_codes(), period, trend_codes(), begun)
    return _cards(found), _trend(months, by_month)


def _cards(found) -> list[dict]:
    return [
        {
            "code": code,
            "label": registry.get(code).label,
            "unit": registry.get(code).unit,
            "value": value.value,
            "previous": value.previous,
            "change_text": value.change_text(),
            "direction": value.direction,
            "tone": registry.tone(code, value.direction),
        }
        for code, value in found.items()
    ]


def _trend(months: list[Period], found: dict) -> dict:
    """Each trend figure by month; months not yet begun have no point (not a zero the line drops to)."""
    return {
        "months": [f"{p.start.year}年{p.start.month}月" for p in months],
        "series": [
            {
                "name": registry.get(code).label,
                "data": [_number(v) for v in data] + [None] * (len(months) - len(data)),
            }
            for code, data in found.items()
        ],
    }


def breakdowns(org: Organisation, period: Period) -> list[dict]:
    orgs = Organisation.objects.subtree_of([org])
    result = []
    items = registry.all_breakdowns()
    with registry.computing():  # breakdowns of the same rows share their query (registry.shared)
        found = [registry.parts(item, orgs, period.start, period.end) for item in items]
    for index, (item, pairs) in enumerate(zip(items, found, strict=True)):
        total = sum(float(value or 0) for _, value in pairs)
        result.append(
            {
                "id": f"breakdown-{index}",
                "code": item.code,
                "label": item.label,
                "unit": item.unit,
                "items": [
                    {"name": label, "value": _number(value), "share": _share(value, total)}
                    for label, value in pairs
                ],
            }
        )
    return result


def district_streets(district: Organisation):
    return district.children.filter(kind=Kind.STREET, active=True).order_by("path")


PER_WAN = 10000


def per_wan(value, residents):
    """A count per 10,000 residents, to two decimals; None without a population or a value."""
    if value is None or not residents:
        return None
    return round(float(value) * PER_WAN / residents, 2)


def ranks(values: list, way: str) -> list:
    """Each value's place among the others (1 = first), None where there is no value; ties share a place.
    A figure whose rise is good news ranks the highest first, one whose fall is good news the lowest; a
    count that is neither ranks by size."""
    known = sorted({v for v in values if v is not None}, reverse=way != "down")
    places = {}
    for value in known:
        places[value] = 1 + sum(1 for v in values if v is not None and v in places)
    return [None if v is None else places[v] for v in values]


def side_by_side(district: Organisation, period: Period, *, per_residents: bool = False) -> dict:
    """Key figures of each 街道 of the district, and of the district as a whole, each 街道 ranked; with
    ``per_residents`` the counts are per 10,000 residents (rates and money stay as they are)."""
    codes = key_codes()
    streets = list(district_streets(district))
    columns = [*streets, district]
    # The district's population is its 街道's when it has none of its own.
    populations = [s.residents for s in streets]
    whole = district.residents or (sum(populations) if populations and all(populations) else None)
    populations.append(whole)
    cells = {org.pk: {row["code"]: row for row in table(org, codes, period)} for org in columns}
    rows = []
    for code in codes:
        unit = registry.get(code).unit
        scaled = per_residents and unit not in NOT_COUNTS
        row_cells = []
        for org, residents in zip(columns, populations, strict=True):
            cell = dict(cells[org.pk][code])
            cell["shown"] = per_wan(cell["value"], residents) if scaled else cell["value"]
            row_cells.append(cell)
        places = ranks([c["shown"] for c in row_cells[:-1]], registry.better(code))
        for cell, place in zip(row_cells, [*places, None], strict=True):  # the district itself is not ranked
            cell["rank"] = place
        rows.append(
            {
                "code": code,
                "label": registry.get(code).label,
                "unit": f"{unit}/万人" if scaled else unit,
                "scaled": scaled,
                "cells": row_cells,
            }
        )
    chart = {
        "streets": [s.short_name or s.name for s in streets],
        "series": [
            {"name": row["label"], "data": [_number(cell["shown"]) for cell in row["cells"][:-1]]}
            for row in rows
            if row["unit"] not in NOT_COUNTS
        ],
    }
    missing = [s for s in streets if not s.residents]
    return {"columns": columns, "rows": rows, "chart": chart, "without_residents": missing}
