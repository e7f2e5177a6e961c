"""A test whose prerequisite outside the repository is missing (a seed report, chromium) skips on a
developer's machine but fails in CI, so that a green CI run has run every test."""

import pytest
from _pytest.outcomes import Failed, Skipped

from tests.conftest import seed_path


def test_a_missing_seed_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "1")
    with pytest.raises(Failed, match="未找到种子报告"):
        seed_path("no-such-report.txt")


def test_a_missing_seed_skips_elsewhere(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(Skipped, match="FAZHI_SEEDS_DIR"):
        seed_path("no-such-report.txt")


def test_the_seeds_are_found_here():
    assert seed_path("004_8030a51ea79497b7.txt").stat().st_size > 0
