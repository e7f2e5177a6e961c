"""How much of a published report a drafted one states: issue 18's measure (≥ 90% of the seed's figures).

Both texts are read by the analyzer (fazhi.reports.analyzer), which already finds every figure with its
position and its normalised value; this module only pairs them. A published figure is stated when the
draft has a figure of the same kind ("value", "change", "years") with the same value in the same unit.
What the figure counts is not compared: the analyzer's subject phrases differ with the wording
("调解成功4430宗" against "成功调解矛盾纠纷4430宗") even when the figure is the one the office means.

Units compare by what they count, not by the character chosen: a draft writes 件 where a seed writes
宗 or 起, 人 where it writes 名 (the drafted wording is consistent per office, the seeds are not). A
draft may round a money figure ("211.61万元" for "211.6094万元"), so a draft value written with fewer
decimals in the same unit matches the published value rounded the same way. A bare 万 or 亿 with no
counting unit ("资金保障44万") is money, as the reports leave out its 元.

Each drafted figure states at most one published figure: a report that says "100%" three times needs
three "100%" in the draft. A published figure with its change ("处理行政诉讼4宗，较2022年同比增长25%")
is stated only when the draft states the change too (the same direction, rate and measure), attached
to a figure or standing alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .analyzer import Comparison, FigureMention, analyze_text
from .analyzer.figures import SENTENCE_END

# Units that count the same thing under different characters (as written by one office or another).
SAME_UNIT = {"宗": "件", "起": "件", "名": "人", "位": "人", "场次": "场"}


@dataclass
class Coverage:
    published: list[FigureMention]
    stated: list[FigureMention]  # the published figures the draft states
    missing: list[FigureMention]  # those it does not
    published_text: str = field(repr=False, default="")

    @property
    def share(self) -> float:
        """Stated ÷ published, 0.0–1.0; an empty published report is fully covered."""
        return len(self.stated) / len(self.published) if self.published else 1.0

    def sentence(self, figure: FigureMention) -> str:
        """The published sentence a figure stands in (for telling the 法治办 what the draft lacks)."""
        text = self.published_text
        start = figure.start
        while start > 0 and not SENTENCE_END.match(text[start - 1]):
            start -= 1
        found = SENTENCE_END.search(text, figure.end)
        end = found.end() if found else len(text)
        return text[start:end].strip()


def _unit(figure: FigureMention) -> str | None:
    unit = figure.base_unit
    if unit is None and figure.unit in ("万", "亿"):
        return "元"  # money with its 元 left out ("资金保障44万"): the draft writes 44万元
    return SAME_UNIT.get(unit, unit) if unit else unit


def _key(figure: FigureMention) -> tuple:
    return (figure.kind, _unit(figure))


def _decimals(written: Decimal | int) -> int:
    exponent = Decimal(written).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _same_value(published: FigureMention, drafted: FigureMention) -> bool:
    if published.base_value == drafted.base_value:
        return True
    if published.unit != drafted.unit:
        return False
    # the draft rounds (money in 万元 with two decimals): compare at the draft's precision
    places = Decimal(1).scaleb(-_decimals(drafted.value))
    return Decimal(published.value).quantize(places, rounding=ROUND_HALF_UP) == Decimal(drafted.value)


def _change(comparison: Comparison) -> tuple:
    return (
        comparison.direction,
        SAME_UNIT.get(comparison.rate_unit, comparison.rate_unit),
        Decimal(comparison.rate),
    )


def _take_change(changes: list[tuple], published: Comparison) -> bool:
    """Find and use up a drafted change equal to ``published``: the same direction and measure, and the
    same rate — or, where the report rounds the rate ("同比增长55%" for 55.04%), the draft's rate rounded
    to the report's precision."""
    direction, unit, rate = _change(published)
    places = Decimal(1).scaleb(-_decimals(rate))
    for index, (d, u, r) in enumerate(changes):
        if (d, u) == (direction, unit) and (r == rate or r.quantize(places, rounding=ROUND_HALF_UP) == rate):
            del changes[index]
            return True
    return False


def compare(published_text: str, drafted_text: str) -> Coverage:
    """Which figures of ``published_text`` (a seed) ``drafted_text`` states. Raises ReportUnreadable
    when either text is empty."""
    published = analyze_text(published_text)
    drafted = analyze_text(drafted_text)
    pool: dict[tuple, list[FigureMention]] = defaultdict(list)
    changes: list[tuple] = []  # every change the draft states, on a figure or alone
    for figure in drafted.figures:
        if figure.kind != "change":
            pool[_key(figure)].append(figure)
        if figure.comparison is not None:
            changes.append(_change(figure.comparison))
    stated, missing = [], []
    for figure in published.figures:
        if figure.kind == "change":
            found = _take_change(changes, figure.comparison)
        else:
            candidates = pool[_key(figure)]
            # an exact value before a rounded one, so that rounding never takes another figure's match
            match = next((c for c in candidates if c.base_value == figure.base_value), None)
            if match is None:
                match = next((c for c in candidates if _same_value(figure, c)), None)
            # "处理行政诉讼4宗，较2022年同比增长25%": the draft states both or not the figure
            found = match is not None and (
                figure.comparison is None or _take_change(changes, figure.comparison)
            )
            if found:
                candidates.remove(match)
        (stated if found else missing).append(figure)
    return Coverage(published.figures, stated, missing, published.text)
