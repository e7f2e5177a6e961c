"""The ledger kit's measure (issue 11): per ledger app, the plumbing is at most half of what it was.

Counting rule: every ``.py`` module of the app's package, in subfolders too, except its ``migrations``
and its domain modules — the modules whose stem is one of DOMAIN (models, services, figures, demo, the
generator, importing, bulk, timeline, the documents (documents.py, opinion_letter.py: the wording of what a record prints), reference
lists, columns, filters, admin, apps). In each module a line counts unless it is blank or, stripped, starts
with ``#``; docstrings count. Templates are not modules and do not count. BASELINES are the same count on
the code before the kit (commit 4701cf6's parent, three ledgers each with its own copy of the plumbing):
the issue's 782/618/1,119 are that code's raw line counts, which include blank and comment lines, so a
target of half of them would not compare like with like.
"""

from pathlib import Path

import pytest

import fazhi

DOMAIN = frozenset(
    {
        "models",
        "services",
        "figures",
        "demo",
        "gen",
        "generator",
        "importing",
        "bulk",
        "timeline",
        "agreement",
        "opinion_letter",
        "documents",
        "reference",
        "columns",
        "filters",
        "admin",
        "apps",
    }
)
BASELINES = {"disputes": 636, "legal": 499, "litigation": 902}


def counted_lines(path: Path) -> int:
    return sum(
        1 for line in path.read_text().splitlines() if line.strip() and not line.strip().startswith("#")
    )


def plumbing_modules(app: str) -> list[Path]:
    package = Path(fazhi.__file__).parent / app
    return sorted(
        path
        for path in package.rglob("*.py")
        if "migrations" not in path.relative_to(package).parts and path.stem not in DOMAIN
    )


def plumbing_lines(app: str) -> int:
    return sum(counted_lines(path) for path in plumbing_modules(app))


def test_the_counting_rule():
    names = {path.name for path in plumbing_modules("legal")}
    assert {"views.py", "api.py", "forms.py", "serializers.py", "ledger.py"} <= names
    assert not names & {"models.py", "services.py", "opinion_letter.py", "columns.py", "filters.py"}
    assert not any("migrations" in path.parts for path in plumbing_modules("disputes"))
    assert (
        0
        < plumbing_lines("legal")
        < sum(counted_lines(p) for p in (Path(fazhi.__file__).parent / "legal").rglob("*.py"))
    )


@pytest.mark.parametrize("app", sorted(BASELINES))
def test_a_ledgers_plumbing_is_at_most_half_of_what_it_was(app):
    lines, target = plumbing_lines(app), BASELINES[app] // 2
    modules = ", ".join(f"{p.name} {counted_lines(p)}" for p in plumbing_modules(app))
    assert lines <= target, f"{app}: {lines} 行（目标不超过 {target} 行，原 {BASELINES[app]} 行）：{modules}"
