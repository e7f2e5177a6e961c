"""Figures of the enforcement ledger computed from records made through the services."""

import datetime
from decimal import Decimal

import pytest

from fazhi.enforcement import services
from fazhi.errors import FazhiError
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


def test_training_hours_are_kept_per_year_and_audited(officer_user, team, officers, client):
    from fazhi.audit.models import AuditEntry
    from fazhi.enforcement.models import Certificate, OfficerTraining
    from tests.conftest import PASSWORD

    first, second = (Certificate.objects.get(officer=o) for o in officers)
    services.record_training(officer_user, first, first.version, year=TODAY.year - 1, training_hours=50)
    services.record_training(officer_user, first, first.version, year=TODAY.year, training_hours=30)
    services.record_training(
        officer_user, first, first.version, year=TODAY.year, training_hours=64
    )  # corrected
    services.record_training(officer_user, second, second.version, year=TODAY.year, training_hours=60)
    with pytest.raises(FazhiError) as refused:
        services.record_training(officer_user, first, first.version, year=TODAY.year + 1, training_hours=8)
    assert refused.value.fields == {"year": "年度有误"}

    assert OfficerTraining.objects.filter(officer=officers[0]).count() == 2  # last year's row kept
    corrected = OfficerTraining.objects.get(officer=officers[0], year=TODAY.year)
    assert corrected.hours == 64 and corrected.version == 2
    assert AuditEntry.objects.filter(target_type="enforcement.officertraining").count() == 4

    this_year = (datetime.date(TODAY.year, 1, 1), datetime.date(TODAY.year, 12, 31))
    assert compute("enforcement.training_hours", team, *this_year) == 124
    assert compute("enforcement.training_hours.average", team, *this_year) == Decimal("62.0")
    last_year = (datetime.date(TODAY.year - 1, 1, 1), datetime.date(TODAY.year - 1, 12, 31))
    assert compute("enforcement.training_hours", team, *last_year) == 50
    assert (
        compute("enforcement.training_hours.average", team, *(d.replace(year=2001) for d in this_year))
        is None
    )

    client.login(username=officer_user.username, password=PASSWORD)
    page = client.get(f"/enforcement/certificates/{first.pk}/").content.decode()
    assert f"{TODAY.year}年64.0学时" in page and f"{TODAY.year - 1}年50.0学时" in page
