"""Navigation by work line. Each ledger app adds its entry here when it exists."""

from dataclasses import dataclass


@dataclass(frozen=True)
class WorkLine:
    label: str
    url_name: str
    prefix: str  # the path prefix that marks the entry active


WORK_LINES: list[WorkLine] = [
    WorkLine("首页", "web:home", "/$"),
]


def register(line: WorkLine) -> None:
    if line not in WORK_LINES:
        WORK_LINES.append(line)
