"""python -m bench: which words are benchmark names and which are the options' values."""

import importlib

split = importlib.import_module("bench.__main__").split
STEMS = ["bench_dashboard", "bench_figures_vs_sql", "bench_disputes_import"]


def test_a_value_after_an_option_is_passed_on_with_it():
    assert split(["dashboard", "--repeat", "9"], STEMS) == (["dashboard"], ["--repeat", "9"])
    assert split(["--repeat=9", "figures"], STEMS) == (["figures"], ["--repeat=9"])


def test_a_benchmark_named_after_a_flag_is_still_a_name():
    assert split(["--quick", "dashboard", "figures_vs_sql"], STEMS) == (
        ["dashboard", "figures_vs_sql"],
        ["--quick"],
    )
