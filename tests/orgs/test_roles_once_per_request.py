"""A web request reads its person's roles once, for all its scoping questions; a role taken away counts from
the next request on (fazhi.orgs.middleware)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.orgs.models import RoleAssignment
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = pytest.mark.django_db


def role_reads(queries) -> int:
    """The scoping's reads of the person's role assignments (with their units)."""
    return sum(q["sql"].startswith('SELECT "orgs_roleassignment"."id"') for q in queries)


def test_a_page_reads_the_roles_once_and_a_removed_role_counts_next_request(client, tree, person):
    handler = person("med_a", "handler", tree["a-tw"])
    dispute = new_dispute(handler, tree["a-tw"])
    client.force_login(handler)
    with CaptureQueriesContext(connection) as home:
        assert client.get("/").status_code == 200  # the deadline board asks once per ledger
    with CaptureQueriesContext(connection) as page:
        assert client.get(f"/disputes/{dispute.pk}/").status_code == 200
    assert role_reads(home.captured_queries) == 1 and role_reads(page.captured_queries) == 1
    RoleAssignment.objects.filter(user=handler).delete()
    assert client.get(f"/disputes/{dispute.pk}/").status_code == 404


def test_a_person_kept_outside_a_request_sees_a_role_change_at_once(tree, person):
    from fazhi.orgs.scoping import can_read

    handler = person("med_a", "handler", tree["a-tw"])
    assert can_read(handler, tree["a-tw"])
    RoleAssignment.objects.filter(user=handler).delete()
    assert not can_read(handler, tree["a-tw"])
