"""Every registration page of every ledger speaks Chinese: no "- Select an option -" or "---------" in a
select, and the messages of a refused form (a required field left empty, an impossible date) are Chinese.

The pages are found from the URL resolver (every ".../new/" page), so a ledger added later is walked too."""

import re

import pytest
from bs4 import BeautifulSoup

from fazhi.api.routes import all_web_paths
from fazhi.orgs.models import Kind, RoleAssignment
from tests.conftest import make_org

pytestmark = pytest.mark.django_db

NEW_PAGES = sorted(
    path
    for path, _ in all_web_paths()
    if path.endswith("/new/") and not path.startswith(("/admin/", "/api/"))
)
# Two English words in a row in what a person reads ("Select an option", "This field is required", "Enter a
# valid date"); product names such as "Word" or "Excel" stand alone.
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})+\b")
# What a person reads that is not English prose: file types and the like.
ALLOWED = {"Word PDF"}


def english_on(html: bytes) -> list[str]:
    page = BeautifulSoup(html, "html.parser")
    for hidden in page(["script", "style", "head"]):
        hidden.decompose()
    texts = [page.get_text(" ")]
    texts += [
        el.get(attr, "")
        for attr in ("placeholder", "title", "aria-label")
        for el in page.find_all(attrs={attr: True})
    ]
    found = [match for text in texts for match in ENGLISH.findall(text) if match not in ALLOWED]
    if "---------" in page.get_text(" "):
        found.append("---------")
    return found


@pytest.fixture
def everyone(tree, person, client):
    """One person holding every writing role at the units of 甲街道, so that every registration form offers
    its units (the selects are drawn with their empty choice)."""
    street = tree["a"]
    sfs = make_org("a-sfs", Kind.JUSTICE_OFFICE, street, "甲街道司法所", "甲司")
    team = make_org("a-zf", Kind.ENFORCEMENT_TEAM, street, "甲街道综合执法队", "甲执")
    user = person("all-roles", "office", street)
    for role, org in (
        ("handler", tree["a-tw"]),
        ("handler", tree["a-sq-tw"]),
        ("legal", sfs),
        ("enforcement", team),
    ):
        RoleAssignment.objects.create(user=user, role=role, org=org)
    RoleAssignment.objects.create(user=user, role="petition", org=street)
    client.force_login(user)
    return client


def test_the_walk_finds_every_ledger_registration_page():
    assert {
        "/disputes/new/",
        "/legal/new/",
        "/litigation/new/",
        "/petitions/new/",
        "/enforcement/new/",
    } <= set(NEW_PAGES)


@pytest.mark.parametrize("path", NEW_PAGES)
def test_a_registration_page_and_its_refusal_are_chinese(everyone, path):
    response = everyone.get(path)
    assert response.status_code == 200, path
    assert not english_on(response.content), f"{path}：{english_on(response.content)}"

    page = BeautifulSoup(response.content, "html.parser")
    # Every date field shows the format it takes.
    for date in page.find_all("input", type="date"):
        assert date.get("placeholder") == "例：2024-03-05", f"{path}：{date}"
    form = next(
        f
        for f in page.find_all("form")
        if f.get("method", "").lower() == "post" and "logout" not in f.get("action", "")
    )
    # Every date typed impossibly, every other field left empty: the page answers with its messages.
    data = {
        el["name"]: "2024-02-30"
        for el in form.find_all("input")
        if el.get("name") and el.get("type") == "date"
    }
    data |= {el["name"]: "2024-02-30" for el in form.find_all("input") if "date" in el.get("class", [])}
    response = everyone.post(path, data)
    assert response.status_code in (200, 400), path
    assert not english_on(response.content), f"{path}（提交后）：{english_on(response.content)}"


def test_the_empty_choice_of_any_select_is_chinese():
    """Django 6.1 labels the empty choice "- Select an option -" (model fields with choices, foreign keys,
    ModelChoiceField) and its Chinese catalogue lacks it: fazhi/locale carries the translation."""
    from django import forms
    from django.db import models
    from django.utils import translation

    from fazhi.orgs.models import Organisation

    with translation.override("zh-hans"):
        choice = models.CharField(choices=[("a", "甲")], blank=True).formfield()
        unit = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False)
        labels = [str(choice.choices[0][1]), str(unit.empty_label)]
        assert labels == ["—— 请选择 ——", "—— 请选择 ——"]
        assert "Select" not in choice.widget.render("x", "") and "---" not in forms.Select().render("x", "")
