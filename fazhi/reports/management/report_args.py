"""What the report commands (annual_report, seed_coverage) share: the unit named by its code, and the
year's report either as it stands (--no-draft) or drafted now — each refusal a CommandError in Chinese."""

from django.core.management.base import CommandError

from fazhi.orgs.models import Organisation
from fazhi.reports import services


def org_by_code(code: str) -> Organisation:
    org = Organisation.objects.filter(code=code).first()
    if org is None:
        raise CommandError(f"没有代码为“{code}”的单位；请检查单位代码（如 wuchang）。")
    return org


def report_of(actor, org: Organisation, year: int, *, no_draft: bool) -> services.AnnualReport:
    """The report as it stands (``no_draft``) or drafted now from the ledgers (a FazhiError passes on)."""
    if not no_draft:
        return services.draft_report(actor, org, year)
    report = services.AnnualReport.objects.filter(org=org, year=year).first()
    if report is None:
        raise CommandError(f"“{org}”{year}年度的报告尚未创建；去掉 --no-draft 即可创建并起草。")
    return report
