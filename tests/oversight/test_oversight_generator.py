"""The data generator writes oversight items of every kind, each with only its own kind's fields, its reply
date from the rules (or the letter), and the parts the pages show: handling units, 面商, measures."""

from io import StringIO

import pytest
from django.core.management import call_command

from fazhi.oversight.models import (
    KIND_FIELDS,
    KIND_REQUIRED,
    KIND_SPECIFIC,
    Contact,
    HandlingUnit,
    Measure,
    Suggestion,
    SuggestionKind,
)
from fazhi.oversight.services import kind_field_problems

pytestmark = pytest.mark.django_db


def test_every_kind_is_generated_with_its_own_fields_and_parts():
    call_command("gen_data", stdout=StringIO(), streets=1, years=1, start_year=2024, scale=0.01)
    items = list(Suggestion.objects.all())
    assert {item.kind for item in items} == set(SuggestionKind.values)
    for item in items:
        assert kind_field_problems(item) == {}, item.number
        for name in set(KIND_SPECIFIC) - set(KIND_FIELDS.get(item.kind, ())):
            field = Suggestion._meta.get_field(name)
            assert getattr(item, name) == field.get_default(), (item.kind, name)
        assert all(getattr(item, name) not in ("", None) for name in KIND_REQUIRED.get(item.kind, ()))
        assert item.reply_due and item.due_date == item.reply_due
        if item.status == "closed":
            assert not item.open_measures and item.closed_on >= item.replied_on
    assert HandlingUnit.objects.filter(item__kind="npc", lead=False).exists()
    assert Contact.objects.exists() or not HandlingUnit.objects.exists()
    audit = Suggestion.objects.get(kind="audit")
    assert Measure.objects.filter(item=audit).count() == audit.findings_count
