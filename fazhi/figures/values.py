"""The figures app's public entry points, in one import (the annual report and the analyzer use these).

from fazhi.figures.values import Period, values, describe_change, import_baseline

values(org, ["disputes.received"], 2024)["disputes.received"].change_text()  # "同比上升18.22%"
"""

from .access import org_for
from .compute import Value, table, values
from .manual import import_baseline, set_value
from .periods import Period
from .wording import change_rate, describe_change

__all__ = [
    "Period",
    "Value",
    "change_rate",
    "describe_change",
    "import_baseline",
    "org_for",
    "set_value",
    "table",
    "values",
]
