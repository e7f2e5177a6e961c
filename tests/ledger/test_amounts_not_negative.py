"""One rule per amount: never below zero — in the API, the services (model validators), an Excel import
(the cell named) and the database itself (CHECK), so no path writes a negative sum (issue 12)."""

import io
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from rest_framework.test import APIClient

from fazhi.disputes import services
from fazhi.disputes.columns import dispute_sheet
from fazhi.disputes.models import Dispute
from fazhi.errors import FazhiError
from fazhi.ledger.excel import export
from fazhi.legal.models import ReviewItem
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute
from tests.legal.legal_fixtures import new_contract

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def mediator(tree, person):
    return person("m", "handler", tree["a-tw"])


def test_the_api_refuses_a_negative_amount_at_conclusion(mediator, tree):
    dispute = new_dispute(mediator, tree["a-tw"])
    dispute = services.add_session(
        mediator, dispute, dispute.version, held_on=TODAY, place="室", mediators="甲", notes="谈"
    )
    api = APIClient()
    api.force_authenticate(mediator)
    response = api.post(
        f"/api/disputes/{dispute.pk}/conclude/",
        {"version": dispute.version, "outcome": "success", "concluded_on": TODAY.isoformat(),
         "agreement_text": "赔偿", "amount_recovered": "-86850742"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert "amount_recovered" in response.json()["error"]["fields"]
    assert Dispute.objects.get().status == dispute.status


def test_the_services_refuse_it_whatever_calls_them(mediator, tree):
    dispute = new_dispute(mediator, tree["a-tw"])
    with pytest.raises(FazhiError):
        services.conclude_success(
            mediator, dispute, dispute.version, concluded_on=TODAY, agreement_text="赔偿",
            amount_recovered=Decimal("-1"),
        )  # fmt: skip
    assert Dispute.objects.get().amount_recovered is None


def test_an_import_names_the_cell_and_writes_nothing(client, mediator):
    good = {"received_on": TODAY, "channel": "visit", "dispute_type": "邻里", "org": "a-tw", "applicant": "张三",
            "summary": "漏水"}  # fmt: skip
    rows = [good, good | {"amount_involved": Decimal("-500")}, good | {"persons_involved": -3}]
    upload = io.BytesIO(export(dispute_sheet(), rows))
    upload.name = "negative.xlsx"
    client.force_login(mediator)
    body = client.post("/disputes/excel/import/", {"file": upload}).content.decode()
    assert "本次没有导入任何数据" in body and "不能为负数" in body and "第3行" in body and "第4行" in body
    assert not Dispute.objects.exists()


def test_the_database_refuses_a_negative_sum_written_around_the_services(mediator, tree, person):
    dispute = new_dispute(mediator, tree["a-tw"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Dispute.objects.filter(pk=dispute.pk).update(amount_agreed=Decimal("-0.01"))
    item = new_contract(person("o", "office", tree["a"]), tree["a-sq"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewItem.objects.filter(pk=item.pk).update(amount=Decimal("-100"))
