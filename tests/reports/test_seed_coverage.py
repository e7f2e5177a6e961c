"""Issue 18's measure on the demo: the drafted report of each demo office states the published report's
figures (fazhi.reports.seed_coverage). Each share is pinned as a floor at what the demo reaches today,
so that a change to the templates or the demo rows that loses a figure fails here; raise a floor when
the demo improves (the target is 90%)."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from fazhi import demo as demo_loaders
from fazhi.demo.tree import build_orgs, build_people
from fazhi.reports.seed_coverage import compare
from tests.conftest import seed_path

pytestmark = pytest.mark.django_db

WUCHANG_2024 = "004_8030a51ea79497b7.txt"
# Measured 2026-11-30: 28 of 46 figures. What is missing: the litigation documents sentence (41/4/6/3/1/43
# 份, recorded but not drafted), 44万/40万/10万/20万 of mediation funding, 调解成功率's change in points,
# 数十起/1000余人次, 近2000人, the count of 驿站 (两个/四个) and the 驿站's 2000余份.
WUCHANG_FLOOR = 28 / 46


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Every demo loader, once for the module, inside a transaction rolled back at the end: the report
    drafts from every ledger, and the demo load is the expensive part."""
    with django_db_blocker.unblock(), transaction.atomic():
        orgs = build_orgs()
        users = build_people(orgs)
        for load in demo_loaders.loaders():
            load(orgs, users, io.StringIO())
        yield orgs, users
        transaction.set_rollback(True)


def coverage(tmp_path, org_code, year, seed):
    output = tmp_path / f"{org_code}-{year}.txt"
    call_command("annual_report", org_code, str(year), output=str(output), stdout=io.StringIO())
    return compare(seed_path(seed).read_text(encoding="utf-8"), output.read_text(encoding="utf-8"))


def test_wuchangs_draft_states_the_published_figures_at_least_as_well_as_measured(demo, tmp_path):
    found = coverage(tmp_path, "wuchang", 2024, WUCHANG_2024)
    assert found.share >= WUCHANG_FLOOR, [figure.text for figure in found.missing]
    assert {"3218件", "3212件", "72起"} <= {figure.text for figure in found.stated}


def test_the_command_prints_the_share_and_each_missing_figure_with_its_sentence(demo):
    out = io.StringIO()
    call_command("seed_coverage", "wuchang", "2024", str(seed_path(WUCHANG_2024)), stdout=out)
    printed = out.getvalue()
    assert "写出已发布报告数字" in printed and "%" in printed
    assert "44万（" in printed and "调解服务资金保障44万的基础上" in printed
