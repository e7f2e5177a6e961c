"""Figures of the enforcement ledger computed from records made through the services."""

import datetime

import pytest

from fazhi.enforcement import services
from fazhi.figures import registry
from fazhi.orgs.models import Organisation
from tests.conftest import TODAY
from tests.enforcement.enforcement_fixtures import file_case

pytestmark = pytest.mark.django_db


def compute(code, team, start=datetime.date(TODAY.year, 1, 1), end=TODAY):
    return registry.get(code).compute(Organisation.objects.filter(pk=team.pk), start, end)


def test_video_dispatched_counts_the_video_patrols_cases_by_filing_day(officer_user, team, officers):
    assert registry.declared_in_code("enforcement.video_dispatched")
    file_case(officer_user, team, officers, source="video")
    revoked = file_case(officer_user, team, officers, source="video")
    services.revoke(officer_user, revoked, revoked.version, on=TODAY, reason="非本队管辖，已移交")
    file_case(officer_user, team, officers, source="patrol")
    file_case(officer_user, team, officers, source="complaint")
    last_year = datetime.date(TODAY.year - 1, 12, 30)
    file_case(officer_user, team, officers, source="video", filed_on=last_year)

    # dispatched is dispatched, whatever came of the case; patrols and complaints are not
    assert compute("enforcement.video_dispatched", team) == 2
    assert compute("enforcement.cases", team) == 3  # the revoked case is no 案卷
    assert compute("enforcement.video_dispatched", team, last_year, last_year) == 1
