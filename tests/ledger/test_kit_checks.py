"""`fazhi check` refuses a ledger that forgets a part: the test ledger (tests/kit_ledger) with one part
taken out of its registration or its model fails the start-up checks with that part's fazhi.E0xx id."""

import dataclasses

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from fazhi.figures.models import ManualValue
from fazhi.ledger import registry
from fazhi.ledger.models import LedgerRecord, NumberSequence
from tests.kit_ledger.ledger import LEDGER
from tests.kit_ledger.models import Notice

pytestmark = pytest.mark.django_db  # Django's own model checks ask the database what it supports


def fazhi_check_errors(monkeypatch, **changes) -> str:
    """What `fazhi check` says when the test ledger's registration is changed by ``changes``."""
    monkeypatch.setitem(registry._LEDGERS, LEDGER.namespace, dataclasses.replace(LEDGER, **changes))
    with pytest.raises(SystemCheckError) as failure:
        call_command("check")
    return str(failure.value)


def model_like(**attributes):
    """A stand-in for the ledger's model with some of its declaration changed."""
    return type("Notice", (), {"NUMBER_KIND": Notice.NUMBER_KIND, "STATES": Notice.STATES} | attributes)


def test_the_complete_test_ledger_passes():
    call_command("check")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"models": ()}, "fazhi.E001"),
        ({"models": (model_like(STATES=None),)}, "fazhi.E002"),
        ({"models": (model_like(NUMBER_KIND=""),)}, "fazhi.E003"),
        ({"models": (model_like(NUMBER_KIND="调"),)}, "fazhi.E004"),  # the disputes ledger's
        ({"pages": ()}, "fazhi.E005"),
        ({"urls": "fazhi.litigation.urls"}, "fazhi.E005"),  # another ledger's urls: app_name is not "kit"
        ({"label": ""}, "fazhi.E006"),
        ({"api": ""}, "fazhi.E007"),
        ({"api": "tests.kit_ledger.no_such_api"}, "fazhi.E007"),
        ({"excel": ()}, "fazhi.E008"),
        ({"demo": None}, "fazhi.E009"),
        ({"generator": ""}, "fazhi.E010"),
        ({"generator": "tests.kit_ledger.demo.no_such_generator"}, "fazhi.E010"),
        ({"holder_kinds": frozenset()}, "fazhi.E011"),
        ({"holder_kinds": frozenset({"ministry"})}, "fazhi.E011"),
        # a ledger's settings model must be watched by the audit trail and have its page on the settings site
        ({"settings_models": (ManualValue,)}, "fazhi.E012"),  # audited by its own admin, not watched
        ({"settings_models": (NumberSequence,)}, "fazhi.E013"),  # no admin page at all
        ({"figures": ""}, "fazhi.E014"),
        ({"figures": "tests.kit_ledger.no_such_figures"}, "fazhi.E014"),
    ],
)
def test_a_missing_part_fails_fazhi_check_with_its_id(monkeypatch, changes, expected):
    message = fazhi_check_errors(monkeypatch, **changes)
    assert expected in message and "（kit）" in message


def test_a_figure_the_report_quotes_but_the_ledger_does_not_declare_fails(monkeypatch):
    from fazhi.reports import drafting

    quoted = drafting.template_codes()
    monkeypatch.setattr(drafting, "template_codes", lambda: {*quoted, "kit.notices", "kit.done_on_time"})
    message = fazhi_check_errors(monkeypatch)  # the registration unchanged
    assert "fazhi.E015" in message and "kit.done_on_time" in message and "kit.notices" not in message


class WithoutHook(LedgerRecord):
    """A deadlined record that never says how its due date is computed (abstract: no table, no app)."""

    NUMBER_KIND = "测"
    STATES = Notice.STATES
    DEADLINE_RULE = Notice.DEADLINE_RULE

    class Meta:
        abstract = True


def test_a_deadlined_model_without_its_deadline_hook_fails(monkeypatch):
    message = fazhi_check_errors(monkeypatch, models=(WithoutHook,))
    assert "fazhi.E016" in message and "refresh_deadlines" in message


def test_typed_dates_need_no_hook(monkeypatch):
    monkeypatch.setattr(WithoutHook, "COMPUTED_DATES", ())  # e.g. a certificate's expiry, typed from it
    message = fazhi_check_errors(monkeypatch, models=(WithoutHook,))
    assert "fazhi.E016" not in message


def test_a_deadline_rule_outside_the_rules_table_fails(monkeypatch):
    monkeypatch.setattr(Notice, "DEADLINE_RULE", "kit.no_such_rule")
    message = fazhi_check_errors(monkeypatch)
    assert "fazhi.E016" in message and "kit.no_such_rule" in message


def test_a_model_without_an_api_route_fails(monkeypatch):
    message = fazhi_check_errors(monkeypatch, models=(Notice, model_like(NUMBER_KIND="测")))
    assert "fazhi.E017" in message and "model Notice has no API viewset" in message
