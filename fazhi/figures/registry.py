"""The figure registry: every figure the platform computes or quotes, declared once.

A ledger app declares its figures in its own ``figures.py`` with :func:`figure`; dashboards, the
API, the annual report and the report analyzer all read them from here, so that one code
(``disputes.mediated_success``) means the same number everywhere.

Besides single numbers an app may declare *breakdowns* (a figure split by unit kind, type,
channel …) with :func:`breakdown`; the dashboard draws every declared breakdown. It may also
name its key figures (:func:`key_figures`) and the figures worth a monthly trend
(:func:`trend_figures`) — the dashboard shows those first.

Hand-entered figures (政务服务 counts, 应急演练 …) live in the database (``ManualFigure``); a
loader registered with :func:`add_loader` declares them here lazily, so that reading the
registry never needs the database at import time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from django.db.models import Count, Q, Sum
from django.db.models.expressions import Combinable

Number = int | Decimal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tally:
    """A figure that is one conditional aggregate over a ledger's rows: the rows of ``model`` held by the
    units (``org_field`` in the subtree) whose date ``on`` lies in the period and that match ``where``,
    counted, or with ``total`` summed. Figures of one model and unit field are computed together in one
    query for both years, whatever dates they count by (:mod:`fazhi.figures.compute`), instead of a query each.

    ``where`` must not follow a many-valued relation (the join would repeat rows for every figure of the
    query): say it with ``pk__in=`` an uncorrelated subquery instead (built once per query, where a correlated
    ``Exists(...)`` runs once per row). A condition that depends on today's date (due and not yet
    answered …) is given as a function returning the Q, called each time the figure is computed."""

    model: type
    on: str
    where: Q | Callable[[], Q] | None = None
    total: str | Combinable | None = None  # a column, or an expression of columns (F("a") + F("b"))
    org_field: str = "org"

    @property
    def group(self) -> tuple:
        """Tallies computed in one query: a ledger table's, whichever of its dates each counts by."""
        return (self.model, self.org_field)

    def in_period(self, start, end) -> Q:
        return Q(**{f"{self.on}__gte": start, f"{self.on}__lte": end})

    def condition(self) -> Q | None:
        return self.where() if callable(self.where) else self.where

    def aggregate(self, start, end):
        where = self.condition()
        condition = self.in_period(start, end) if where is None else where & self.in_period(start, end)
        return Sum(self.total, filter=condition) if self.total else Count("pk", filter=condition)

    def rows(self, orgs):
        return self.model._default_manager.filter(**{f"{self.org_field}__in": orgs})

    def finish(self, raw) -> Number:
        """A sum over no rows is 0 (0.00 for money), as a count is. A sum is given at its column's places, the
        same from either database, with zeros past the second place dropped: 收费金额, kept in 万元 to the yuan
        (four places), reads 1.25 and 100.00, not 1.2500 and 100.0000."""
        places = self._places()
        if places is None:
            return 0 if raw is None else raw
        exact = Decimal(raw or 0).quantize(Decimal(1).scaleb(-places))
        shown = min(places, 2)  # at least these places, at most the column's
        trimmed = exact.normalize()
        if trimmed.as_tuple().exponent > -shown:
            return exact.quantize(Decimal(1).scaleb(-shown))
        return trimmed

    def _places(self) -> int | None:
        """The decimal places of the summed column (an expression of columns is money: 2); None for a count
        or a whole-number column."""
        if not self.total:
            return None
        if not isinstance(self.total, str):  # an expression of columns: money (罚款 + 没收)
            return 2
        field = self.model._meta.get_field(self.total)
        return field.decimal_places if field.get_internal_type() == "DecimalField" else None


def span(members, periods) -> Q:
    """The rows any of the tallies ``members`` (of one group) may count in ``periods``: a query's filter. One
    range a date, from the first period's start to the last one's end: the periods asked together are this
    year and the one before, or a year's months, so the range is (nearly) their union, and a database uses
    its (unit, date) index for one range where it scanned the whole table for an OR of several. Each
    figure's own conditional aggregate keeps to its period."""
    first, last = min(start for start, _ in periods), max(end for _, end in periods)
    found = Q()
    for on in dict.fromkeys(fig.tally.on for fig in members):
        found |= Q(**{f"{on}__gte": first, f"{on}__lte": last})
    return found


def _tally_compute(tally: Tally, orgs, start, end) -> Number:
    return tally.finish(tally.rows(orgs).aggregate(v=tally.aggregate(start, end))["v"])


