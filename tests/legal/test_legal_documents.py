"""The 合法性审查法律意见书 from its template (A4, GB/T 9704 fonts, the unit's letterhead, the number), per
round and from the detail page's document buttons, Word and PDF, in the audit trail; scope."""

import io
import os
import shutil
from urllib.parse import unquote

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from fazhi.audit.models import Action, AuditEntry
from fazhi.legal import services
from tests.conftest import TODAY
from tests.legal import legal_fixtures as fx
from tests.legal.legal_fixtures import new_contract

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
legal_units, lawyer, office = fx.legal_units, fx.lawyer, fx.office
OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def concluded(tree, office, lawyer, legal_units):
    item = new_contract(office, tree["a-sq"], title="社区保洁服务合同")
    item = services.assign(office, item, item.version, legal_units["a-gw"], lawyer)
    return services.conclude(
        lawyer,
        item,
        item.version,
        opinion="lawful_if_revised",
        opinion_text="第五条违约责任不明确",
        opinion_on=TODAY,
    )


def _text(response) -> tuple:
    assert response.status_code == 200, response.content[:300]
    word = Document(io.BytesIO(response.content))
    return word, "\n".join(p.text for p in word.paragraphs)


def test_the_opinion_letter_is_an_a4_document_from_the_template(client, concluded, lawyer, legal_units):
    client.force_login(lawyer)
    page = client.get(f"/legal/{concluded.pk}/").content.decode()
    url = f"/legal/{concluded.pk}/documents/opinion_letter.docx"
    assert url in page and f"/legal/{concluded.pk}/print/" in page
    response = client.get(url)
    word, text = _text(response)
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert word.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert word.paragraphs[0].text == concluded.org.name and concluded.number in text
    for required in (
        "合法性审查法律意见书",
        "社区保洁服务合同",
        "修改后合法",
        "第五条违约责任不明确",
        legal_units["a-gw"].name,
    ):
        assert required in text
    assert f"合法性审查法律意见书-{concluded.number}.docx" in unquote(response["Content-Disposition"])
    entry = AuditEntry.objects.filter(action=Action.EXPORT, target_id=str(concluded.pk)).latest("seq")
    assert entry.actor == lawyer and entry.changes == {"导出": [None, "合法性审查法律意见书"]}
    # the round's own link: the same template, the round named in the trail
    _word, round_text = _text(client.get(f"/legal/{concluded.pk}/letter/1.docx"))
    assert "第五条违约责任不明确" in round_text
    entry = AuditEntry.objects.filter(action=Action.EXPORT, target_id=str(concluded.pk)).latest("seq")
    assert entry.changes == {"导出": [None, "第1轮法律意见书"]}


def test_the_values_are_the_ones_a_replacement_is_checked_against(concluded, lawyer):
    from fazhi.legal.opinion_letter import SAMPLE, values

    assert set(values(concluded, lawyer)) == set(SAMPLE)


def test_no_letter_before_an_opinion_and_none_for_another_street(client, tree, office, person, concluded):
    pending = new_contract(office, tree["a-sq"])
    client.force_login(office)
    assert client.get(f"/legal/{pending.pk}/documents/opinion_letter.docx").status_code == 404
    assert "opinion_letter.docx" not in client.get(f"/legal/{pending.pk}/").content.decode()
    client.force_login(person("office_b", "office", tree["b"]))
    for suffix in ("documents/opinion_letter.docx", "documents/opinion_letter.pdf", "print/"):
        assert client.get(f"/legal/{concluded.pk}/{suffix}").status_code == 404


@pytest.mark.skipif(OFFICE is None and not os.environ.get("CI"), reason="本机未安装 LibreOffice")
def test_the_opinion_letter_downloads_as_pdf(client, concluded, lawyer):
    client.force_login(lawyer)
    response = client.get(f"/legal/{concluded.pk}/documents/opinion_letter.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert f"合法性审查法律意见书-{concluded.number}.pdf" in unquote(response["Content-Disposition"])
