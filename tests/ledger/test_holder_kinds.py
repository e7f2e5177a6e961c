"""Which kinds of unit may hold a ledger's records (``holder_kinds`` in ``<app>/ledger.py``), enforced in
one place (fazhi/ledger/holders.py) and met on every path: the service, the registration form's unit
choices, the API and the Excel import. Shown on the test ledger (街道, 社区, 内设机构 only) and on the
dispute ledger (the mediation units)."""

import io

import pytest

from fazhi.disputes.forms import IntakeForm
from fazhi.disputes.models import Dispute
from fazhi.errors import FazhiError
from fazhi.ledger.excel import export
from fazhi.ledger.holders import holder_problem, holder_units
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs
from tests.conftest import TODAY, client_for
from tests.disputes.dispute_fixtures import new_dispute
from tests.kit_ledger import services
from tests.kit_ledger.columns import notice_sheet
from tests.kit_ledger.forms import NewForm
from tests.kit_ledger.models import Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

ALLOWED = "请改选以下类别的单位：街道、社区、内设机构"


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])  # writes 甲街道 and every unit below it


def test_the_service_refuses_a_unit_of_another_kind_naming_it_and_the_allowed_kinds(office, tree):
    with pytest.raises(FazhiError) as refused:
        services.register(office, org=tree["a-tw"], title="占道经营", issued_on=TODAY)
    message = refused.value.message
    assert "“甲街道调委会”是街道调委会，不能承办整改事项" in message and ALLOWED in message
    assert refused.value.fields == {"org": message}
    assert not Notice.objects.exists()
    assert services.register(office, org=tree["a-sq"], title="占道经营", issued_on=TODAY).pk


def test_a_unit_outside_the_persons_scope_is_refused_for_scope_first_without_its_name(tree, person):
    other = person("office_b", "office", tree["b"])
    with pytest.raises(FazhiError) as refused:
        services.register(other, org=tree["a-tw"], title="占道经营", issued_on=TODAY)
    assert refused.value.code == "permission_denied" and "甲街道调委会" not in refused.value.message


def test_the_form_offers_only_units_that_may_hold_the_record(office, tree):
    offered = set(NewForm(user=office).fields["org"].queryset)
    assert offered == {tree["a"], tree["a-sq"]}  # not the two 调委会
    bound = NewForm({"org": tree["a-tw"].pk, "title": "占道经营", "issued_on": TODAY}, user=office)
    assert not bound.is_valid() and "org" in bound.errors


def test_the_api_answers_400_on_org(office):
    answer = client_for(office).post(
        "/api/kit-notices/", {"org": "a-sq-tw", "title": "占道经营", "issued_on": TODAY}, format="json"
    )
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert "“甲街道一社区调委会”是社区调委会" in error["fields"]["org"] and ALLOWED in error["message"]
    assert not Notice.objects.exists()


def test_the_excel_import_names_the_row_and_writes_nothing(client, office):
    upload = io.BytesIO(
        export(
            notice_sheet(),
            [
                {"org": "甲街道一社区", "title": "楼道堆物", "issued_on": TODAY},
                {"org": "甲街道调委会", "title": "店招整改", "issued_on": TODAY},
            ],
        )
    )
    upload.name = "kit.xlsx"
    client.force_login(office)
    page = client.post("/kit/excel/import/", {"file": upload})
    text = page.content.decode()
    assert page.status_code == 200 and "承办单位" in text and "“甲街道调委会”是街道调委会" in text
    assert not Notice.objects.exists()  # all rows or none


def test_a_product_ledger_is_held_to_its_kinds_the_same_way(tree, person):
    handler = person("handler_a", "handler", tree["a"])
    problem = holder_problem(Dispute, tree["a"])
    assert "“甲街道”是街道，不能承办矛盾纠纷" in problem
    with pytest.raises(FazhiError):
        new_dispute(handler, tree["a"])  # a 街道 hands a dispute to a mediation unit
    assert new_dispute(handler, tree["a-tw"]).org == tree["a-tw"]
    offered = set(IntakeForm(user=handler).fields["org"].queryset)
    assert (
        offered
        == set(holder_units(Dispute, visible_orgs(handler, write=True)))
        == {
            tree["a-tw"],
            tree["a-sq-tw"],
        }
    )


def test_a_model_of_no_ledger_may_be_held_by_any_unit(tree):
    assert holder_problem(Organisation, tree["a"]) == ""
