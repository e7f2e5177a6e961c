"""What the dashboard and the district page show, assembled from the registry generically."""

from __future__ import annotations

from fazhi.orgs.models import Kind, Organisation

from . import registry
from .compute import several_series, table, values
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


def kpis(org: Organisation, period: Period) -> list[dict]:
    found = values(org, key_codes(), period)
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


def trend(org: Organisation, period: Period) -> dict:
    months = period.month_periods()
    found = several_series(org, trend_codes(), months)
    return {
        "months": [f"{p.start.year}年{p.start.month}月" for p in months],
        "series": [
            {"name": registry.get(code).label, "data": [_number(v) for v in data]}
            for code, data in found.items()
        ],
    }


def breakdowns(org: Organisation, period: Period) -> list[dict]:
    orgs = Organisation.objects.subtree_of([org])
    result = []
    for index, item in enumerate(registry.all_breakdowns()):
        pairs = registry.parts(item, orgs, period.start, period.end)
        result.append(
            {
                "id": f"breakdown-{index}",
                "code": item.code,
                "label": item.label,
                "unit": item.unit,
                "items": [{"name": label, "value": _number(value)} for label, value in pairs],
            }
        )
    return result


def district_streets(district: Organisation):
    return district.children.filter(kind=Kind.STREET, active=True).order_by("path")


def side_by_side(district: Organisation, period: Period) -> dict:
    """Key figures of each 街道 of the district, and of the district as a whole."""
    codes = key_codes()
    streets = list(district_streets(district))
    columns = [*streets, district]
    cells = {org.pk: {row["code"]: row for row in table(org, codes, period)} for org in columns}
    rows = [
        {
            "label": registry.get(code).label,
            "unit": registry.get(code).unit,
            "cells": [cells[org.pk][code] for org in columns],
        }
        for code in codes
    ]
    chart = {
        "streets": [s.short_name or s.name for s in streets],
        "series": [
            {"name": row["label"], "data": [_number(cell["value"]) for cell in row["cells"][:-1]]}
            for row in rows
            if row["unit"] not in NOT_COUNTS
        ],
    }
    return {"columns": columns, "rows": rows, "chart": chart}
