"""A case's 授权委托书 and 出庭人员报备 from their templates: A4, the unit's letterhead, the number, the court
and the hearing; the print view; scope."""

import io

import pytest
from docx import Document
from docx.shared import Mm

from fazhi.audit.models import Action, AuditEntry
from fazhi.litigation import services
from tests.conftest import PASSWORD, TODAY
from tests.litigation.litigation_fixtures import ID_A, new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def office(tree, person, client):
    user = person("office_a", "office", tree["a"])
    client.login(username="office_a", password=PASSWORD)
    return user


def _text(response):
    assert response.status_code == 200, response.content[:300]
    word = Document(io.BytesIO(response.content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    return word, "\n".join([p.text for p in word.paragraphs] + cells)


def test_power_of_attorney_and_appearance_report(client, office, tree):
    case = new_case(office, tree["a"], cause="行政处罚")
    case = services.add_hearing(
        office, case, case.version, held_on=TODAY, head_appeared=True, appeared_by="王副主任"
    )
    page = client.get(f"/litigation/{case.pk}/").content.decode()
    assert "授权委托书" in page and "出庭人员报备" in page
    word, text = _text(client.get(f"/litigation/{case.pk}/documents/power_of_attorney.docx"))
    assert abs(word.sections[0].page_width - Mm(210)) < Mm(0.5)
    assert word.paragraphs[0].text == tree["a"].name and case.number in text
    assert "测试区人民法院" in text and "张三" in text and "行政处罚" in text
    _word, text = _text(client.get(f"/litigation/{case.pk}/documents/appearance_report.docx"))
    assert "王副主任" in text and "是" in text and case.number in text
    assert AuditEntry.objects.filter(action=Action.EXPORT, target_id=str(case.pk)).count() == 2


def test_the_values_are_the_ones_a_replacement_is_checked_against(office, tree):
    from fazhi.litigation.documents import SAMPLE, values

    assert set(values(new_case(office, tree["a"]), office)) == set(SAMPLE)


def test_the_print_view_and_scope(client, office, tree, person):
    case = new_case(office, tree["a"])
    body = client.get(f"/litigation/{case.pk}/print/").content.decode()
    assert case.number in body and "张三" in body and ID_A not in body and "操作记录" not in body
    person("office_b", "office", tree["b"])
    client.login(username="office_b", password=PASSWORD)
    for suffix in ("documents/power_of_attorney.docx", "documents/appearance_report.pdf", "print/"):
        assert client.get(f"/litigation/{case.pk}/{suffix}").status_code == 404
