import pytest

from fazhi.learning.models import PufaEvent, StudySession
from tests.conftest import TODAY as DAY
from tests.learning.learning_fixtures import new_event, new_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
TODAY = DAY.isoformat()


def test_register_a_session_see_it_listed_and_edit_it(client, office, units):
    client.force_login(office)
    form = client.get("/learning/sessions/new/")
    assert form.status_code == 200 and "党政主要负责人主持" in form.content.decode()
    data = {"org": units["a"].pk, "held_on": TODAY, "kind": "pre_meeting", "title": "会前学法：民法典",
            "topics": "民法典\n行政复议法\n信息公开条例", "audience": "leaders", "attendance": "14",
            "hosted_by_head": "on"}  # fmt: skip
    response = client.post("/learning/sessions/new/", data)
    session = StudySession.objects.get()
    assert response.status_code == 302 and response.url == f"/learning/sessions/{session.pk}/"
    assert (session.topic_count, session.attendance, session.hosted_by_head) == (3, 14, True)
    detail = client.get(response.url).content.decode()
    assert "会前学法：民法典" in detail and "修改学法培训" in detail
    assert "会前学法：民法典" in client.get("/learning/sessions/?kind=pre_meeting").content.decode()
    assert "会前学法：民法典" not in client.get("/learning/sessions/?kind=training").content.decode()

    edit = f"/learning/sessions/{session.pk}/edit/"
    assert 'value="14"' in client.get(edit).content.decode()
    edited = {k: v for k, v in data.items() if k != "org"} | {"attendance": "16", "version": "1"}
    assert client.post(edit, edited).status_code == 302
    session.refresh_from_db()
    assert (session.attendance, session.version) == (16, 2)
    stale = client.post(edit, edited | {"attendance": "99"}).content.decode()
    assert "已被" in stale and StudySession.objects.get().attendance == 16


def test_form_errors_keep_the_input(client, office, units):
    client.force_login(office)
    body = client.post(
        "/learning/sessions/new/",
        {"org": units["a"].pk, "held_on": "2099-01-01", "kind": "training", "title": "专题培训",
         "audience": "staff", "attendance": "30"},
    ).content.decode()  # fmt: skip
    assert "不能晚于今天" in body and "专题培训" in body and not StudySession.objects.exists()


def test_event_with_two_material_lines(client, office, units):
    client.force_login(office)
    event = new_event(office, units["a"])
    url = f"/learning/events/{event.pk}/material/"
    assert (
        client.post(url, {"version": "1", "kind": "leaflet", "unit": "份", "quantity": "3000"}).status_code
        == 302
    )
    assert (
        client.post(url, {"version": "2", "kind": "bag", "unit": "只", "quantity": "6000"}).status_code == 302
    )
    detail = client.get(f"/learning/events/{event.pk}/").content.decode()
    assert "宣传折页" in detail and "3000" in detail and "法治宣传袋" in detail and "6000" in detail
    assert "宣传折页3000份、法治宣传袋6000只" in client.get("/learning/events/").content.decode()
    assert PufaEvent.objects.get().version == 3


def test_readers_and_other_streets(client, office, units, person):
    session = new_session(office, units["a"])
    client.force_login(person("ld", "leader", units["a"]))
    assert client.get(f"/learning/sessions/{session.pk}/").status_code == 200
    assert "修改学法培训" not in client.get(f"/learning/sessions/{session.pk}/").content.decode()
    assert client.get(f"/learning/sessions/{session.pk}/edit/").status_code == 404
    client.force_login(person("fzb_b", "office", units["b"]))
    assert client.get(f"/learning/sessions/{session.pk}/").status_code == 404
    assert "会前学法：行政复议法" not in client.get("/learning/sessions/").content.decode()
    assert client.get("/learning/").status_code == 200


def test_leadership_act_page_links_the_dispute(client, office, units):
    from tests.disputes.dispute_fixtures import new_dispute

    dispute = new_dispute(office, units["a-tw"])
    client.force_login(office)
    response = client.post(
        "/learning/acts/new/",
        {"org": units["a"].pk, "held_on": TODAY, "kind": "case_contact", "leader": "街道主任",
         "title": "包案化解邻里纠纷", "dispute_number": dispute.number},
    )  # fmt: skip
    assert response.status_code == 302
    detail = client.get(response.url).content.decode()
    assert dispute.number in detail and f"/disputes/{dispute.pk}/" in detail
    wrong = client.post(
        "/learning/acts/new/",
        {"org": units["a"].pk, "held_on": TODAY, "kind": "case_contact", "leader": "主任", "title": "包案",
         "dispute_number": "五常调〔2024〕9999号"},
    ).content.decode()  # fmt: skip
    assert "没有这个纠纷" in wrong and "包案" in wrong
