"""A NUL character anywhere in a request is refused with a Chinese 400, never a database error."""

from fazhi.disputes.models import Dispute
from tests.conftest import PASSWORD
from tests.disputes.dispute_fixtures import new_dispute
from tests.ledger.test_attachments import PDF, upload


def message(answer) -> str:
    if answer["Content-Type"].startswith("application/json"):
        return answer.json()["error"]["message"]
    return answer.content.decode()


def signed_in(client, tree, person):
    person("m", "handler", tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    return client


def test_api_json_with_nul_in_a_lookup_field_is_a_400_in_the_error_format(client, tree, person):
    signed_in(client, tree, person)
    answer = client.post(
        "/api/disputes/",
        {"org": "a-tw\x00", "summary": "邻里噪声", "received_on": "2024-03-01", "parties": []},
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid"
    assert "空字符" in answer.json()["error"]["message"]
    assert not Dispute.objects.exists()


def test_a_filter_with_nul_is_a_400_on_the_api_and_on_the_page(client, tree, person):
    signed_in(client, tree, person)
    assert client.get("/api/disputes/", {"org": "a\x00"}).status_code == 400
    page = client.get("/disputes/", {"q": "张\x00三"})
    assert page.status_code == 400
    assert "空字符" in page.content.decode()


def test_a_form_post_with_nul_is_refused_and_nothing_is_written(client, tree, person):
    signed_in(client, tree, person)
    page = client.post("/disputes/new/", {"summary": "噪声\x00", "org": tree["a-tw"].pk})
    assert page.status_code == 400
    assert "空字符" in page.content.decode()
    assert not Dispute.objects.exists()


def test_a_file_whose_bytes_contain_nul_is_still_uploaded(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    page = upload(client, dispute, "扫描件.pdf", PDF + b"\x00\x01\x02binary")
    assert "已上传附件：扫描件.pdf" in page.content.decode()


def test_numbers_no_database_key_can_hold_are_ignored_not_a_500(client, tree, person):
    signed_in(client, tree, person)
    for value in ("99999999999999999999", "²", "１"):
        assert client.get("/disputes/", {"type": value}).status_code == 200
        assert client.get("/api/disputes/", {"type": value}).status_code == 200


def test_nul_in_the_url_path_is_a_400(client, tree, person):
    signed_in(client, tree, person)
    for path in ("/disputes/%00/", "/api/disputes/%00/", "/disputes/1%00/"):
        answer = client.get(path)
        assert answer.status_code == 400, path
        assert "空字符" in message(answer)


def test_nul_in_a_put_or_patch_form_body_is_a_400_and_nothing_changes(client, tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    dispute = new_dispute(mediator, tree["a-tw"])
    client.login(username="m", password=PASSWORD)
    for method in (client.put, client.patch):
        answer = method(
            f"/api/disputes/{dispute.pk}/",
            "summary=%E5%99%AA%00%E5%A3%B0&version=1",
            content_type="application/x-www-form-urlencoded",
        )
        assert answer.status_code == 400
        assert "空字符" in message(answer)
    dispute.refresh_from_db()
    assert "\x00" not in dispute.summary
