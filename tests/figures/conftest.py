"""A test figure independent of any ledger: events per organisation code and date."""

import datetime

import pytest

from fazhi.figures import registry

EVENTS: list[tuple[str, datetime.date]] = []


def count_events(orgs, start, end):
    codes = set(orgs.values_list("code", flat=True))
    return sum(1 for code, day in EVENTS if code in codes and start <= day <= end)


def events_by_org(orgs, start, end):
    codes = set(orgs.values_list("code", flat=True))
    result = {}
    for code, day in EVENTS:
        if code in codes and start <= day <= end:
            result[code] = result.get(code, 0) + 1
    return result


TEST_FIGURE = registry.Figure(code="test.events", label="测试事件", unit="件", compute=count_events)
TEST_BREAKDOWN = registry.Breakdown(code="test.events_by_org", label="按单位", compute=events_by_org)


@pytest.fixture
def events():
    """events(code, 'YYYY-MM-DD', n=1) adds n events; the test figure and breakdown are declared."""
    registry.declare(TEST_FIGURE)
    registry.declare_breakdown(TEST_BREAKDOWN)
    registry.key_figures("test.events")
    registry.trend_figures("test.events")
    EVENTS.clear()

    def add(code, day, n=1):
        EVENTS.extend([(code, datetime.date.fromisoformat(day))] * n)

    yield add
    EVENTS.clear()
    registry._REGISTRY.pop("test.events", None)
    registry._BREAKDOWNS.pop("test.events_by_org", None)
    registry._KEY.remove("test.events")
    registry._TREND.remove("test.events")