@dataclass(frozen=True)
class Ratio:
    """A rate in per cent, two places: figure ``part`` over figure ``whole`` (None when ``whole`` is 0)."""

    part: str
    whole: str

    def of(self, part, whole) -> Decimal | None:
        return None if part is None else percent(part, whole)


def percent(part, whole) -> Decimal | None:
    """``part`` of ``whole`` in per cent, two places, half up (None when ``whole`` is 0): every rate figure's
    arithmetic, declared as a :class:`Ratio` or computed by a figure function."""
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Derived:
    """A figure computed from other figures' values of the same period: ``combine(*values of parts)`` (a sum
    of two counts, an average from a total and a count), so that its parts are tallied with the others."""

    parts: tuple[str, ...]
    combine: Callable


def _derived_compute(derived: Derived, orgs, start, end):
    return derived.combine(*(get(code).compute(orgs, start, end) for code in derived.parts))


def _ratio_compute(ratio: Ratio, orgs, start, end) -> Decimal | None:
    whole = get(ratio.whole).compute(orgs, start, end)
    return ratio.of(get(ratio.part).compute(orgs, start, end), whole) if whole else None


@dataclass(frozen=True)
class Figure:
    code: str
    label: str  # Chinese label as the reports write it, e.g. "调解成功"
    unit: str  # 件, 宗, 份, 人, 万元, % …
    compute: Callable | None = None  # compute(orgs, start, end) -> Number; None for hand-entered
    phrases: tuple[str, ...] = field(default=())  # other wordings in published reports
    description: str = ""
    # dates(orgs, start, end) -> the days of what the figure counts (meetings by date in the report), or None
    dates: Callable | None = None
    tally: Tally | None = None  # computed with its ledger's other tallies in one query
    ratio: Ratio | None = None  # computed from two other figures' values
    derived: Derived | None = None  # computed from other figures' values
    # (whole, part): a report that states the part beside the whole's wording in one sentence means this
    # figure by that wording, the whole without the part ("分析会5场、年度总结分析会1场": 5 is not all 6)
    rest_of: tuple[str, str] | None = None

    @property
    def hand_entered(self) -> bool:
        return self.compute is None

    @property
    def parts(self) -> tuple[str, ...]:
        """The figures this one is computed from (a ratio's or a derived figure's), else ()."""
        if self.ratio:
            return (self.ratio.part, self.ratio.whole)
        return self.derived.parts if self.derived else ()

    def from_parts(self, known: Mapping):
        """The value from its parts' values in ``known`` (see :attr:`parts`)."""
        if self.ratio:
            return self.ratio.of(known[self.ratio.part], known[self.ratio.whole])
        return self.derived.combine(*(known[code] for code in self.derived.parts))


@dataclass(frozen=True)
class Breakdown:
    """A figure split into named parts: compute(orgs, start, end) -> {part label: Number}
    (or an iterable of (label, Number) pairs, in the order to show)."""

    code: str
    label: str  # e.g. "按纠纷类型"
    compute: Callable
    unit: str = "件"
    description: str = ""


_REGISTRY: dict[str, Figure] = {}
_BREAKDOWNS: dict[str, Breakdown] = {}
_KEY: list[str] = []
_TREND: list[str] = []


def figure(
    code: str,
    label: str,
    unit: str,
    *,
    phrases: tuple[str, ...] = (),
    description: str = "",
    dates: Callable | None = None,
):
    """Declare a computed figure: decorate ``compute(orgs, start, end)``; ``dates(orgs, start, end)`` may
    give the days of what it counts, for a report that names them ("3月15日、8月16日")."""

    def register(compute: Callable) -> Callable:
        declare(Figure(code, label, unit, compute, tuple(phrases), description, dates))
        return compute

    return register


def tally(
    code: str,
    label: str,
    unit: str,
    *,
    model,
    on: str,
    where: Q | None = None,
    total: str | None = None,
    org_field: str = "org",
    phrases: tuple[str, ...] = (),
    description: str = "",
    dates: Callable | None = None,
    rest_of: tuple[str, str] | None = None,
) -> Figure:
    """Declare a figure that counts (or with ``total`` sums) a ledger's rows dated ``on`` in the period and
    matching ``where``: see :class:`Tally`. Its ``compute`` still answers alone, for one figure."""
    counted = Tally(model, on, where, total, org_field)
    compute = partial(_tally_compute, counted)
    return declare(
        Figure(code, label, unit, compute, tuple(phrases), description, dates, tally=counted, rest_of=rest_of)
    )


