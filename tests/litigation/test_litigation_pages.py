import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.litigation.models import AnalysisMeeting, Case
from tests.conftest import TODAY
from tests.litigation.litigation_fixtures import new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def office(tree, person, client):
    user = person("office_a", "office", tree["a"])
    client.force_login(user)
    return user


def test_register_case_in_the_page(client, tree, office):
    page = client.get("/litigation/new/")
    assert page.status_code == 200 and "收到起诉状（申请书）副本日期" in page.content.decode()
    data = {
        "org": tree["a"].pk, "kind": "administrative", "court": "测试区人民法院", "own_role": "defendant",
        "disputed_act": "限期拆除决定", "copy_received_on": "2024-09-20",
        "p-TOTAL_FORMS": "2", "p-INITIAL_FORMS": "0", "p-MIN_NUM_FORMS": "0", "p-MAX_NUM_FORMS": "20",
        "p-0-role": "plaintiff", "p-0-name": "王五", "p-0-id_number": "", "p-0-phone": "13812345678",
        "p-1-role": "third_party", "p-1-name": "", "p-1-id_number": "", "p-1-phone": "",
    }  # fmt: skip
    response = client.post("/litigation/new/", data, follow=True)
    case = Case.objects.get()
    body = response.content.decode()
    assert case.reply_due == datetime.date(2024, 10, 8) and "2024年10月8日" in body
    assert "*******5678" in body and "13812345678" not in body
    assert "国庆节" in body  # the explanation of the due date names the holiday it moved across


def test_refused_input_keeps_the_form_with_chinese_errors(client, tree, office):
    data = {"org": tree["a"].pk, "kind": "civil", "court": "", "own_role": "defendant", "disputed_act": "x",
            "copy_received_on": (TODAY + datetime.timedelta(days=3)).isoformat(),
            "p-TOTAL_FORMS": "0", "p-INITIAL_FORMS": "0", "p-MIN_NUM_FORMS": "0", "p-MAX_NUM_FORMS": "20"}  # fmt: skip
    body = client.post("/litigation/new/", data).content.decode()
    assert "这个字段是必填项" in body or "必填" in body
    data["court"] = "法院"
    body = client.post("/litigation/new/", data).content.decode()
    assert "不能晚于今天" in body and not Case.objects.exists()


def test_action_pages_and_stale_form(client, tree, office):
    case = new_case(office, tree["a"], received_on=TODAY - datetime.timedelta(days=2))
    url = f"/litigation/{case.pk}/"
    assert "登记答辩（答复）" in client.get(url).content.decode()
    r = client.post(f"{url}reply/", {"version": case.version, "replied_on": TODAY.isoformat()})
    assert r.status_code == 302 and Case.objects.get().status == "answered"
    stale = client.post(f"{url}edit/", {"version": case.version, "court": "新法院", "own_role": "defendant",
                                        "disputed_act": "x", "copy_received_on": case.copy_received_on.isoformat()})  # fmt: skip
    assert "保存失败" in stale.content.decode() and Case.objects.get().court == "测试区人民法院"
    scan = SimpleUploadedFile("j.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    r = client.post(
        f"{url}document/",
        {"version": 2, "kind": "judgement", "received_on": TODAY.isoformat(), "upload": scan},
    )
    assert r.status_code == 302
    body = client.get(url).content.decode()
    assert "判决书" in body and "j.pdf" in body
    r = client.post(f"{url}hearing/", {"version": 3, "held_on": TODAY.isoformat(), "head_appeared": "on"})
    assert "请填写出庭人员" in r.content.decode() and not Case.objects.get().hearings.exists()
    assert client.get(f"{url}nothing/").status_code == 404


def test_meetings_pages(client, tree, office):
    case = new_case(office, tree["a"])
    r = client.post("/litigation/meetings/new/", {"org": tree["a"].pk, "held_on": TODAY.isoformat(),
                                                  "attendees": "主任、法律顾问", "conclusions": "积极应诉", "cases": [case.pk]})  # fmt: skip
    assert r.status_code == 302 and AnalysisMeeting.objects.get().cases.get() == case
    assert "积极应诉" in client.get("/litigation/meetings/").content.decode()


def test_overdue_reply_is_on_the_home_board_until_answered(client, tree, office):
    from fazhi.litigation import services

    case = new_case(office, tree["a"], received_on=datetime.date(2024, 9, 20))
    body = client.get("/").content.decode()
    assert case.number in body and f"/litigation/{case.pk}/" in body
    services.record_reply(office, case, case.version, replied_on=datetime.date(2024, 10, 9))
    assert case.number not in client.get("/").content.decode()
    assert "逾期" in client.get(f"/litigation/{case.pk}/").content.decode()


def test_appeal_page_links_both_stages(client, tree, office):
    from fazhi.litigation import services

    case = new_case(office, tree["a"], received_on=datetime.date(2024, 3, 4))
    case = services.conclude(
        office, case, case.version, outcome="lost", concluded_on=datetime.date(2024, 5, 6)
    )
    r = client.post(
        f"/litigation/{case.pk}/appeal/",
        {"stage": "appeal", "court": "中院", "copy_received_on": "2024-05-20"},
    )
    second = Case.objects.get(previous=case)
    assert r.status_code == 302 and r.url == f"/litigation/{second.pk}/"
    body = client.get(r.url).content.decode()
    assert case.number in body and "二审（上诉）" in body and "无法定答辩期限" in body
    first = client.get(f"/litigation/{case.pk}/").content.decode()
    assert second.number in first and "登记上诉或再审" not in first


def test_the_case_page_shows_the_appeal_period_once_a_judgment_is_served(client, tree, office):
    from fazhi.litigation import services

    case = new_case(office, tree["a"], kind="civil", received_on=datetime.date(2024, 9, 2))
    assert "上诉期限" not in client.get(f"/litigation/{case.pk}/").content.decode()
    services.add_document(
        office, case, case.version, kind="judgement", received_on=datetime.date(2024, 9, 27)
    )
    html = client.get(f"/litigation/{case.pk}/").content.decode()
    assert "2024年10月12日（一审判决书送达之日起15日，《中华人民共和国民事诉讼法》第一百七十一条" in html
    assert "已届满" in html


def test_the_lists_show_due_dates_exact_and_provisional(client, tree, office):
    """The lists include the due-date cell without a style (short 「暂定」 flag): it must render, with the
    flag only on a date counted through a year without a holiday notice."""
    from tests.conftest import clock_at

    exact = new_case(office, tree["a"], received_on=TODAY - datetime.timedelta(days=3))
    for url, record in (("/litigation/", exact), (f"/litigation/{exact.pk}/", exact)):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert record.number in html and "暂定" not in html

    with clock_at(datetime.date(2026, 12, 24)):
        late = new_case(office, tree["a"], received_on=datetime.date(2026, 12, 24))
        client.force_login(office)  # the July session has long expired
        html = client.get("/litigation/").content.decode()
    assert late.provisional and late.number in html
    assert 'class="flag provisional" title="2027年节假日安排尚未录入">暂定</span>' in html
