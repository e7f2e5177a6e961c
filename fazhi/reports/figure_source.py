"""The one place the report reads figures: values for an organisation and year, and number wording.

The figures app owns computation (its ``values``/``describe_change`` are used when present); this
adapter only turns what it returns into what the report needs, and falls back to computing from
the registry directly so that the report works on its own. The number formats follow the
published reports: 3218, 99.81%, 1880万元.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from fazhi.dates import today
from fazhi.figures import registry
from fazhi.orgs.models import Organisation

MONEY_UNITS = ("元", "万元")
TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class FigureValue:
    code: str
    unit: str
    value: Decimal | None
    previous: Decimal | None
    money: str = "exact"  # how the report writes money: "exact" (2027.87万元) or "about" (约2028万元)

    def as_json(self) -> dict:
        return {
            "unit": self.unit,
            "value": None if self.value is None else str(self.value),
            "previous": None if self.previous is None else str(self.previous),
        }

    @classmethod
    def from_json(cls, code: str, data: dict) -> FigureValue:
        return cls(code, data.get("unit", ""), _decimal(data.get("value")), _decimal(data.get("previous")))


def is_declared(code: str) -> bool:
    try:
        registry.get(code)
    except KeyError:
        return False
    return True


def unit_of(code: str) -> str:
    return registry.get(code).unit if is_declared(code) else ""


def label_of(code: str) -> str:
    return registry.get(code).label if is_declared(code) else code


def running_until(year: int) -> date | None:
    """The day a report of a year not yet over is drafted to (today), else None. Its figures count the
    year's records so far and compare them with the same dates a year before; its text says 截至M月D日."""
    day = today()
    return day if day.year == year and day < date(year, 12, 31) else None


def fetch(org: Organisation, codes, year: int) -> dict[str, FigureValue]:
    """This year's and last year's value of each declared code for the org and everything below it (of a
    running year: so far, compared with the same dates of last year)."""
    codes = sorted({code for code in codes if is_declared(code)})
    if not codes:
        return {}
    provided = _from_figures_app(org, codes, year)
    if provided is not None:
        return provided
    orgs = Organisation.objects.subtree_of([org])
    found = {}
    for code in codes:
        fig = registry.get(code)
        current = previous = None
        if fig.compute is not None:
            current = _decimal(fig.compute(orgs, date(year, 1, 1), date(year, 12, 31)))
            previous = _decimal(fig.compute(orgs, date(year - 1, 1, 1), date(year - 1, 12, 31)))
        found[code] = FigureValue(code, fig.unit, current, previous)
    return found


def _from_figures_app(org, codes, year) -> dict[str, FigureValue] | None:
    try:
        from fazhi.figures.values import values
    except ImportError:
        return None
    from fazhi.figures.values import Period

    until = running_until(year)
    got = values(org, codes, Period.year(year).as_of(until) if until else year)
    items = got.items() if isinstance(got, dict) else ((v.code, v) for v in got)
    return {
        code: FigureValue(
            code, unit_of(code), _decimal(getattr(v, "value", None)), _decimal(getattr(v, "previous", None))
        )
        for code, v in items
    }


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def plain(number: Decimal, places: int = 2) -> str:
    """No thousands separators, at most ``places`` decimals, no trailing zeros: 3218, 99.81, 100."""
    quantum = Decimal(1).scaleb(-places)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    text = format(rounded.normalize(), "f")
    return "0" if text in ("-0", "") else text


def format_value(value: Decimal | None, unit: str, money: str = "exact") -> str | None:
    """A figure as the report writes it. Money is written in 万元 from 10,000元 on, to two decimals
    (2027.87万元) or, where the office prefers, rounded (约2028万元)."""
    if value is None:
        return None
    if unit in MONEY_UNITS:
        wan = value / TEN_THOUSAND if unit == "元" else value
        if unit == "元" and abs(value) < TEN_THOUSAND:
            return f"{plain(value)}元"
        if money == "about":
            return f"约{plain(wan, 0)}万元"
        return f"{plain(wan)}万元"
    return plain(value)


def about_value(value: Decimal | None) -> str | None:
    """A count as a report rounds it in a sentence that needs no exact number: "近2000" just under a round
    number (within 5%), else "1000余" (two significant digits, and 余 when something is left over). Small
    counts (under 100) and round ones are written as they are."""
    if value is None:
        return None
    whole = int(value)
    if whole < 100 or whole != value:
        return plain(value)
    top = 10 ** (len(str(whole)) - 1)
    ceiling = -(-whole // top) * top
    if ceiling != whole and (ceiling - whole) * 20 <= whole:
        return f"近{ceiling}"
    step = max(top // 10, 1)
    floor = whole // step * step
    return str(whole) if floor == whole else f"{floor}余"


def describe_change(current: Decimal | None, previous: Decimal | None, unit: str = "") -> str | None:
    """Year-on-year wording (同比上升18.22%); a rate's change in points (同比提高21.45个百分点), as the
    dashboard writes it. None when last year is unknown (or, for a count, zero)."""
    if current is None or previous is None:
        return None
    if unit == "%":
        from fazhi.figures.wording import describe_point_change

        return describe_point_change(current, previous) or None
    if previous == 0:
        return None
    try:
        from fazhi.figures.values import describe_change as provided
    except ImportError:
        provided = None
    if provided is not None:
        return provided(current, previous) or None
    rate = (current - previous) / previous * 100
    shown = plain(abs(rate))
    if shown == "0":
        return "与上年持平"
    return f"同比{'上升' if rate > 0 else '下降'}{shown}%"
