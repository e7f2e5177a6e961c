"""In-app notifications: who hears of a dispatch, a return and an assignment; the daily reminders (once per
person, record, kind and day); the list, the header count, marking read; the home page's 待办 by role."""

import datetime

import pytest

from fazhi.disputes import services as disputes
from fazhi.disputes.models import DISPATCHED, MEDIATING
from fazhi.notices import services
from fazhi.notices.models import Kind, Notification
from fazhi.notices.tasks import sweep
from tests.conftest import client_for, clock_at
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def people(tree, person):
    from fazhi.orgs.models import RoleAssignment

    street = person("street", "handler", tree["a"], full_name="街道调解员")  # dispatches across the 街道
    RoleAssignment.objects.create(user=street, org=tree["a-tw"], role="handler")  # and keeps its 调委会's
    return {
        "street": street,
        "community": person("community", "handler", tree["a-sq-tw"], full_name="社区调解员"),
        "neighbour": person("neighbour", "handler", tree["b-sq-tw"]),
        "leader": person("leader", "leader", tree["a"]),
    }


def dispatched(people, tree):
    dispute = new_dispute(people["street"], tree["a-tw"])
    return disputes.dispatch(
        people["street"], dispute, dispute.version, tree["a-sq-tw"], note="请社区先行调解"
    )


def test_a_dispatch_notifies_the_receiving_units_people_only(people, tree):
    dispute = dispatched(people, tree)
    notice = Notification.objects.get()
    assert notice.user == people["community"] and notice.kind == Kind.DISPATCH
    assert dispute.number in notice.title and "甲街道调委会" in notice.title
    assert notice.link == dispute.get_absolute_url() and notice.body == "请社区先行调解"
    assert services.unread_count(people["street"]) == 0 and services.unread_count(people["neighbour"]) == 0


def test_accept_takes_the_dispute_up(people, tree):
    dispute = dispatched(people, tree)
    accepted = disputes.accept(people["community"], dispute, dispute.version)
    assert accepted.status == MEDIATING and accepted.org == tree["a-sq-tw"]


def test_return_hands_it_back_with_the_reason_and_tells_the_sender(people, tree):
    dispute = dispatched(people, tree)
    returned = disputes.return_dispatch(people["community"], dispute, dispute.version, reason="不属本社区")
    assert returned.status == DISPATCHED and returned.org == tree["a-tw"]
    last = returned.dispatches.order_by("-pk").first()
    assert last.returned and last.note == "退回：不属本社区" and last.to_org == tree["a-tw"]
    notice = Notification.objects.get(user=people["street"])
    assert notice.kind == Kind.RETURNED and "退回" in notice.title


def test_a_return_needs_a_reason_and_a_dispatch(people, tree):
    from fazhi.errors import FazhiError

    dispute = dispatched(people, tree)
    with pytest.raises(FazhiError, match="退回理由"):
        disputes.return_dispatch(people["community"], dispute, dispute.version, reason="  ")
    own = new_dispute(people["community"], tree["a-sq-tw"])
    with pytest.raises(FazhiError, match="不是分派来的"):
        disputes.return_dispatch(people["community"], own, own.version, reason="不办")


def test_the_home_page_shows_the_inbox_with_accept_and_return(people, tree, client):
    dispute = dispatched(people, tree)
    client.force_login(people["community"])
    html = client.get("/").content.decode()
    assert 'id="inbox"' in html and dispute.number in html and "张三" in html
    assert f"/disputes/{dispute.pk}/accept/" in html and f"/disputes/{dispute.pk}/return/" in html
    assert 'id="unread-count"' in html
    response = client.post(f"/disputes/{dispute.pk}/accept/", {"version": dispute.version})
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert dispute.status == MEDIATING
    assert 'id="inbox"' not in client.get("/").content.decode()


