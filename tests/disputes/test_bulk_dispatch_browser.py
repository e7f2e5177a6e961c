"""批量分派 in the browser: the 街道's 法治办 ticks three new disputes on the list and hands them to a
community's 调委会 in one go."""

import pytest

from fazhi.disputes.models import Dispute
from tests.conftest import login
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_three_ticked_disputes_are_dispatched_at_once(browser_page, tree, person, tmp_path):
    page = browser_page
    office = person("fzb", "office", tree["a"], full_name="周法治")
    disputes = [new_dispute(office, tree["a-tw"], summary=f"第{i}起纠纷") for i in range(1, 5)]
    login(page, "fzb")
    page.goto("/disputes/")
    for dispute in disputes[:3]:
        page.check(f"input[name=ids][value='{dispute.pk}']")
    page.select_option("select[name=do]", label="批量分派/委派")
    page.click("form.bulk-bar button")
    page.wait_for_selector("h1:has-text('批量分派/委派')")
    assert page.locator("#ticked li").count() == 3
    page.select_option("select[name=to_org]", label="甲街道一社区调委会（社区调委会）")
    page.fill("input[name=note]", "请社区调委会就近调解")
    page.screenshot(path=str(tmp_path / "bulk.png"), full_page=True)
    page.click("button:has-text('保存（3条）')")
    page.wait_for_selector("text=批量分派/委派已保存：3条记录")
    orgs = dict(Dispute.objects.values_list("pk", "org__code"))
    assert [orgs[d.pk] for d in disputes] == ["a-sq-tw", "a-sq-tw", "a-sq-tw", "a-tw"]
