from decimal import Decimal

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.errors import FazhiError, NotPermitted
from fazhi.figures import registry
from fazhi.figures.compute import UnknownFigure, values
from fazhi.figures.manual import import_baseline, set_value
from fazhi.figures.models import BASELINE_NOTE, ManualFigure, ManualValue
from fazhi.figures.periods import Period


def test_community_counts_in_its_street_and_the_district(tree, events):
    events("a-sq-tw", "2024-03-01", 3)
    events("a-tw", "2024-05-01", 2)
    events("b-sq", "2024-06-01", 4)
    year = Period.year(2024)
    assert values(tree["a-sq"], ["test.events"], year)["test.events"].value == 3
    assert values(tree["a"], ["test.events"], year)["test.events"].value == 5
    assert values(tree["b"], ["test.events"], year)["test.events"].value == 4
    assert values(tree["district"], ["test.events"], year)["test.events"].value == 9


def test_year_on_year_change_and_rate(tree, events):
    events("a-tw", "2023-07-01", 2722)
    events("a-tw", "2024-07-01", 3218)
    value = values(tree["a"], ["test.events"], Period.year(2024))["test.events"]
    assert (value.value, value.previous, value.change, value.rate) == (3218, 2722, 496, Decimal("18.22"))
    assert value.change_text() == "同比上升18.22%"
    half = values(tree["a"], ["test.events"], Period.months(2024, 1, 6))["test.events"]
    assert (half.value, half.previous) == (0, 0)


def test_unknown_code_is_refused(tree):
    with pytest.raises(UnknownFigure, match=r"没有代码为“nope\.x”的指标"):
        values(tree["a"], ["nope.x"], Period.year(2024))


@pytest.fixture
def gov_items(db):
    return ManualFigure.objects.create(code="services.gov_items", label="政务服务办件", unit="件")


def test_hand_entered_figure_is_declared_in_the_registry(gov_items):
    registry.mark_stale()
    fig = registry.get("services.gov_items")
    assert fig.hand_entered and fig.label == "政务服务办件"
    assert registry.code_for_phrase("政务服务办件") == "services.gov_items"
    gov_items.delete()
    with pytest.raises(KeyError):
        registry.get("services.gov_items")


def test_manual_value_is_own_unless_only_children_have_it(tree, person, gov_items):
    office = person("fzb", "office", tree["district"])
    set_value(office, "services.gov_items", tree["a"], 2024, "100")
    set_value(office, "services.gov_items", tree["a-sq"], 2024, "30")  # already inside 甲街道's 100
    set_value(office, "services.gov_items", tree["b-sq"], 2024, "20")
    year = Period.year(2024)
    assert values(tree["a"], ["services.gov_items"], year)["services.gov_items"].value == 100
    assert values(tree["b"], ["services.gov_items"], year)["services.gov_items"].value == 20
    district = values(tree["district"], ["services.gov_items"], year)["services.gov_items"]
    assert district.value == 120 and district.source == "manual"
    # Hand-entered figures are yearly: a half-year has no value.
    assert (
        values(tree["a"], ["services.gov_items"], Period.months(2024, 1, 6))["services.gov_items"].value
        is None
    )


def test_manual_values_are_audited_and_checked(tree, person, gov_items):
    office = person("fzb", "office", tree["a"])
    row = set_value(office, "services.gov_items", tree["a"], 2024, "100", note="政务服务中心台账")
    set_value(office, "services.gov_items", tree["a"], 2024, "120")
    row.refresh_from_db()
    assert row.value == 120 and row.entered_by == office
    entries = AuditEntry.objects.filter(target_type="figures.manualvalue", target_id=str(row.pk))
    assert [e.action for e in entries] == [Action.CREATE, Action.UPDATE]
    assert entries.last().changes["value"] == ["100.0000", "120"]
    with pytest.raises(NotPermitted):
        set_value(office, "services.gov_items", tree["b"], 2024, "5")
    with pytest.raises(FazhiError, match="不是数字"):
        set_value(office, "services.gov_items", tree["a"], 2024, "很多")


def test_baseline_stands_for_a_year_without_ledger_data(tree, person, events):
    office = person("fzb", "office", tree["a"])
    events("a-tw", "2024-03-01", 3218)
    result = import_baseline(office, tree["a"], 2023, {"test.events": 2722})
    assert result == {"stored": ["test.events"], "kept": []}
    row = ManualValue.objects.get(figure__code="test.events", org=tree["a"], year=2023)
    assert row.baseline and row.note == BASELINE_NOTE
    assert ManualFigure.objects.get(code="test.events").kind == ManualFigure.Kind.BASELINE
    value = values(tree["a"], ["test.events"], Period.year(2024))["test.events"]
    assert (value.value, value.previous, value.previous_source) == (3218, 2722, "baseline")
    assert value.change_text() == "同比上升18.22%"
    # Ledger data of the year win over the baseline.
    events("a-tw", "2023-03-01", 5)
    assert values(tree["a"], ["test.events"], Period.year(2023))["test.events"].value == 5
    # The district sees its 街道's baseline when its ledgers are empty for that year.
    assert values(tree["district"], ["test.events"], Period.year(2022))["test.events"].value == 0
    assert AuditEntry.objects.filter(action=Action.IMPORT, org_id=tree["a"].pk).count() == 1


def test_baseline_never_overwrites_a_hand_entered_value(tree, person, gov_items):
    office = person("fzb", "office", tree["a"])
    set_value(office, "services.gov_items", tree["a"], 2023, "90")
    result = import_baseline(office, tree["a"], 2023, {"services.gov_items": 88})
    assert result == {"stored": [], "kept": ["services.gov_items"]}
    assert values(tree["a"], ["services.gov_items"], Period.year(2023))["services.gov_items"].value == 90
    with pytest.raises(FazhiError, match=r"没有代码为“nope\.x”的指标"):
        import_baseline(office, tree["a"], 2023, {"nope.x": 1})


def test_a_percentage_figure_changes_in_points(tree):
    rates = {2023: Decimal("78.36"), 2024: Decimal("99.81")}
    registry.declare(
        registry.Figure("test.rate", "测试成功率", "%", compute=lambda orgs, s, e: rates.get(s.year))
    )
    try:
        value = values(tree["a"], ["test.rate"], 2024)["test.rate"]
        assert value.change_text() == "同比提高21.45个百分点"
        assert value.rate == Decimal("27.37")  # the relative change is still there for who needs it
    finally:
        registry._REGISTRY.pop("test.rate", None)