def test_a_return_from_the_page_goes_back_to_the_home_page(people, tree, client):
    dispute = dispatched(people, tree)
    client.force_login(people["community"])
    response = client.post(
        f"/disputes/{dispute.pk}/return/", {"version": dispute.version, "reason": "不属本社区"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    client.force_login(people["street"])
    html = client.get("/").content.decode()
    assert dispute.number in html and "退回自" in html and "不属本社区" in html


def test_the_list_marks_read_and_nobody_else_can(people, tree, client):
    dispatched(people, tree)
    notice = Notification.objects.get()
    client.force_login(people["neighbour"])
    assert client.post(f"/notices/{notice.pk}/read/").status_code == 404
    client.force_login(people["community"])
    html = client.get("/notices/").content.decode()
    assert notice.title in html and "标为已读" in html
    response = client.post(f"/notices/{notice.pk}/read/", {"open": "1"})
    assert response.status_code == 302 and response["Location"] == notice.link
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert 'id="unread-count"' not in client.get("/notices/").content.decode()


def test_the_sweep_reminds_once_a_day_with_the_days_overdue(people, tree):
    with clock_at(datetime.date(2026, 6, 1)):
        dispute = new_dispute(people["community"], tree["a-sq-tw"], received_on=datetime.date(2026, 6, 1))
    assert dispute.due_date < datetime.date(2026, 7, 15)
    assert sweep() >= 1 and sweep() == 0  # the second run of the day adds nothing
    notice = Notification.objects.get(user=people["community"], kind=Kind.OVERDUE)
    days = (datetime.date(2026, 7, 15) - dispute.due_date).days
    assert notice.title.startswith(f"已超期{days}天") and dispute.number in notice.title
    # the street's people see the community's records too (the one scoping rule), the other 街道's do not
    assert Notification.objects.filter(user=people["street"], kind=Kind.OVERDUE).count() == 1
    assert not Notification.objects.filter(user=people["neighbour"]).exists()
    assert not Notification.objects.filter(user=people["leader"]).exists()  # 督办 on the home page instead
    with clock_at(datetime.date(2026, 7, 16)):
        assert sweep() >= 1  # a new day, a new reminder
    assert Notification.objects.filter(user=people["community"], kind=Kind.OVERDUE).count() == 2


def test_the_home_page_says_how_many_days_overdue_and_leaders_see_supervision_by_unit(people, tree, client):
    with clock_at(datetime.date(2026, 6, 1)):
        dispute = new_dispute(people["community"], tree["a-sq-tw"], received_on=datetime.date(2026, 6, 1))
    days = (datetime.date(2026, 7, 15) - dispute.due_date).days
    client.force_login(people["community"])
    html = client.get("/").content.decode()
    assert f"超期{days}天" in html and "张三" in html and "overdue=1" in html
    assert 'id="supervision"' not in html
    client.force_login(people["leader"])
    html = client.get("/").content.decode()
    assert 'id="supervision"' in html and "甲街道一社区调委会" in html
    assert "overdue=1&amp;org=a-sq-tw" in html


def test_the_api_lists_counts_and_marks_only_ones_own(people, tree):
    dispatched(people, tree)
    notice = Notification.objects.get()
    own, other = client_for(people["community"]), client_for(people["neighbour"])
    assert own.get("/api/notifications/unread-count/").json() == {"unread": 1}
    listed = own.get("/api/notifications/").json()
    assert listed["count"] == 1 and listed["results"][0]["title"] == notice.title
    assert other.get("/api/notifications/").json()["count"] == 0
    assert other.post(f"/api/notifications/{notice.pk}/read/").status_code == 404
    assert other.get(f"/api/notifications/{notice.pk}/").status_code == 404
    response = own.post(f"/api/notifications/{notice.pk}/read/")
    assert response.status_code == 200 and response.json()["read"] is True
    assert own.get("/api/notifications/unread-count/").json() == {"unread": 0}
    assert own.post("/api/notifications/read-all/").json() == {"marked": 0}


def test_assigning_a_legality_review_notifies_the_reviewer(tree, person):
    from fazhi.legal import services as legal
    from fazhi.orgs.models import Kind as OrgKind
    from tests.conftest import make_org

    adviser = make_org("a-gw", OrgKind.LEGAL_ADVISER, tree["a"], "甲街道法律顾问室", "甲顾")
    office = person("office_a", "office", tree["a"])
    lawyer = person("lawyer_a", "legal", adviser)
    colleague = person("lawyer_b", "legal", adviser)
    item = legal.submit(
        office,
        org=tree["a-sq"],
        kind="contract",
        title="物业服务采购合同",
        submitted_on=datetime.date(2026, 7, 15),
        counterparty="某物业服务有限公司",
        amount=50000,
        materials="合同文本",
    )
    legal.assign(office, item, item.version, adviser, lawyer)
    notice = Notification.objects.get()
    assert notice.user == lawyer and notice.kind == Kind.ASSIGNMENT and item.number in notice.title
    assert not Notification.objects.filter(user=colleague).exists()
