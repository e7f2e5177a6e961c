"""Navigation by work line: 首页, each registered ledger in its order, then the other pages."""

from dataclasses import dataclass


@dataclass(frozen=True)
class WorkLine:
    label: str
    url_name: str
    prefix: str  # the path prefix that marks the entry active


HOME = WorkLine("首页", "web:home", "/$")

# Pages that are not ledgers (the figures dashboard, the reports) add their entries here; a
# ledger's entry comes from its registration (fazhi.ledger.registry).
WORK_LINES: list[WorkLine] = []


def register(line: WorkLine) -> None:
    if line not in WORK_LINES:
        WORK_LINES.append(line)


def work_lines() -> list[WorkLine]:
    from fazhi.ledger.registry import ledgers

    ledger_lines = [WorkLine(ledger.label, ledger.nav_url, f"/{ledger.prefix}") for ledger in ledgers()]
    return [HOME, *ledger_lines, *WORK_LINES]
