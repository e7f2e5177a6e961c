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


def test_the_trail_names_fields_values_units_and_failed_sign_ins_in_chinese(client, tree, person):
    """The QA pass of 2026-12-02 read "reviewer_org_id：（空） → 5", "opinion： → lawful", "reason： → password"."""
    from bs4 import BeautifulSoup

    unit = tree["a-tw"]
    record(
        "update",
        target_type="legal.reviewitem",
        target_id="3",
        target_repr="审查事项",
        changes={
            "reviewer_org_id": [None, unit.pk],
            "opinion": ["", "lawful"],
            "status": ["reviewing", "concluded"],
        },
    )
    record(
        "login_failed",
        target_type="accounts.user",
        target_id="9",
        target_repr="someone",
        changes={
            "reason": [None, "password"],
            "is_active": [False, True],
            "起草": [None, {"写入": ["甲", "乙"]}],
        },
    )
    login_with_second_factor(client, person("auditor", "audit_admin", tree["district"]))
    cells = BeautifulSoup(client.get("/audit/").content, "html.parser").select("tbody tr td:nth-of-type(6)")
    text = " ".join(cell.get_text(" ", strip=True) for cell in cells)
    assert f"审查单位：（空） → {unit.name}" in text and "审查意见：（空） → 合法" in text
    assert (
        "原因：（空） → 用户名或密码错误" in text
        and "有效：否 → 是" in text
        and "起草：（空） → 写入：甲、乙" in text
    )
    assert "reviewer_org_id" not in text and "lawful" not in text and "password" not in text
    kinds = " ".join(
        td.get_text(" ", strip=True)
        for td in BeautifulSoup(client.get("/audit/").content, "html.parser").select(
            "tbody tr td:nth-of-type(5)"
        )
    )
    assert "legal.reviewitem" not in kinds and "accounts.user" not in kinds
