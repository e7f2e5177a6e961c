"""The figures a report's text renders with: frozen at approval, live from the ledgers before.

Below the services, the composition and the completeness check, which all read them (so none of those
imports the services for it); above ``figure_source`` and ``placeholders``, whose codes it collects.
"""

from dataclasses import replace

from . import figure_source
from .models import AnnualReport, Paragraph
from .placeholders import codes_in


def report_codes(report: AnnualReport) -> set[str]:
    return codes_in(*Paragraph.objects.filter(section__report=report).values_list("text", flat=True))


def current_values(report: AnnualReport) -> dict[str, figure_source.FigureValue]:
    if report.frozen:
        found = {
            code: figure_source.FigureValue.from_json(code, data)
            for code, data in report.frozen_values.items()
        }
    else:
        found = figure_source.fetch(report.org, report_codes(report), report.year)
    return styled(report, found)


def styled(report: AnnualReport, values: dict) -> dict:
    """The values as this report writes them (money exact or rounded, as the office chose)."""
    return {code: replace(value, money=report.money_style) for code, value in values.items()}
