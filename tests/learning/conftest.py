"""Fixtures of the learning tests: the test tree with a 驿站 and an 执法队 per 街道, and the 法治办 of 甲街道."""

import pytest

from fazhi.orgs.models import Kind
from tests.conftest import make_org


@pytest.fixture
def units(tree):
    """The test tree plus a 公共法律服务驿站 and an 综合执法队 in each 街道."""
    for code, name in (("a", "甲街道"), ("b", "乙街道")):
        tree[f"{code}-yz"] = make_org(
            f"{code}-yz", Kind.LEGAL_STATION, tree[code], f"{name}驿站", f"{name[0]}驿"
        )
        tree[f"{code}-zf"] = make_org(
            f"{code}-zf", Kind.ENFORCEMENT_TEAM, tree[code], f"{name}执法队", f"{name[0]}执"
        )
    return tree


@pytest.fixture
def office(units, person):
    """The 法治办 of 甲街道: writes every unit of the street."""
    return person("fzb_a", "office", units["a"], full_name="周法治")
