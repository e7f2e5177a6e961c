"""The kit's forms and serializer field lists made from a model (issue 11: a page's input declared once)."""

from django import forms

from fazhi.disputes.models import Dispute, Party, Session
from fazhi.ledger.api import RECORD_FIELDS, own_fields
from fazhi.ledger.forms import DATE, VersionForm, model_form


def test_a_form_made_from_model_fields_keeps_their_rules():
    form = model_form(
        Dispute,
        "persons_involved",
        "amount_agreed",
        "referred_to",
        "reason:close_reason",
        "concluded_on",
        labels={"reason": "调解不成原因"},
        rows={"reason": 5},
        required=("concluded_on",),
    )
    fields = form.base_fields
    assert issubclass(form, VersionForm) and "version" in fields
    assert fields["persons_involved"].label == "涉及人数" and fields["persons_involved"].required
    assert fields["persons_involved"].min_value == 1 and fields["persons_involved"].initial == 2
    assert fields["amount_agreed"].min_value == 0 and not fields["amount_agreed"].required
    assert fields["amount_agreed"].decimal_places == 2
    assert next(iter(fields["referred_to"].choices)) == ("", "—")  # not Django's dashes
    assert fields["reason"].label == "调解不成原因" and fields["reason"].widget.attrs["rows"] == 5
    assert isinstance(fields["concluded_on"].widget, type(DATE)) and fields["concluded_on"].required
    bound = form({"version": 1, "persons_involved": 0, "amount_agreed": "-1", "concluded_on": ""})
    assert not bound.is_valid()
    assert {"persons_involved", "amount_agreed", "concluded_on"} <= set(bound.errors)


def test_party_rows_take_personal_data_as_one_line():
    fields = model_form(Party, "name", "id_number", "phone", base=forms.Form).base_fields
    assert fields["name"].required and fields["name"].max_length == 100
    for name in ("id_number", "phone"):
        assert isinstance(fields[name].widget, forms.TextInput) and fields[name].max_length == 32
        assert not fields[name].required


def test_own_fields_are_the_models_own_in_order():
    assert own_fields(Session) == [
        "id", "dispute", "held_on", "place", "mediators", "participants", "notes", "recorded_by", "recorded_at"
    ]  # fmt: skip
    names = own_fields(Dispute, exclude=("visit_note",))
    assert not set(names) & {*RECORD_FIELDS, "visit_note", "assisting_units"}
    assert names[:3] == ["channel", "external_number", "received_on"]
