"""Navigation by role (issue 22): a person sees the ledgers they keep, one entry is active, and the 指标看板
offers the person's own units."""

import pytest
from bs4 import BeautifulSoup

from fazhi.orgs.models import Kind
from tests.conftest import make_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def sfs(tree):
    make_org("a-zf", Kind.ENFORCEMENT_TEAM, tree["a"], "甲街道综合执法队", "甲执")
    return make_org("a-sfs", Kind.JUSTICE_OFFICE, tree["a"], "甲街道司法所", "甲司")


def nav(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200, path
    links = BeautifulSoup(response.content, "html.parser").select("nav.worklines a")
    return [a.get_text(strip=True) for a in links], [
        a.get_text(strip=True) for a in links if "active" in a.get("class", [])
    ]


def selector(client):
    page = BeautifulSoup(client.get("/figures/").content, "html.parser")
    return [o.get_text(strip=True) for o in page.select("select[name=org] option")]


def test_a_community_mediator_sees_the_disputes_ledger_not_review_litigation_or_reports(
    client, tree, person, sfs
):
    client.force_login(person("mediator", "handler", tree["a-sq-tw"]))
    labels, active = nav(client)
    assert "纠纷调解" in labels and "指标看板" in labels and active == ["首页"]
    for absent in (
        "合法性审查",
        "复议诉讼",
        "监督事项",
        "行政执法",
        "信访与民意",
        "政府信息公开",
        "年度报告",
        "报告分析",
    ):
        assert absent not in labels
    assert nav(client, "/disputes/")[1] == ["纠纷调解"]
    assert nav(client, "/figures/")[1] == ["指标看板"]
    assert selector(client) == ["甲街道一社区调委会"]


def test_a_justice_office_person_sees_review_and_litigation_and_their_own_unit_in_the_figures(
    client, tree, person, sfs
):
    client.force_login(person("sfs", "legal", sfs))
    labels, _ = nav(client)
    assert {"纠纷调解", "合法性审查", "复议诉讼", "指标看板"} <= set(labels)
    for absent in ("行政执法", "信访与民意", "政府信息公开", "年度报告", "报告分析"):
        assert absent not in labels
    assert nav(client, "/legal/")[1] == ["合法性审查"]
    assert selector(client) == ["甲街道司法所"]


def test_a_street_leader_sees_every_ledger_and_one_active_entry(client, tree, person, sfs):
    client.force_login(person("leader", "leader", tree["a"]))
    labels, _ = nav(client)
    for present in (
        "纠纷调解",
        "合法性审查",
        "复议诉讼",
        "行政执法",
        "信访与民意",
        "政府信息公开",
        "年度报告",
        "报告分析",
    ):
        assert present in labels
    assert nav(client, "/reports/analysis/")[1] == ["报告分析"]
    assert nav(client, "/reports/")[1] == ["年度报告"]
    assert nav(client, "/")[1] == ["首页"]
    assert selector(client) == ["甲街道", "甲街道一社区"]


def test_an_administrator_sees_no_ledger(rf, tree, person):
    from fazhi.web.context import navigation

    request = rf.get("/")
    request.user = person("sys", "sys_admin", tree["district"])
    assert [item["label"] for item in navigation(request)["nav_items"]] == ["首页", "系统管理", "数据备份"]


def test_each_administrator_is_led_to_his_own_pages_and_no_one_else_is(client, tree, person):
    """The QA pass of 2026-12-02: the 安全管理员 and 审计管理员 had no way from the home page to 系统管理 or
    the 审计日志 (only typing the address)."""
    from fazhi.accounts.testing import login_with_second_factor

    own = {
        "sys_admin": ["系统管理", "数据备份"],
        "sec_admin": ["系统管理"],
        "audit_admin": ["审计日志"],
    }
    admin_pages = {"系统管理", "数据备份", "审计日志"}
    for role, pages in own.items():
        client.logout()
        login_with_second_factor(client, person(role, role, tree["district"]))
        labels, _ = nav(client)
        assert [label for label in labels if label in admin_pages] == pages, role
        home = BeautifulSoup(client.get("/").content, "html.parser")
        # his home is the way to his pages, not an empty 待办 of ledgers he may not read
        assert [a.get_text() for a in home.select("#admin-pages a")] == pages and "我的待办" not in home.text
        response = client.get(home.select_one("#admin-pages a")["href"])
        assert response.status_code == 200, role
    client.logout()
    client.force_login(person("office", "office", tree["a"]))
    assert not admin_pages & set(nav(client)[0])
