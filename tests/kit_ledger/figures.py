"""The ledger's figures; the annual report quotes none of "kit.…", so fazhi.E015 asks for none."""

from fazhi.figures.registry import figure

from .models import Notice


@figure("kit.notices", "整改事项", "件")
def notices(orgs, start, end):
    return Notice.objects.filter(org__in=orgs, issued_on__range=(start, end)).count()
