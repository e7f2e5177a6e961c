import io

from fazhi.demo.tree import build_orgs, build_people
from fazhi.figures import registry
from fazhi.figures.catalogue import STARTER
from fazhi.figures.demo import GUANLAN_HAND_ENTERED, HAND_ENTERED, XIXIANG_HAND_ENTERED, load_demo
from fazhi.figures.models import ManualFigure, ManualValue
from fazhi.figures.values import values


def test_demo_enters_the_wuchang_hand_figures_and_the_2023_baseline(db):
    # A stand-in only when no ledger declares the phrase: two codes with one wording map it to none.
    if registry.code_for_phrase("接收矛盾纠纷") is None:
        registry.declare(registry.Figure("test.received", "接收矛盾纠纷", "件", compute=lambda orgs, s, e: 0))
    try:
        orgs = build_orgs()
        users = build_people(orgs)
        load_demo(orgs, users, io.StringIO())
        found = values(orgs["wuchang"], ["manual.mediation_funding"], 2024)
        assert found["manual.mediation_funding"].value == 44
        funding = values(
            orgs["wuchang"], ["manual.prelitigation_funding", "manual.source_governance_funding"], 2024
        )
        assert [funding[code].value for code in sorted(funding)] == [40, 20]
        code = registry.code_for_phrase("接收矛盾纠纷")
        baseline = ManualValue.objects.get(figure__code=code, org=orgs["wuchang"], year=2023)
        assert baseline.baseline and baseline.value == 2722
    finally:
        registry._REGISTRY.pop("test.received", None)


def test_demo_enters_by_hand_nothing_a_ledger_computes(db):
    """250/42/3000/700 come from the learning ledger now: no hand-entered value stands beside them. 西乡's
    catalogue (政务服务, 营商, 应急, 劳资 …) and 观澜's (应急处突, 招聘会, 联系点 …) hold only what no ledger records:
    none of their wordings names a computed figure."""
    orgs = build_orgs()
    load_demo(orgs, build_people(orgs), io.StringIO())
    hand = set(
        ManualFigure.objects.filter(kind=ManualFigure.Kind.HAND_ENTERED).values_list("code", flat=True)
    )
    wuchang = {"manual.mediation_funding", "manual.prelitigation_funding", "manual.award_subsidy_budget",
               "manual.source_governance_funding"}  # fmt: skip
    entered = {code for code, _ in (*HAND_ENTERED, *XIXIANG_HAND_ENTERED, *GUANLAN_HAND_ENTERED)}
    assert entered == {*wuchang, *(code for code, _ in (*XIXIANG_HAND_ENTERED, *GUANLAN_HAND_ENTERED))}
    assert hand == {row[0] for row in STARTER}  # the demo enters values of the shipped catalogue only
    computed = {f.code for f in registry.all_figures() if not f.hand_entered}
    for _code, label, _, phrases, _ in STARTER:
        assert registry.code_for_phrase(label) not in computed, label
        assert registry.code_for_phrase(phrases) not in computed, phrases
    for phrase in ("调解业务培训", "开展法律讲座", "接受法律咨询", "宣传资料份"):
        assert registry.code_for_phrase(phrase) in computed, phrase


def test_a_fresh_installation_has_the_starter_catalogue_and_keeps_the_offices_edits(db):
    from importlib import import_module

    from django.apps import apps

    from fazhi.figures import catalogue

    # the data migration installs it: every row, each with its theme (run here on an empty catalogue, as a
    # test that flushes the database leaves it for the tests after it)
    ManualFigure.objects.all().delete()
    import_module("fazhi.figures.migrations.0002_starter_catalogue").install(apps, None)
    assert set(ManualFigure.objects.values_list("code", flat=True)) == {row[0] for row in STARTER}
    drills = ManualFigure.objects.get(code="manual.drills")
    assert (drills.label, drills.unit, drills.description) == ("应急演练", "场", "应急管理")
    drills.label = "各类应急演练"  # the 法治办 words it its own way, and removes a row it has no use for
    drills.save()
    ManualFigure.objects.filter(code="manual.ai_cameras").delete()
    assert catalogue.install() == 1  # installing again adds back only what is missing ...
    # ... and overwrites nothing
    assert ManualFigure.objects.get(code="manual.drills").label == "各类应急演练"
    assert catalogue.install() == 0
