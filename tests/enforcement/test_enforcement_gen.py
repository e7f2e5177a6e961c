"""gen_data covers the enforcement ledger: its cases, roster and inspections, with figures and an audit
trail the integrity check accepts."""

from io import StringIO

import pytest
from django.core.management import call_command

from fazhi.enforcement.models import (
    Certificate,
    EnforcementCase,
    EventKind,
    InspectionBatch,
    Officer,
    OfficerEvent,
)
from fazhi.figures.values import values
from fazhi.ledger.integrity import check_ledgers
from fazhi.orgs.models import Kind, Organisation

pytestmark = pytest.mark.django_db


def test_generated_district_has_enforcement_records_and_figures():
    call_command("gen_data", stdout=StringIO(), streets=1, years=2, start_year=2023, scale=0.05)
    assert EnforcementCase.objects.count() > 20 and InspectionBatch.objects.exists()
    # one roster per 街道, made with its first year, then officers join every year; a lost card is replaced
    assert Officer.objects.filter(joined_on__year=2015).count() == 12
    lost = OfficerEvent.objects.filter(kind=EventKind.LOST).count()
    assert Certificate.objects.count() == Officer.objects.count() + lost
    cases = EnforcementCase.objects.all()
    assert all(c.officers.count() == 2 for c in cases[:20])
    district = Organisation.objects.get(kind=Kind.DISTRICT)
    found = values(district, ["enforcement.cases", "enforcement.fines", "enforcement.inspections"], 2024)
    assert found["enforcement.cases"].value == EnforcementCase.objects.filter(filed_on__year=2024).count() > 0
    assert found["enforcement.fines"].value > 0 and found["enforcement.inspections"].value > 0
    assert [p for p in check_ledgers().problems if "执法" in p] == []
