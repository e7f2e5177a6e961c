"""Fixtures of the petition tests: the test tree with a 信访办 in each 街道, and a 信访 person."""

import pytest

from fazhi.orgs.models import Kind
from tests.conftest import make_org


@pytest.fixture
def xf(tree):
    """Each 街道 gets a 信访办 (内设机构)."""
    for code in ("a", "b"):
        tree[f"{code}-xf"] = make_org(
            f"{code}-xf", Kind.OFFICE, tree[code], f"{tree[code].name}信访办", f"{code}信"
        )
    return tree


@pytest.fixture
def clerk(xf, person):
    """A 信访 person of 街道 a (role at the 街道: also writes its mediation units)."""
    return person("xinfang_a", "petition", xf["a"], full_name="郑信访")
