"""The compiled catalogues (.mo, what Django and the `fazhi` command read) say what their .po sources say:
an edit of a .po without `msgfmt -o X.mo X.po` would otherwise change nothing and go unnoticed."""

import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "fazhi" / "locale" / "zh_Hans" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid "(.+)"\nmsgstr "(.*)"$', re.MULTILINE)


def unescape(text: str) -> str:
    return text.replace(r"\n", "\n").replace(r"\"", '"')


@pytest.mark.parametrize("source", sorted(LOCALE.glob("*.po")), ids=lambda path: path.name)
def test_each_catalogue_is_compiled_from_its_source(source):
    compiled = source.with_suffix(".mo")
    assert compiled.exists(), f"{compiled.name} is missing: msgfmt -o {compiled.name} {source.name}"
    with compiled.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)
    entries = ENTRY.findall(source.read_text(encoding="utf-8"))
    assert entries
    for msgid, msgstr in entries:
        assert catalogue.gettext(unescape(msgid)) == unescape(msgstr), msgid
