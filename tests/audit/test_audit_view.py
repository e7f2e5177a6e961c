from fazhi.accounts.testing import login_with_second_factor
from fazhi.audit.services import record
from tests.conftest import PASSWORD


def test_the_audit_admin_filters_the_trail(client, tree, person):
    auditor = person("auditor", "audit_admin", tree["district"])
    record("update", target_type="disputes.dispute", target_id="7", target_repr="甲街调〔2024〕0007号")
    record("delete", target_type="disputes.dispute", target_id="8", target_repr="甲街调〔2024〕0008号")
    login_with_second_factor(client, auditor)
    page = client.get("/audit/", {"action": "delete"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "甲街调〔2024〕0008号" in html
    assert "甲街调〔2024〕0007号" not in html


def test_a_bad_date_range_is_explained(client, tree, person):
    login_with_second_factor(client, person("auditor", "audit_admin", tree["district"]))
    html = client.get("/audit/", {"start": "2024-05-01", "end": "2024-04-01"}).content.decode()
    assert "起始日期不能晚于截止日期" in html


def test_nobody_else_reads_the_trail(client, tree, person):
    person("office", "office", tree["a"])
    client.login(username="office", password=PASSWORD)
    assert client.get("/audit/").status_code == 403
