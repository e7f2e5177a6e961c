"""Fixtures of the enforcement tests: a 综合执法队 in 街道 a, an officer there, two certified officers."""

import pytest

from tests.enforcement.enforcement_fixtures import add_officer, add_team


@pytest.fixture
def team(tree):
    return add_team(tree)


@pytest.fixture
def officer_user(team, person):
    return person("zf_a", "enforcement", team, full_name="孔执法")


@pytest.fixture
def officers(officer_user, team):
    return [
        add_officer(officer_user, team, "沈一", "A0001"),
        add_officer(officer_user, team, "韩二", "A0002"),
    ]
