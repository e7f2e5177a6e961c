"""Navigation by work line: 首页, each registered ledger in its order, then the other pages.

A person sees the entries of the work they do: a ledger's entry when their units (or the units below them)
include a kind that keeps the ledger (``Ledger.kept_by``), a page's entry when they include one of its
``kinds``. A community mediator thus gets 纠纷调解, not the empty lists of 审查, 诉讼 or the 街道's reports.
The pages themselves still answer anyone by the scoping rule; the navigation only leaves out what is empty.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class WorkLine:
    label: str
    url_name: str
    prefix: str  # the path prefix that marks the entry active (the longest matching one wins)
    kinds: frozenset[str] | None = None  # shown to people with a unit of one of these kinds; None: everyone

    def shown_to(self, unit_kinds: set[str]) -> bool:
        return self.kinds is None or bool(self.kinds & unit_kinds)

    def matches(self, path: str) -> bool:
        return bool(re.match(self.prefix if self.prefix.endswith("$") else re.escape(self.prefix), path))


HOME = WorkLine("首页", "web:home", "/$")

# Pages that are not ledgers (the figures dashboard, the reports) add their entries here; a
# ledger's entry comes from its registration (fazhi.ledger.registry).
WORK_LINES: list[WorkLine] = []


def register(line: WorkLine) -> None:
    if line not in WORK_LINES:
        WORK_LINES.append(line)


def work_lines() -> list[WorkLine]:
    from fazhi.ledger.registry import ledgers

    ledger_lines = [
        WorkLine(ledger.label, ledger.nav_url, f"/{ledger.prefix}", ledger.kept_by or None)
        for ledger in ledgers()
    ]
    return [HOME, *ledger_lines, *WORK_LINES]


def lines_for(unit_kinds: set[str]) -> list[WorkLine]:
    """The entries of a person whose readable units are of ``unit_kinds``."""
    return [line for line in work_lines() if line.shown_to(unit_kinds)]


def active_line(lines: list[WorkLine], path: str) -> WorkLine | None:
    """The one entry marked active on ``path``: the longest prefix that matches (/reports/analysis/ is
    报告分析, not 年度报告 too)."""
    matching = [line for line in lines if line.matches(path)]
    return max(matching, key=lambda line: len(line.prefix), default=None)