def ratio(code: str, label: str, *, part: str, whole: str, phrases: tuple[str, ...] = (), description=""):
    """Declare a rate in per cent: figure ``part`` over figure ``whole`` of the same period."""
    rate = Ratio(part, whole)
    return declare(
        Figure(code, label, "%", partial(_ratio_compute, rate), tuple(phrases), description, ratio=rate)
    )


# Results of ``shared`` computations while one batch of figures is computed (see ``computing``).
_SHARED: ContextVar[dict | None] = ContextVar("figures_shared", default=None)


@contextmanager
def computing():
    """While figures of one organisation are computed together, a ``shared`` computation runs once per
    unit set and period instead of once per figure that reads it."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(compute: Callable) -> Callable:
    """Mark ``compute(orgs, start, end, *more)`` as a whole table several figures each take a cell of (the
    disclosure report's table 四 …): inside ``computing()`` it runs once for the same arguments. The unit
    set is the same queryset object for every figure of one batch, so it is told apart by identity."""

    def once(orgs, start, end, *more):
        memo = _SHARED.get()
        if memo is None:
            return compute(orgs, start, end, *more)
        key = (compute, id(orgs), start, end, *more)
        if key not in memo:
            memo[key] = (orgs, compute(orgs, start, end, *more))  # the unit set is kept alive with its id
        return memo[key][1]

    return once


def derived(
    code: str, label: str, unit: str, *, parts: tuple[str, ...], combine: Callable, phrases=(), description=""
) -> Figure:
    """Declare a figure computed from other figures of the same period: ``combine(*their values)``."""
    made = Derived(tuple(parts), combine)
    compute = partial(_derived_compute, made)
    return declare(Figure(code, label, unit, compute, tuple(phrases), description, derived=made))


def declare(fig: Figure) -> Figure:
    existing = _REGISTRY.get(fig.code)
    if existing is not None and existing != fig:
        raise ValueError(f"figure code declared twice: {fig.code}")
    _REGISTRY[fig.code] = fig
    return fig


def get(code: str) -> Figure:
    _load()
    return _REGISTRY[code]


def declared_in_code(code: str) -> bool:
    """Whether an app declares the figure in its code; the database catalogue is not read (the
    start-up checks run before the database may exist)."""
    return code in _REGISTRY and not any(code in codes for codes in _loaded_codes.values())


def all_figures() -> list[Figure]:
    _load()
    return sorted(_REGISTRY.values(), key=lambda f: f.code)


# Reading a published report's figure back to a code (the report analyzer) ---------------------

# The words of a report's section heading that say which ledgers' figures it holds, per code prefix
# (the part before the first "."). The innermost heading naming any of them narrows a figure's
# candidate codes to those prefixes: "办结案件230宗" under "助力矛盾纠纷有效化解" is no 审结 of a lawsuit.
# One table, so that a new ledger adds its words here and nowhere else.
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "disputes": ("矛盾纠纷", "纠纷", "调解", "调处", "人民调解"),
    "petitions": ("信访", "接访", "矛盾纠纷"),
    "litigation": ("行政复议", "行政诉讼", "行政应诉", "出庭应诉", "涉诉", "司法监督", "行政争议"),
    "suggestions": ("司法建议", "检察建议", "司法监督", "检察监督"),
    "legal": ("合法性审查", "法律顾问", "行政决策", "决策制度"),
    "enforcement": ("行政执法", "执法"),
    "pufa": ("普法", "宣传", "以案释法"),
    "literate": ("法律明白人", "普法"),
    "services": ("公共法律服务", "法律服务驿站", "驿站", "政务服务"),
    "study": ("学习", "学法", "法治思想"),
    "lead": ("第一责任人", "主要负责人", "述法", "学法"),
    "exam": ("学法", "考试", "依法行政能力"),
    "training": ("培训", "调解员", "纠纷", "依法行政能力"),
    "oversight": ("人大", "政协", "审计", "督查", "督办", "监督事项", "法治督察"),
    "reminders": ("法治督察", "督察"),
    "disclosure": ("政务公开", "信息公开"),
    "demands": ("民生诉求", "群众诉求", "民意", "民情", "网民问政", "督查"),  # 西乡 puts 网站留言 under 督查
    "council": ("议事", "民意"),
}
# A wording found inside a longer subject must be at least this long: "结案" in "办结案件", "委派" are
# too generic to tell which figure is meant (an exact match of a short label still counts).
MIN_MATCH = 3
# What may follow a matched wording at the end of a subject without changing what is counted:
# "收集民情民意数量", "成功调解矛盾纠纷". Anything else ("撤回行政复议申请", "涉诉案件总结分析会")
# means the wording only qualifies another thing.
NEUTRAL_TAILS = (
    "", "数量", "总数", "总量", "件数", "数", "量", "案件", "矛盾纠纷", "纠纷", "事项", "活动", "行动", "专项行动",
)  # fmt: skip
# Quotation marks are typography: "开展“双随机、一公开”专项行动" names 双随机、一公开.
QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
# Units that count different kinds of thing: a figure in 场 is no count of 件 (cases), a sum of 元 no
# count of people. Units not listed (次, 个, 项, 批 …) fit any figure.
UNIT_KINDS = {
    "元": "money",
    "%": "rate", "个百分点": "rate", "‰": "rate",
    "人": "persons", "名": "persons", "人次": "persons", "位": "persons",
    "场": "sessions", "场次": "sessions", "期": "sessions",
    "件": "items", "宗": "items", "起": "items", "份": "items", "条": "items", "篇": "items",
    "本": "items", "张": "items", "只": "items",
}  # fmt: skip


def unit_kind(unit: str | None) -> str | None:
    if not unit:
        return None
    return UNIT_KINDS.get(unit.lstrip("万亿") or unit)


def section_prefixes(section: Iterable[str]) -> set[str] | None:
    """The code prefixes the innermost heading (of ``section``, outermost first) that names any of
    :data:`SECTION_WORDS` points to; None when no heading names one (nothing to narrow by)."""
    for title in reversed(list(section)):
        named = {prefix for prefix, words in SECTION_WORDS.items() if any(word in title for word in words)}
        if named:
            return named
    return None


def _wordings(fig: Figure) -> list[str]:
    return [wording.translate(QUOTES) for wording in (fig.label, *fig.phrases) if wording]


def code_for_phrase(subject: str, *, section: Iterable[str] = (), unit: str | None = None) -> str | None:
    """The code of the figure a report phrase counts ("调解成功" → disputes.mediated_success), or None
    when unsure.

    ``section``: the titles of the headings the phrase sits under, outermost first; they narrow the
    candidates to the ledgers they name (:func:`section_prefixes`; hand-entered figures, which belong
    to no ledger, stay candidates). ``unit``: the figure's unit as written; a code counting another
    kind of thing (:data:`UNIT_KINDS`) is no candidate. Among the candidates an exact label or phrase
    wins; otherwise the longest label or phrase contained in the subject, when it is at least
    :data:`MIN_MATCH` long, no other code's wording is as long, and only a neutral tail follows it.
    """
    _load()
    subject = subject.strip().translate(QUOTES)
    if not subject:
        return None
    prefixes = section_prefixes(section)
    kind = unit_kind(unit)
    candidates = [
        fig
        for fig in _REGISTRY.values()
        if (prefixes is None or fig.code.split(".", 1)[0] in prefixes or not declared_in_code(fig.code))
        and (kind is None or unit_kind(fig.unit) in (None, kind))
    ]
    exact = {fig.code for fig in candidates for wording in _wordings(fig) if wording == subject}
    if exact:
        return exact.pop() if len(exact) == 1 else None
    longest: dict[str, str] = {}  # code → its longest wording contained in the subject
    for fig in candidates:
        for wording in _wordings(fig):
            fits = len(wording) >= MIN_MATCH and wording in subject
            if fits and len(wording) > len(longest.get(fig.code, "")):
                longest[fig.code] = wording
    if not longest:
        return None
    size = max(len(wording) for wording in longest.values())
    best = [(code, wording) for code, wording in longest.items() if len(wording) == size]
    if len(best) > 1:
        return None  # equally plausible codes: leave it to the reader
    code, wording = best[0]
    tail = subject[subject.rindex(wording) + len(wording) :]
    return code if tail in NEUTRAL_TAILS else None


def rests() -> dict[tuple[str, str], str]:
    """(whole, part) → the code of the figure that is the whole without the part (``Figure.rest_of``)."""
    _load()
    return {fig.rest_of: fig.code for fig in _REGISTRY.values() if fig.rest_of}


# Breakdowns -------------------------------------------------------------------------------------


def breakdown(code: str, label: str, unit: str = "件", *, description: str = ""):
    """Declare a breakdown: decorate ``compute(orgs, start, end) -> {label: Number}``."""

    def register(compute: Callable) -> Callable:
        declare_breakdown(Breakdown(code, label, compute, unit, description))
        return compute

    return register


def declare_breakdown(item: Breakdown) -> Breakdown:
    existing = _BREAKDOWNS.get(item.code)
    if existing is not None and existing != item:
        raise ValueError(f"breakdown code declared twice: {item.code}")
    _BREAKDOWNS[item.code] = item
    return item


def get_breakdown(code: str) -> Breakdown:
    return _BREAKDOWNS[code]


def all_breakdowns() -> list[Breakdown]:
    return list(_BREAKDOWNS.values())  # in declaration order: the order the app wants them shown


def parts(item: Breakdown, orgs, start, end) -> list[tuple[str, Number]]:
    """A breakdown's parts as (label, number) pairs, whatever shape its compute returns."""
    result = item.compute(orgs, start, end)
    pairs: Iterable = result.items() if isinstance(result, Mapping) else result
    return [(str(label), value) for label, value in pairs]


# Dashboard hints --------------------------------------------------------------------------------


def key_figures(*codes: str) -> None:
    """Name figures for the dashboard's key-figure cards (in this order)."""
    for code in codes:
        if code not in _KEY:
            _KEY.append(code)


# code, or a prefix ending in "." for a ledger's figures, → "up" (a rise is good news) or "down"
_BETTER: dict[str, str] = {}


def better_when_higher(*codes: str) -> None:
    """A rise of these figures is good news (调解成功率, 负责人出庭应诉率): green on the dashboard."""
    _BETTER.update(dict.fromkeys(codes, "up"))


def better_when_lower(*codes: str) -> None:
    """A fall of these figures is good news (败诉, 被纠错率, 超期; "petitions." for all of a ledger's): a rise
    is red on the dashboard and is never written as an achievement in the report (reports.drafting)."""
    _BETTER.update(dict.fromkeys(codes, "down"))


def better(code: str) -> str:
    """ "up", "down" or "": the code's own declaration, else the longest declared prefix it starts with."""
    if code in _BETTER:
        return _BETTER[code]
    prefixes = [p for p in _BETTER if p.endswith(".") and code.startswith(p)]
    return _BETTER[max(prefixes, key=len)] if prefixes else ""


def tone(code: str, direction: str) -> str:
    """ "good", "bad" or "" (a count that is neither, or no change) for a change in ``direction``."""
    way = better(code)
    if not way or not direction:
        return ""
    return "good" if direction == way else "bad"


def rise_is_bad(code: str) -> bool:
    return better(code) == "down"


def trend_figures(*codes: str) -> None:
    """Name figures for the dashboard's monthly trend chart."""
    for code in codes:
        if code not in _TREND:
            _TREND.append(code)


def key_codes() -> list[str]:
    return [c for c in _KEY if c in _REGISTRY]


def trend_codes() -> list[str]:
    return [c for c in _TREND if c in _REGISTRY]


# Figures declared from elsewhere (the database) -------------------------------------------------

RELOAD_SECONDS = 60  # other processes' catalogue edits show up within a minute

_LOADERS: list[Callable[[], None]] = []
_loaded_at: float | None = None
_loaded_codes: dict[str, set[str]] = {}


def add_loader(loader: Callable[[], None]) -> None:
    """loader() declares figures through :func:`replace_loaded`; run lazily and re-run when stale."""
    if loader not in _LOADERS:
        _LOADERS.append(loader)
    mark_stale()


def mark_stale() -> None:
    global _loaded_at
    _loaded_at = None


def _load() -> None:
    global _loaded_at
    if not _LOADERS or (_loaded_at is not None and time.monotonic() - _loaded_at < RELOAD_SECONDS):
        return
    _loaded_at = time.monotonic()  # first, so that a loader reading the registry does not recurse
    for loader in _LOADERS:
        try:
            loader()
        except Exception:  # the database may not exist yet (migrate, checks, tests without db)
            log.debug("figure loader %r failed; retried on next access", loader, exc_info=True)
            _loaded_at = None


def replace_loaded(source: str, figures: Iterable[Figure]) -> None:
    """Make ``figures`` the set declared by ``source``: earlier ones it no longer has are removed.

    A code already declared in code (by a ledger app) is never overridden by a loaded figure.
    """
    previous = _loaded_codes.get(source, set())
    current: set[str] = set()
    for fig in figures:
        if fig.code in _REGISTRY and fig.code not in previous:
            continue
        _REGISTRY[fig.code] = fig
        current.add(fig.code)
    for code in previous - current:
        _REGISTRY.pop(code, None)
    _loaded_codes[source] = current
