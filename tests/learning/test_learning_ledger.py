"""The kit takes activity records: no number, no status machine, still checked, audited and verifiable."""

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.learning.ledger import LEDGER
from fazhi.learning.models import ServiceRecord, StudySession
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.checks import ledger_errors
from fazhi.ledger.integrity import check_model
from fazhi.ledger.registry import ledgers
from tests.conftest import TODAY
from tests.learning.learning_fixtures import new_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def test_the_declaration_is_complete_without_numbers_or_statuses():
    assert LEDGER in ledgers()
    assert ledger_errors(LEDGER) == []
    assert not any(hasattr(model, "NUMBER_KIND") or hasattr(model, "STATES") for model in LEDGER.models)


def test_activity_rows_verify_against_the_audit_trail_and_a_bypass_is_found(office, units):
    session = new_session(office, units["a"])
    insert_batch(
        office,
        ServiceRecord,
        [ServiceRecord(org=units["a-yz"], served_on=TODAY, kind="lecture", count=2)],
        source="测试导入",
        owner=None,
        day=None,
    )
    assert AuditEntry.objects.get(action=Action.IMPORT).changes["导入"] == [None, "1件"]
    assert check_model(StudySession, purged=False).problems == []
    StudySession.objects.filter(pk=session.pk).update(attendance=999)  # around the services
    problems = check_model(StudySession, purged=False).problems
    assert len(problems) == 1 and f"#{session.pk}" in problems[0] and "attendance" in problems[0]
