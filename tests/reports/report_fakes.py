"""A fake figure set for the report tests: the 五常 2024 dispute figures and a 2023 baseline."""

from decimal import Decimal

from fazhi.figures import registry
from fazhi.figures.registry import Figure

WUCHANG = {
    "disputes.received": {2024: 3218, 2023: 2722},
    "disputes.mediated_success": {2024: 3212, 2023: 2700},
    "disputes.success_rate": {2024: Decimal("99.81"), 2023: Decimal("99.19")},
    "disputes.received.street_committee": {2024: 1298, 2023: 1100},
    "disputes.received.community_committee": {2024: 1876, 2023: 1600},
    "disputes.police_joint": {2024: 689, 2023: 0},
    "disputes.amount_involved": {2024: 18800000, 2023: 15000000},
}
UNITS = {"disputes.success_rate": "%", "disputes.amount_involved": "元"}
LABELS = {
    "disputes.received": "接收矛盾纠纷",
    "disputes.mediated_success": "调解成功",
    "disputes.success_rate": "调解成功率",
    "disputes.received.street_committee": "街道调委会调处",
    "disputes.received.community_committee": "社区调委会调处",
    "disputes.police_joint": "警民联调工作室化解",
    "disputes.amount_involved": "涉案金额",
}


class FakeData:
    """Mutable figures: tests change them to see what follows and what stays frozen."""

    def __init__(self):
        self.numbers = {code: dict(years) for code, years in WUCHANG.items()}
        self.periods = set()  # (start, end) of every period a figure was asked for

    def compute_for(self, code):
        def compute(orgs, start, end):
            self.periods.add((start, end))
            return self.numbers[code].get(start.year)

        return compute


def install_fake_figures(monkeypatch) -> FakeData:
    """An empty registry holding only the fake figures (use from a fixture of the test module)."""
    monkeypatch.setattr(registry, "_REGISTRY", {})
    data = FakeData()
    for code in WUCHANG:
        registry.declare(
            Figure(code=code, label=LABELS[code], unit=UNITS.get(code, "件"), compute=data.compute_for(code))
        )
    return data
