"""requirements.lock (what `make bundle` installs offline) pins every production dependency of pyproject.toml
with its files' hashes: a dependency added without `make lock` fails here, not on an intranet machine."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, list[str]]:
    """Locked name → its hashes."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line):
            current = normalized(match[1])
            entries[current] = []
        elif current and (match := re.search(r"--hash=sha256:([0-9a-f]{64})", line)):
            entries[current].append(match[1])
    return entries


def test_every_dependency_is_locked_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {normalized(re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}
    entries = locked()
    assert wanted - set(entries) == set(), "run `make lock` after changing pyproject.toml's dependencies"
    assert all(entries.values()), [name for name, hashes in entries.items() if not hashes]


def test_the_lock_names_no_index_of_this_machine():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert "--extra-index-url" not in text and "--find-links" not in text and "--index-url" not in text
