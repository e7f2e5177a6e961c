"""The ledger kit's parties: saving with errors keyed by field, and the one masking policy (pages always
masked; files whole only for a role that sees personal data in the record's unit)."""

import datetime

import pytest
from django.db import transaction

from fazhi.disputes.models import Dispute, Party
from fazhi.errors import FazhiError
from fazhi.ledger.parties import PartyData, export_value, masked_parties, save_parties
from fazhi.litigation import services as litigation_services
from fazhi.litigation.models import Case, CasePartyRole
from tests.disputes.dispute_fixtures import ID_A, PHONE_A, new_dispute
from tests.litigation.litigation_fixtures import new_case

pytestmark = pytest.mark.django_db

ID_MASKED, PHONE_MASKED = "**************002X", "*******5678"


def test_a_wrong_value_names_the_party_and_is_keyed_by_field(tree, person):
    handler = person("med_a", "handler", tree["a-tw"])
    dispute = new_dispute(handler, tree["a-tw"])
    rows = [PartyData("赵六"), PartyData("钱七", phone="12345"), PartyData("孙八", id_number="123")]
    with pytest.raises(FazhiError) as caught, transaction.atomic():
        save_parties(dispute, rows)
    assert set(caught.value.fields) == {"parties.2.phone"}  # stops at the first wrong party
    assert "第2位当事人（钱七）" in caught.value.message and "手机号应为11位" in caught.value.message
    assert dispute.parties.count() == 2  # the caller's transaction took nothing of the batch


def test_empty_values_take_the_party_models_defaults(tree, person):
    legal = person("legal_a", "legal", tree["a"])
    case = new_case(legal, tree["a"])
    with transaction.atomic():
        [saved] = save_parties(case, [PartyData("钱七", phone="0571 8888 8888")])
    assert saved.role == CasePartyRole.PLAINTIFF and saved.case == case
    assert saved.phone == "0571-88888888" and saved.id_number == ""


def test_each_ledger_keys_its_errors_the_same_way_and_writes_nothing(tree, person):
    handler = person("med_a", "handler", tree["a-tw"])
    with pytest.raises(FazhiError) as caught:
        new_dispute(handler, tree["a-tw"], name="")
    assert "parties.1.name" in caught.value.fields and not Dispute.objects.exists()
    legal = person("legal_a", "legal", tree["a"])
    with pytest.raises(FazhiError) as caught:
        litigation_services.register_case(
            legal, org=tree["a"], kind="civil", court="法院", disputed_act="x",
            copy_received_on=datetime.date.today(),
            parties=[litigation_services.PartyData("王五"), litigation_services.PartyData("赵六", id_number="1")],
        )  # fmt: skip
    assert set(caught.value.fields) == {"parties.2.id_number"} and not Case.objects.exists()


def test_pages_mask_for_everyone_files_only_for_roles_without_personal_data(tree, person):
    handler = person("med_a", "handler", tree["a-tw"])
    office = person("office_a", "office", tree["a"])
    dispute = new_dispute(handler, tree["a-tw"])
    on_page = {(p.id_number, p.phone) for p in masked_parties(handler, dispute)}
    assert (ID_MASKED, PHONE_MASKED) in on_page
    in_file = {(p.id_number, p.phone) for p in masked_parties(handler, dispute, in_file=True)}
    assert (ID_A, PHONE_A) in in_file
    for_office = {(p.id_number, p.phone) for p in masked_parties(office, dispute, in_file=True)}
    assert (ID_MASKED, PHONE_MASKED) in for_office
    assert export_value(handler, dispute.org, "phone", PHONE_A) == PHONE_A
    assert export_value(office, dispute.org, "phone", PHONE_A) == PHONE_MASKED
    assert export_value(office, dispute.org, "phone", "") == ""


def test_masking_leaves_the_records_own_parties_untouched(tree, person):
    handler = person("med_a", "handler", tree["a-tw"])
    new_dispute(handler, tree["a-tw"])
    dispute = Dispute.objects.prefetch_related("parties").get()
    masked_parties(handler, dispute)
    assert ID_A in {p.id_number for p in dispute.parties.all()}
    assert Party.objects.filter(id_number_digest__isnull=False).count() == 1


def test_another_streets_handler_gets_masked_values_in_a_file(tree, person):
    dispute = new_dispute(person("med_a", "handler", tree["a-tw"]), tree["a-tw"])
    stranger = person("med_b", "handler", tree["b-tw"])
    assert export_value(stranger, dispute.org, "id_number", ID_A) == ID_MASKED
