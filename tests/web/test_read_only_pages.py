"""Pages offer change actions only to people who may make them; read-only people keep the read actions."""

import pytest

from fazhi.disputes import services
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = pytest.mark.usefixtures("pinned_clock")


def actions(page) -> str:
    html = page.content.decode()
    start = html.index('<p class="actions">')
    return html[start : html.index("</p>", start)]


def settled_dispute(mediator, org):
    dispute = new_dispute(mediator, org)
    dispute = services.add_session(
        mediator, dispute, dispute.version, held_on=TODAY, place="调解室",
        mediators="李调解", participants="双方", notes="释法说理",
    )  # fmt: skip
    return services.conclude_success(
        mediator, dispute, dispute.version, concluded_on=TODAY, agreement_text="双方和解"
    )


def test_a_leader_reads_the_dispute_and_its_agreement_but_is_offered_no_change(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = settled_dispute(mediator, tree["a-tw"])
    client.force_login(person("leader_a", "leader", tree["a"]))
    page = client.get(dispute.get_absolute_url())
    offered = actions(page)
    assert f"/disputes/{dispute.pk}/documents/agreement.docx" in page.content.decode()  # a read action
    assert "打印本案" in offered
    assert "修改基本信息" not in offered and "回访" not in offered and "司法确认" not in offered
    assert client.get(f"/disputes/{dispute.pk}/visit/").status_code == 404  # nor by typing the address
    listing = client.get("/disputes/").content.decode()
    assert dispute.number in listing and "登记纠纷" not in listing and "Excel 导入" not in listing


def test_the_mediator_is_offered_the_changes(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = settled_dispute(mediator, tree["a-tw"])
    client.force_login(mediator)
    page = client.get(dispute.get_absolute_url())
    offered = actions(page)
    assert "修改基本信息" in offered and "回访" in offered
    assert f"/disputes/{dispute.pk}/documents/agreement.docx" in page.content.decode()
    assert "登记纠纷" in client.get("/disputes/").content.decode()


def test_the_submitting_unit_sees_its_item_with_the_reviewers_but_no_review_actions(client, tree, person):
    from fazhi.legal import services as legal
    from fazhi.orgs.models import Kind
    from tests.conftest import make_org
    from tests.legal.legal_fixtures import new_contract

    adviser = make_org("a-gw", Kind.LEGAL_ADVISER, tree["a"], "甲街道法律顾问室", "甲顾")
    community = person("sq_a", "handler", tree["a-sq"])
    item = new_contract(community, tree["a-sq"])
    legal.assign(person("office_a", "office", tree["a"]), item, item.version, adviser)
    client.force_login(community)
    offered = actions(client.get(f"/legal/{item.pk}/"))
    assert "出具审查意见" not in offered and "撤回" not in offered and "修改基本信息" not in offered
    assert client.get(f"/legal/{item.pk}/withdraw/").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/disputes/new/", "/disputes/excel/import/", "/enforcement/new/", "/petitions/demands/excel/import/"],
)
def test_a_read_only_person_typing_an_entry_or_import_address_is_told_why_not(client, tree, person, path):
    """The QA pass of 2026-12-02: a 领导 got the whole 登记 form, with no unit to choose, and the import page,
    which took the file and refused it only then."""
    client.force_login(person("leader_a", "leader", tree["a"]))
    page = client.get(path)
    assert page.status_code == 403
    assert "您的角色只能查看台账，不能登记或导入记录" in page.content.decode()
    client.force_login(person("m", "handler", tree["a-tw"]))
    assert client.get(path).status_code == 200  # who writes for a unit gets the page
