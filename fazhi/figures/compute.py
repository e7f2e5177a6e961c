"""Figures for an organisation and a period, with the same period a year before.

Where a value comes from, per figure:

* a computed figure is computed over the organisation's subtree (a 街道 counts its 社区 and
  units, a district its 街道) — except that, for a whole calendar year in which the ledgers
  give nothing (None or 0) and a published baseline exists for the org and year, the baseline
  is the value (the year before the platform was used is known only from last year's report);
* a hand-entered figure is the org's value for the year (see ``fazhi.figures.manual`` for the
  rollup rule); it exists only for whole calendar years, so other periods have no value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fazhi.errors import FazhiError
from fazhi.orgs.models import Organisation

from . import aggregate, registry
from .manual import manual_value, manual_values, plain_number
from .periods import Period
from .wording import change_rate, describe_change, describe_point_change, direction

LEDGER, MANUAL, BASELINE = "ledger", "manual", "baseline"
SOURCE_LABELS = {LEDGER: "台账统计", MANUAL: "手工填报", BASELINE: "已发布报告", None: "无数据"}


class UnknownFigure(FazhiError):
    code = "not_found"
    status_code = 404


@dataclass(frozen=True)
class Value:
    value: registry.Number | None
    previous: registry.Number | None
    change: registry.Number | None
    rate: Decimal | None  # percent, two places; None without a non-zero previous value
    source: str | None = None
    previous_source: str | None = None
    unit: str = ""

    @classmethod
    def of(cls, value, previous, source=None, previous_source=None, unit="") -> Value:
        change = value - previous if value is not None and previous is not None else None
        return cls(value, previous, change, change_rate(value, previous), source, previous_source, unit)

    def change_text(self, *, style: str = "同比") -> str:
        """ "同比上升18.22%"; for a figure that is itself a rate (unit %), the change in points."""
        if self.unit == "%":
            return describe_point_change(self.value, self.previous)
        return describe_change(self.value, self.previous, style=style)

    @property
    def direction(self) -> str:
        return direction(self.value, self.previous)


def figure_or_error(code: str) -> registry.Figure:
    try:
        return registry.get(code)
    except KeyError:
        raise UnknownFigure(
            f"没有代码为“{code}”的指标，请核对 codes 参数；全部指标见 /api/figures/catalogue/。",
            fields={"codes": code},
        ) from None


def _one(fig: registry.Figure, org: Organisation, orgs, period: Period, known=None, manual=None):
    """The figure's value and where it comes from; ``known`` holds the values already computed for this
    period (the tallies of one query per ledger, :func:`_tallied`), so a ratio reuses its parts, and
    ``manual`` the hand-entered rows already read (:func:`fazhi.figures.manual.manual_values`)."""
    year = period.whole_year
    if fig.hand_entered:
        found = _manual(manual, fig.code, org, year) if year else None
        if found is None:
            return None, None
        return plain_number(found[0]), BASELINE if found[1] else MANUAL
    if known is not None and fig.code in known:
        number = known[fig.code]
    elif known is not None and fig.parts and set(fig.parts) <= known.keys():
        number = fig.from_parts(known)
    else:
        number = fig.compute(orgs, period.start, period.end)
    if not number and year:
        found = _manual(manual, fig.code, org, year, baseline_only=True)
        if found is not None:
            return plain_number(found[0]), BASELINE
    return number, LEDGER if number is not None else None


def _manual(manual, code, org, year, baseline_only=False):
    if manual is None:
        return manual_value(code, org, year, baseline_only=baseline_only)
    return manual.get(code, year, baseline_only=baseline_only)


def values(org: Organisation, codes, period: Period | int) -> dict[str, Value]:
    """{code: Value} for ``org`` (its whole subtree) over ``period`` (or a year) and the year before.

    No permission check here: callers acting for a person resolve ``org`` with
    :func:`fazhi.figures.access.org_for` first.
    """
    if isinstance(period, int):
        period = Period.year(period)
    with registry.computing():
        return _values(org, [figure_or_error(code) for code in codes], period)[0]


def _values(
    org: Organisation, figures, period: Period, series=(), months=()
) -> tuple[dict[str, Value], dict]:
    """The values of ``figures``, and {code: [value in each of ``months``]} of the ``series`` figures, the
    tallies of both read by the same queries."""
    orgs = Organisation.objects.subtree_of([org])
    before = period.previous_year()
    everything = list({fig.code: fig for fig in [*figures, *series]}.values())
    known_now, known_before, *by_month = _tallied(everything, orgs, [period, before, *months])
    years = [p.whole_year for p in (period, before) if p.whole_year]
    manual = manual_values([f.code for f in figures], org, years, orgs)
    result = {}
    for fig in figures:
        current, source = _one(fig, org, orgs, period, known_now, manual)
        previous, previous_source = _one(fig, org, orgs, before, known_before, manual)
        result[fig.code] = Value.of(current, previous, source, previous_source, fig.unit)
    by_code = {
        fig.code: [_one(fig, org, orgs, p, k)[0] for p, k in zip(months, by_month, strict=True)]
        for fig in series
    }
    return result, by_code


def values_and_series(org: Organisation, codes, period: Period, series_codes, months: list[Period]):
    """(values(org, codes, period), {series code: [its value in each of ``months``]}) in one pass: a ledger
    table both read is read once, with the year, the year before and each month as its periods (the
    dashboard's cards and its monthly trend count the same rows). Hand-entered figures have no monthly
    values (None)."""
    figures = [figure_or_error(code) for code in codes]
    series = [figure_or_error(code) for code in series_codes]
    with registry.computing():
        return _values(org, figures, period, series, months)


def _tallied(figures, orgs, periods: list[Period]) -> list[dict]:
    """The tallies among ``figures`` (and the parts of their ratios and derived figures), for each period: one
    aggregate query per ledger model, with a conditional count or sum per figure and period."""
    wanted = {fig.code: fig for fig in figures if fig.tally}
    for fig in figures:
        for code in fig.parts:
            part = registry.get(code)
            if part.tally:
                wanted[code] = part
    groups: dict[tuple, list[registry.Figure]] = {}
    for fig in wanted.values():
        groups.setdefault(fig.tally.group, []).append(fig)
    found: list[dict] = [{} for _ in periods]
    subquery = aggregate.Orgs(orgs)
    for members in groups.values():
        row = aggregate.tallies(members, subquery, periods)  # the SQL built once per process
        if row is None:
            tally = members[0].tally
            terms = {
                f"f{n}_{i}": fig.tally.aggregate(period.start, period.end)
                for n, fig in enumerate(members)
                for i, period in enumerate(periods)
            }
            bounds = [(period.start, period.end) for period in periods]
            row = tally.rows(orgs).filter(registry.span(members, bounds)).aggregate(**terms)
        for n, fig in enumerate(members):
            for i in range(len(periods)):
                found[i][fig.code] = fig.tally.finish(row[f"f{n}_{i}"])
    return found


def table(org: Organisation, codes, period: Period) -> list[dict]:
    """The rows the API, the Excel export and the dashboard show."""
    found = values(org, codes, period)
    rows = []
    for code, value in found.items():
        fig = registry.get(code)
        rows.append(
            {
                "code": code,
                "label": fig.label,
                "unit": fig.unit,
                "value": value.value,
                "previous": value.previous,
                "change": value.change,
                "rate": value.rate,
                "change_text": value.change_text(),
                "source": value.source or "",
            }
        )
    return rows
