"""Records written without a creator (generated data, batches without a person, rows from before creators
were kept) stay changeable through the services, the pages and the API (issue 12: demo records)."""

import pytest
from rest_framework.test import APIClient

from fazhi.disputes.models import Dispute
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def orphan(tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    Dispute.objects.filter(pk=dispute.pk).update(created_by=None, updated_by=None)
    return mediator, Dispute.objects.get()


def test_the_edit_page_saves_a_record_without_creator(client, orphan):
    mediator, dispute = orphan
    client.force_login(mediator)
    response = client.post(
        f"/disputes/{dispute.pk}/edit/",
        {"version": dispute.version, "channel": dispute.channel, "received_on": dispute.received_on.isoformat(),
         "dispute_type": dispute.dispute_type_id, "summary": "补充简况", "persons_involved": "2",
         "amount_involved": "0"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Dispute.objects.get()
    assert saved.summary == "补充简况" and saved.updated_by == mediator and saved.created_by is None


def test_the_api_changes_a_record_without_creator(orphan):
    mediator, dispute = orphan
    api = APIClient()
    api.force_authenticate(mediator)
    response = api.patch(
        f"/api/disputes/{dispute.pk}/", {"version": dispute.version, "summary": "改"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["summary"] == "改"
