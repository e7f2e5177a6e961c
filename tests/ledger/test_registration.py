"""One registration per ledger: what it feeds, and the start-up checks that refuse an incomplete one."""

import dataclasses

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from fazhi import demo
from fazhi.disputes.ledger import LEDGER as DISPUTES
from fazhi.figures.models import ManualValue
from fazhi.ledger import registry
from fazhi.ledger.apps import LedgerConfig
from fazhi.ledger.checks import check_ledgers, ledger_errors
from fazhi.web.navigation import HOME, work_lines


def ids(errors) -> list[str]:
    return sorted({error.id for error in errors})


def product_ledgers():
    """The product's ledgers, without the test suite's own (tests/kit_ledger, see test_kit_ledger.py)."""
    return [ledger for ledger in registry.ledgers() if ledger.api.startswith("fazhi.")]


def test_the_ledger_apps_register_themselves_in_order():
    assert [ledger.namespace for ledger in product_ledgers()] == [
        "disputes",
        "legal",
        "enforcement",
        "litigation",
        "oversight",
        "petitions",
        "disclosure",
        "learning",
    ]
    for ledger in registry.ledgers():
        assert isinstance(apps.get_app_config(ledger.namespace), LedgerConfig)


def test_navigation_urls_demo_and_generator_come_from_the_registration():
    lines = work_lines()
    count = len(product_ledgers())
    assert lines[0] == HOME
    assert [(line.label, line.prefix) for line in lines[1 : 1 + count]] == [
        ("纠纷调解", "/disputes/"),
        ("合法性审查", "/legal/"),
        ("行政执法", "/enforcement/"),
        ("复议诉讼", "/litigation/"),
        ("监督事项", "/oversight/"),
        ("信访与民意", "/petitions/"),
        ("政府信息公开", "/disclosure/"),
        ("学法普法", "/learning/"),
    ]
    # after them the test suite's own ledger (tests/kit_ledger), then the pages that span the ledgers
    assert [line.url_name for line in lines[-3:]] == ["figures:dashboard", "reports:list", "reports:analysis"]
    for ledger in registry.ledgers():
        assert reverse(ledger.nav_url) == f"/{ledger.prefix}"
    loaders = demo.loaders()
    assert [loader.__module__ for loader in loaders[:count]] == [
        "fazhi.disputes.demo",
        "fazhi.legal.demo",
        "fazhi.enforcement.demo",
        "fazhi.litigation.demo",
        "fazhi.oversight.demo",
        "fazhi.petitions.demo",
        "fazhi.disclosure.demo",
        "fazhi.learning.demo",
    ]
    assert [ledger.generator for ledger in product_ledgers()] == [
        "fazhi.ops.gen.disputes.generate",
        "fazhi.ops.gen.legal.generate",
        "fazhi.ops.gen.enforcement.generate",
        "fazhi.ops.gen.litigation.generate",
        "fazhi.ops.gen.oversight.generate",
        "fazhi.ops.gen.petitions.generate",
        "fazhi.ops.gen.disclosure.generate",
        "fazhi.ops.gen.learning.generate",
    ]


@pytest.mark.django_db  # Django's own model checks ask the database what it supports
def test_the_real_registry_passes_the_checks():
    assert check_ledgers() == []
    call_command("check")  # raises SystemCheckError on any error


def test_a_copy_of_a_complete_declaration_passes():
    assert ledger_errors(dataclasses.replace(DISPUTES), registered=[]) == []


class NoStates:
    NUMBER_KIND = "测"
    STATES = None


class NoNumber:
    NUMBER_KIND = ""
    STATES = DISPUTES.models[0].STATES


class SameNumberAsDisputes:
    NUMBER_KIND = "调"
    STATES = DISPUTES.models[0].STATES


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"models": ()}, "fazhi.E001"),
        ({"models": (NoStates,)}, "fazhi.E002"),
        ({"models": (NoNumber,)}, "fazhi.E003"),
        ({"pages": ()}, "fazhi.E005"),
        ({"urls": "fazhi.litigation.urls"}, "fazhi.E005"),  # its app_name is not the namespace
        ({"label": ""}, "fazhi.E006"),
        ({"api": ""}, "fazhi.E007"),
        ({"api": "fazhi.disputes.no_such_api"}, "fazhi.E007"),
        ({"excel": ()}, "fazhi.E008"),
        ({"demo": None}, "fazhi.E009"),
        ({"generator": ""}, "fazhi.E010"),
        ({"generator": "fazhi.ops.gen.disputes.no_such_function"}, "fazhi.E010"),
        ({"holder_kinds": frozenset()}, "fazhi.E011"),
        ({"holder_kinds": frozenset({"street", "ministry"})}, "fazhi.E011"),
        ({"unit_kinds": {"assisting": frozenset({"ministry"})}}, "fazhi.E011"),
        ({"figures": ""}, "fazhi.E014"),
        (
            {"figure_prefix": "enforcement"},
            "fazhi.E015",
        ),  # the report quotes enforcement.cases; as if none declared it
    ],
)
def test_each_missing_part_fails_with_its_own_check(changes, expected, monkeypatch):
    _as_if_no_app_declared_enforcement(monkeypatch)
    errors = ledger_errors(dataclasses.replace(DISPUTES, **changes), registered=[])
    stand_ins = "models" in changes  # classes standing in for a model have no API route either (E017)
    assert ids(errors) == sorted({expected, "fazhi.E017"} if stand_ins and changes["models"] else [expected])
    assert errors[0].msg.startswith("台账“") and " / Ledger " in errors[0].msg and errors[0].hint


def test_a_number_kind_another_ledger_uses_fails():
    probe = dataclasses.replace(DISPUTES, models=(SameNumberAsDisputes,))
    assert ids(ledger_errors(probe, registered=registry.ledgers())) == ["fazhi.E004", "fazhi.E017"]


def test_a_settings_list_outside_the_audit_and_the_settings_site_fails():
    # ManualValue is audited by its admin, not watched, and not offered to the system administrator by role
    errors = ledger_errors(dataclasses.replace(DISPUTES, settings_models=(ManualValue,)), registered=[])
    assert ids(errors) == ["fazhi.E012", "fazhi.E013"]
    assert "审计" in errors[0].msg and "系统管理员" in errors[1].msg


def _as_if_no_app_declared_enforcement(monkeypatch):
    from fazhi.figures import registry as figures

    declared = figures.declared_in_code
    monkeypatch.setattr(
        figures, "declared_in_code", lambda code: not code.startswith("enforcement.") and declared(code)
    )


def test_the_figure_check_names_the_missing_codes(monkeypatch):
    _as_if_no_app_declared_enforcement(monkeypatch)
    errors = ledger_errors(dataclasses.replace(DISPUTES, figure_prefix="enforcement"), registered=[])
    assert "enforcement.cases" in errors[0].msg and "enforcement.fines" in errors[0].msg


@pytest.mark.django_db
def test_fazhi_check_fails_on_a_registered_ledger_that_forgets_a_part(monkeypatch):
    probe = dataclasses.replace(DISPUTES, namespace="probe", models=(), demo=None)
    monkeypatch.setitem(registry._LEDGERS, "probe", probe)
    with pytest.raises(SystemCheckError) as failure:
        call_command("check")
    message = str(failure.value)
    assert "fazhi.E001" in message and "fazhi.E009" in message and "演示数据" in message
