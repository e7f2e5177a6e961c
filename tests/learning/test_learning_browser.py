"""The 法治办 in the browser: a study session with its attendance, then a 普法 event with two material lines
in different units (份 and 只, kept apart), and the figures say so."""

import pytest

from fazhi.learning.models import PufaEvent, StudySession
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def figure(page, code) -> float:
    rows = page.request.get(f"/api/figures/?org=a&codes={code}").json()
    return rows[0]["value"]


def test_record_a_study_session_and_a_pufa_event_with_two_material_lines(browser_page, tree, person):
    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    login(page, "fzb")

    page.goto("/learning/sessions/new/")
    page.select_option("select[name=org]", label="甲街道（街道）")
    page.select_option("select[name=kind]", label="党工委会议会前学法")
    page.fill("input[name=title]", "会前学法：行政复议法")
    page.fill("textarea[name=topics]", "中华人民共和国行政复议法\n行政复议法实施条例")
    page.select_option("select[name=audience]", label="领导班子")
    page.fill("input[name=attendance]", "15")
    page.check("input[name=hosted_by_head]")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已登记")
    session = StudySession.objects.get()
    assert (session.attendance, session.topic_count, session.hosted_by_head) == (15, 2, True)
    assert "会前学法：行政复议法" in page.locator("h1").inner_text()

    page.goto("/learning/events/new/")
    page.select_option("select[name=kind]", label="主题宣传月（民法典宣传月等）")
    page.fill("input[name=title]", "民法典宣传月集中宣传")
    page.fill("input[name=people_reached]", "800")
    page.fill("input[name=consultations]", "300")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已登记")
    for kind, unit, quantity in (("宣传折页", "份", "3000"), ("法治宣传袋", "只", "6000")):
        page.click("a.btn:has-text('登记宣传资料')")
        page.select_option("select[name=kind]", label=kind)
        page.select_option("select[name=unit]", label=unit)
        page.fill("input[name=quantity]", quantity)
        page.click("button:has-text('保存')")
        page.wait_for_selector("text=登记宣传资料已保存")
    table = page.locator("#materials").inner_text()
    assert "宣传折页\t3000\t份" in table and "法治宣传袋\t6000\t只" in table
    assert sorted(PufaEvent.objects.get().materials.values_list("unit", "quantity")) == [
        ("份", 3000),
        ("只", 6000),
    ]
    assert figure(page, "pufa.materials.fen") == 3000 and figure(page, "pufa.materials.zhi") == 6000
    assert figure(page, "training.mediators") in (0, None) and figure(page, "study.law_sessions") == 1


def test_record_a_community_adviser_through_the_form_and_find_it_in_the_list(browser_page, tree, person):
    from fazhi.learning.models import AdviserAssignment

    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    login(page, "fzb")

    page.goto("/learning/advisers/new/")
    page.select_option("select[name=org]", label="甲街道一社区（社区）")
    page.fill("input[name=lawyer]", "陈志明")
    page.fill("input[name=law_firm]", "广东宝城律师事务所")
    page.fill("input[name=phone]", "13802550001")
    page.fill("input[name=term_start]", "2026-01-01")
    page.fill("input[name=term_end]", "2027-12-31")
    page.fill("input[name=rota]", "每周二上午在社区值班")
    page.fill("input[name=duties_per_month]", "4")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已登记")
    adviser = AdviserAssignment.objects.get()
    assert (adviser.org.code, adviser.phone, adviser.duties_per_month) == ("a-sq", "13802550001", 4)
    assert "13802550001" not in page.content()  # the record page shows the phone masked

    page.goto("/learning/advisers/?in_term=1")
    row = page.locator("table tbody tr").first.inner_text()
    assert "陈志明" in row and "甲街道一社区" in row and "*******0001" in row
