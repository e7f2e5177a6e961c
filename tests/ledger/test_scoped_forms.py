"""What a ledger declares once and the kit derives (issue 11): a form's unit choices from the ledger's unit
kinds (ScopedForm), an edit's initial many-to-many values, the API's method for an action named like a
viewset's own method, units shown by their code, and a ledger's URLs from its pages."""

import pytest
from django.urls import reverse
from rest_framework.views import APIView

from fazhi.disputes.api import DisputeViewSet
from fazhi.disputes.forms import DispatchForm, IntakeForm, VisitForm
from fazhi.disputes.views import ACTIONS as DISPUTE_ACTIONS
from fazhi.ledger.pages import current
from fazhi.ledger.registry import ledgers
from fazhi.legal.api import ReviewItemViewSet
from fazhi.legal.forms import AssignForm, SubmitForm
from fazhi.legal.serializers import ReviewItemDetailSerializer
from fazhi.orgs.models import Kind
from tests.conftest import TODAY, make_org
from tests.disputes.dispute_fixtures import new_dispute
from tests.legal.legal_fixtures import new_contract

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def legal_units(tree):
    return {
        "a-gw": make_org("a-gw", Kind.LEGAL_ADVISER, tree["a"], "甲街道法律顾问室", "甲顾"),
        "a-sfs": make_org("a-sfs", Kind.JUSTICE_OFFICE, tree["a"], "甲街道司法所", "甲司"),
    }


def test_a_registration_form_offers_the_holders_proposes_the_preferred_kind_and_starts_today(tree, person):
    street_office = person("office_a", "office", tree["a"])
    form = IntakeForm(user=street_office)
    assert set(form.fields["org"].queryset) == {tree["a-tw"], tree["a-sq-tw"]}  # the mediation units
    assert form.initial["org"] == tree["a-tw"].pk  # no unit of its own there: the 街道调委会
    assert form.initial["received_on"] == TODAY
    assert "assisting_units" not in form.fields  # no 警民联调 or lawyers in its scope: no empty list
    make_org("a-jm", Kind.POLICE_JOINT, tree["a"], "甲街道警民联调室")
    assert [o.code for o in IntakeForm(user=street_office).fields["assisting_units"].queryset] == ["a-jm"]
    committee = person("mediator", "handler", tree["a-sq-tw"])
    assert IntakeForm(user=committee).initial["org"] == tree["a-sq-tw"].pk  # the person's own unit first
    bound = IntakeForm({"org": tree["a-tw"].pk}, user=street_office)
    assert "received_on" not in bound.initial  # a posted form keeps what was typed


def test_an_action_form_offers_the_other_holders_and_a_roles_units(tree, person, legal_units):
    street_office = person("office_a", "office", tree["a"])
    dispute = new_dispute(street_office, tree["a-tw"])
    action = DISPUTE_ACTIONS["dispatch"]
    assert action.form_kwargs(street_office, dispute) == {"user": street_office, "record": dispute}
    offered = set(DispatchForm(user=street_office, record=dispute).fields["to_org"].queryset)
    assert offered == {tree["a-sq-tw"], legal_units["a-gw"], legal_units["a-sfs"]}  # not the one holding it
    item = new_contract(street_office, tree["a-sq"])
    form = AssignForm(user=street_office, record=item)
    assert set(form.fields["reviewer_org"].queryset) == {legal_units["a-gw"], legal_units["a-sfs"]}
    assert set(form.fields["co_reviewers"].queryset) == {legal_units["a-gw"], legal_units["a-sfs"]}
    assert SubmitForm(user=street_office).initial["submitted_on"] == TODAY


def test_an_edit_of_many_to_many_units_starts_from_their_keys(tree, person, legal_units):
    street_office = person("office_a", "office", tree["a"])
    item = new_contract(street_office, tree["a-sq"])
    item.co_reviewers.set([legal_units["a-gw"]])
    item.reviewer_org = legal_units["a-sfs"]
    initial = current("reviewer_org", "co_reviewers")(item, street_office)
    assert initial == {"reviewer_org": legal_units["a-sfs"], "co_reviewers": [legal_units["a-gw"].pk]}


def test_a_choice_the_action_requires_offers_no_empty_choice():
    choices = [code for code, _ in VisitForm.base_fields["satisfaction"].choices]
    assert "" not in choices and "satisfied" in choices
    assert VisitForm.base_fields["satisfaction"].required


def test_an_action_named_like_a_viewset_method_keeps_its_url(tree):
    assert DisputeViewSet.dispatch is APIView.dispatch  # not replaced by the action
    assert DisputeViewSet.dispatch_action.url_path == "dispatch"
    assert reverse("api:dispute-dispatch", args=[1]) == "/api/disputes/1/dispatch/"
    assert ReviewItemViewSet.return_action.url_path == "return"
    assert reverse("api:legal-review-return", args=[1]) == "/api/legal-reviews/1/return/"


def test_units_are_shown_by_their_code_and_people_by_name(tree, person, legal_units):
    street_office = person("office_a", "office", tree["a"])
    lawyer = person("lawyer_a", "legal", legal_units["a-gw"])
    item = new_contract(street_office, tree["a-sq"])
    item.reviewer_org, item.reviewer = legal_units["a-gw"], lawyer
    item.save()
    item.co_reviewers.set([legal_units["a-sfs"]])
    data = ReviewItemDetailSerializer(item).data
    assert data["submitted_by"] == "a-sq" and data["reviewer_org"] == "a-gw"
    assert data["co_reviewers"] == ["a-sfs"] and data["reviewer"] == str(lawyer)


def test_a_ledger_without_a_urls_module_gets_its_pages_urls():
    by_name = {ledger.namespace: ledger for ledger in ledgers()}
    for name in ("disputes", "legal", "kit"):
        assert not by_name[name].urls and by_name[name].pages
    assert (
        reverse("disputes:detail_document_docx", args=[3, "agreement"])
        == "/disputes/3/documents/agreement.docx"
    )
    assert reverse("legal:letter", args=[3, 1]) == "/legal/3/letter/1.docx"
    assert reverse("disputes:excel_export") == "/disputes/excel/export/"
    assert reverse("kit:action", args=[3, "finish"]) == "/kit/3/finish/"
