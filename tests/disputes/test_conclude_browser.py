"""The 办结 form shows the fields of the outcome chosen: an agreement for 调解成功, a referral for 调解不成."""

import pytest

from fazhi.disputes import services
from fazhi.disputes.models import Dispute
from tests.conftest import TODAY, login
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_the_outcome_shows_its_own_fields(browser_page, tree, person):
    page = browser_page
    mediator = person("tj", "handler", tree["a-tw"], full_name="王调解")
    d = new_dispute(mediator, tree["a-tw"], received_on=TODAY)
    services.add_session(
        mediator, d, d.version, held_on=TODAY, place="调解室", mediators="王调解", notes="协商"
    )
    login(page, "tj")
    page.goto(f"/disputes/{d.pk}/conclude/")
    agreement, referral = (
        page.locator("textarea[name=agreement_text]"),
        page.locator("select[name=referred_to]"),
    )
    assert agreement.is_visible() and not referral.is_visible()  # 调解成功 is chosen first
    page.check("input[name=outcome][value=failure]")
    assert referral.is_visible() and not agreement.is_visible()
    assert not page.locator("input[name=amount_recovered]").is_visible()
    assert page.locator("input[name=concluded_on]").is_visible()  # both outcomes have their date
    page.select_option("select[name=referred_to]", label="引导诉讼")
    page.fill("textarea[name=reason]", "双方分歧过大")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已保存")
    d = Dispute.objects.get(pk=d.pk)
    assert d.status == "failed" and d.referred_to == "litigation" and d.close_reason == "双方分歧过大"
    assert "引导诉讼" in page.locator("#outcome").inner_text()
