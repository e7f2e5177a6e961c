import io

from fazhi.demo.tree import build_orgs, build_people
from fazhi.figures import registry
from fazhi.figures.demo import load_demo
from fazhi.figures.models import ManualValue
from fazhi.figures.values import values


def test_demo_enters_the_wuchang_hand_figures_and_the_2023_baseline(db):
    received = registry.Figure("test.received", "接收矛盾纠纷", "件", compute=lambda orgs, s, e: 0)
    registry.declare(received)
    try:
        orgs = build_orgs()
        users = build_people(orgs)
        load_demo(orgs, users, io.StringIO())
        found = values(orgs["wuchang"], ["manual.legal_lectures", "manual.mediator_training"], 2024)
        assert found["manual.legal_lectures"].value == 42
        assert found["manual.mediator_training"].value == 250
        code = registry.code_for_phrase("接收矛盾纠纷")
        baseline = ManualValue.objects.get(figure__code=code, org=orgs["wuchang"], year=2023)
        assert baseline.baseline and baseline.value == 2722
    finally:
        registry._REGISTRY.pop("test.received", None)
