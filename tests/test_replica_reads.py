"""With a replica configured (FAZHI_REPLICA_URL adds the "replica" alias), the figures dashboard and the
Excel exports read from it; everything else, and anything inside a transaction, reads the primary. The
replica here is a second connection to the test database, added for the test."""

import io

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from fazhi.db import REPLICA, ReplicaRouter, replica_reads
from fazhi.disputes.models import Dispute
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def replica(transactional_db):
    # After the test database is set up (transactional_db), so the test-case machinery never wraps it.
    connections.settings[REPLICA] = dict(connections["default"].settings_dict)
    # Opened here, as the test case only lets connections it knows of open themselves.
    connections[REPLICA].connect()
    yield connections[REPLICA]
    connections[REPLICA].close()
    del connections.settings[REPLICA]
    delattr(connections._connections, REPLICA)


def test_without_a_replica_everything_reads_the_primary():
    with replica_reads():
        assert ReplicaRouter().db_for_read(Dispute) is None


def test_the_flag_the_alias_and_no_transaction_send_reads_to_the_replica(replica):
    router = ReplicaRouter()
    assert router.db_for_read(Dispute) is None  # only inside replica_reads
    with replica_reads():
        assert router.db_for_read(Dispute) == REPLICA
        with transaction.atomic():  # a locked read or an audit entry: the primary
            assert router.db_for_read(Dispute) is None
    assert router.allow_migrate(REPLICA, "disputes") is False


def test_the_export_reads_the_replica_and_audits_on_the_primary(replica, client, tree, person):
    new_dispute(person("med", "handler", tree["a-tw"]), tree["a-tw"])
    client.force_login(person("office_a", "office", tree["a"]))
    with (
        CaptureQueriesContext(replica) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get("/disputes/excel/export/")
    assert response.status_code == 200
    assert (
        load_workbook(io.BytesIO(response.content)).active.max_row == 2
    )  # the one dispute, from the replica
    assert any("disputes_dispute" in q["sql"] for q in on_replica.captured_queries)
    assert not any("audit_" in q["sql"] for q in on_replica.captured_queries)
    assert any("INSERT" in q["sql"] and "audit_auditentry" in q["sql"] for q in on_primary.captured_queries)


def test_the_dashboard_reads_the_replica(replica, client, tree, person):
    new_dispute(person("med", "handler", tree["a-tw"]), tree["a-tw"])
    client.force_login(person("office_a", "office", tree["a"]))
    with CaptureQueriesContext(replica) as on_replica:
        response = client.get("/figures/", {"org": "a"})
    assert response.status_code == 200
    assert any("disputes_dispute" in q["sql"] for q in on_replica.captured_queries)
