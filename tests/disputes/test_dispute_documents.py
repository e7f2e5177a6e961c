"""A dispute's documents to print: A4 Word files in the GB/T 9704 layout from the default templates, with the
unit's letterhead, the number and the parties; an office's own template replacing a default (checked,
audited, 恢复默认); the print view; the PDF; scope."""

import io
import os
import shutil
from urllib.parse import unquote

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from fazhi.accounts.testing import login_with_second_factor
from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes import services
from fazhi.ledger.models import DocumentTemplate
from tests.conftest import PASSWORD, TODAY
from tests.disputes.dispute_fixtures import ID_A, PHONE_A, new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TEMPLATES = "/admin/ledger/documenttemplate/"


@pytest.fixture
def mediator(tree, person, client):
    user = person("med_a", "handler", tree["a-tw"], full_name="李调解")
    client.login(username="med_a", password=PASSWORD)
    return user


@pytest.fixture
def dispute(mediator, tree):
    return new_dispute(mediator, tree["a-tw"])


def _concluded(mediator, dispute):
    dispute = services.add_session(
        mediator,
        dispute,
        dispute.version,
        held_on=TODAY,
        place="调解室",
        mediators="李调解",
        notes="面对面协商",
    )
    return services.conclude(
        mediator,
        dispute,
        dispute.version,
        outcome="success",
        concluded_on=TODAY,
        agreement_text="李四赔偿张三800元",
    )


def _word(response):
    assert response.status_code == 200, response.content[:300]
    return Document(io.BytesIO(response.content))


def _text(word) -> str:
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def _fonts(word) -> set[str]:
    """Every font the styles and runs name for Chinese text (w:eastAsia), footers included."""
    names = set()
    for part in (word.styles.element, word.element, *(s.footer._element for s in word.sections)):
        names |= {f.get(qn("w:eastAsia")) for f in part.iter(qn("w:rFonts")) if f.get(qn("w:eastAsia"))}
    return names


def _assert_a4_gbt9704(word):
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert abs(section.top_margin - Mm(37)) < Mm(0.5) and abs(section.left_margin - Mm(28)) < Mm(0.5)
    assert {"仿宋_GB2312", "宋体"} <= _fonts(word)
    normal = word.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    # no Word blue headings: every heading style's colour is unset
    assert all(word.styles[name].font.color.rgb is None for name in ("Heading 1", "Title"))


def test_the_acceptance_notice_is_an_a4_document_with_letterhead_number_and_parties(
    client, mediator, dispute, tree
):
    page = client.get(f"/disputes/{dispute.pk}/").content.decode()
    url = f"/disputes/{dispute.pk}/documents/acceptance_notice.docx"
    assert url in page and "受理通知书" in page
    assert f"/disputes/{dispute.pk}/documents/agreement.docx" not in page  # no agreement before 调解成功
    response = client.get(url)
    word = _word(response)
    _assert_a4_gbt9704(word)
    text = _text(word)
    assert word.paragraphs[0].text == tree["a-tw"].name  # the letterhead: the record's unit
    assert dispute.number in text and "张三" in text and "李四" in text and "受理通知书" in text
    disposition = response["Content-Disposition"]
    assert "filename*=utf-8''" in disposition and f"受理通知书-{dispute.number}.docx" in unquote(disposition)
    entry = AuditEntry.objects.filter(action=Action.EXPORT, target_id=str(dispute.pk)).latest("seq")
    assert entry.actor == mediator and entry.changes == {"导出": [None, "受理通知书"]}


def test_the_agreement_carries_the_law_s_content_and_the_whole_id_for_a_handler(
    client, mediator, dispute, tree
):
    assert client.get(f"/disputes/{dispute.pk}/documents/agreement.docx").status_code == 404
    dispute = _concluded(mediator, dispute)
    assert (
        f"/disputes/{dispute.pk}/documents/agreement.docx"
        in client.get(f"/disputes/{dispute.pk}/").content.decode()
    )
    word = _word(client.get(f"/disputes/{dispute.pk}/documents/agreement.docx"))
    _assert_a4_gbt9704(word)
    text = _text(word)
    assert word.paragraphs[0].text == tree["a-tw"].name and dispute.number in text
    for required in (
        "人民调解协议书",
        "张三",
        "李四",
        "李四赔偿张三800元",
        "履行期限",
        "人民调解员",
        "李调解",
        "印章",
    ):
        assert required in text
    assert ID_A in text and PHONE_A in text  # a handler sees personal data in the unit: the file is whole


def test_every_dispute_document_downloads_for_a_concluded_dispute(client, mediator, dispute):
    dispute = _concluded(mediator, dispute)
    for code, title in (
        ("application", "调解申请书"),
        ("session_record", "调解笔录"),
        ("service_receipt", "送达回证"),
        ("confirmation_application", "司法确认申请书"),
        ("file_cover", "卷宗封面"),
    ):
        text = _text(_word(client.get(f"/disputes/{dispute.pk}/documents/{code}.docx")))
        assert title in text and dispute.number in text and "张三" in text, code
    assert "面对面协商" in _text(_word(client.get(f"/disputes/{dispute.pk}/documents/session_record.docx")))


def test_the_values_are_the_ones_a_replacement_is_checked_against(mediator, dispute):
    from fazhi.disputes.documents import SAMPLE, values

    assert set(values(dispute, mediator)) == set(SAMPLE)


def test_a_person_of_another_street_gets_404(client, dispute, person, tree):
    person("med_b", "handler", tree["b-tw"])
    client.login(username="med_b", password=PASSWORD)
    for suffix in ("documents/acceptance_notice.docx", "documents/acceptance_notice.pdf", "print/"):
        assert client.get(f"/disputes/{dispute.pk}/{suffix}").status_code == 404, suffix
    assert client.get("/disputes/999999/documents/acceptance_notice.docx").status_code == 404
    assert not AuditEntry.objects.filter(action=Action.EXPORT).exists()


def test_an_unknown_document_is_404(client, mediator, dispute):
    assert client.get(f"/disputes/{dispute.pk}/documents/nothing.docx").status_code == 404


def test_the_print_view_prints_the_case_not_the_audit_log(client, mediator, dispute, tree):
    dispute = _concluded(mediator, dispute)
    page = client.get(f"/disputes/{dispute.pk}/").content.decode()
    assert f"/disputes/{dispute.pk}/print/" in page and "操作记录" in page
    printed = client.get(f"/disputes/{dispute.pk}/print/")
    body = printed.content.decode()
    assert printed.status_code == 200
    assert tree["a-tw"].name in body and dispute.number in body and "李四赔偿张三800元" in body
    assert "面对面协商" in body and "张三" in body  # the sessions and the parties
    assert ID_A not in body and ID_A[-4:] in body  # masked as on the page
    assert "操作记录" not in body and 'id="audit-trail"' not in body  # no audit log
    assert "工作条线" not in body and "查看完整信息" not in body and "附件" not in body
    assert "data-print" in body


# --- an office's own template ---------------------------------------------------------------------------


@pytest.fixture
def sys_admin(tree, person):
    return person("sys", "sys_admin", tree["district"])


def _template(*paragraphs: str) -> bytes:
    word = Document()
    for text in paragraphs:
        word.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _upload(client, content: bytes, kind="acceptance_notice", org=""):
    upload = io.BytesIO(content)
    upload.name = "本所受理通知书.docx"
    return client.post(f"{TEMPLATES}add/", {"kind": kind, "org": org, "upload": upload})


def test_an_office_replaces_the_template_and_restores_the_default(client, mediator, dispute, sys_admin, tree):
    admin = client.__class__()
    login_with_second_factor(admin, sys_admin)
    assert admin.get(TEMPLATES).status_code == 200
    form = admin.get(f"{TEMPLATES}add/").content.decode()
    assert "受理通知书" in form and "{{ unit }}" in form
    default = admin.get(f"{TEMPLATES}default/acceptance_notice.docx")
    assert default.status_code == 200 and "受理通知书" in _text(Document(io.BytesIO(default.content)))

    answer = _upload(
        admin, _template("{{ unit }}", "本所自定受理通知 {{ number }}", "当事人：{{ party_names }}")
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    row = DocumentTemplate.objects.get()
    entry = AuditEntry.objects.filter(target_type="ledger.documenttemplate", target_id=str(row.pk)).get()
    assert (
        entry.actor == sys_admin
        and entry.action == Action.CREATE
        and "本所受理通知书.docx" in str(entry.changes)
    )

    text = _text(_word(client.get(f"/disputes/{dispute.pk}/documents/acceptance_notice.docx")))
    assert f"本所自定受理通知 {dispute.number}" in text and "当事人：张三、李四" in text
    assert tree["a-tw"].name in text

    # 恢复默认: the action on the list, in the trail; the default prints again
    answer = admin.post(TEMPLATES, {"action": "restore_default", "_selected_action": [row.pk]})
    assert answer.status_code == 302 and not DocumentTemplate.objects.exists()
    assert AuditEntry.objects.filter(target_type="ledger.documenttemplate", action=Action.DELETE).exists()
    text = _text(_word(client.get(f"/disputes/{dispute.pk}/documents/acceptance_notice.docx")))
    assert "本所自定受理通知" not in text and "本委员会决定予以受理" in text


def test_a_unit_s_template_applies_to_its_records_only(client, mediator, dispute, sys_admin, tree, person):
    admin = client.__class__()
    login_with_second_factor(admin, sys_admin)
    assert _upload(admin, _template("甲街道模板 {{ number }}"), org=tree["a"].pk).status_code == 302
    assert _upload(admin, _template("全区模板 {{ number }}")).status_code == 302
    assert "甲街道模板" in _text(
        _word(client.get(f"/disputes/{dispute.pk}/documents/acceptance_notice.docx"))
    )
    other = person("med_b", "handler", tree["b-tw"])
    theirs = new_dispute(other, tree["b-tw"])
    client.login(username="med_b", password=PASSWORD)
    assert "全区模板" in _text(_word(client.get(f"/disputes/{theirs.pk}/documents/acceptance_notice.docx")))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a word file", "不是 Word 文档"),
        (b"PK\x03\x04broken", "不是有效的 Word 文档"),
        (_template("{{ no_such_value }}"), "没有的占位符"),
        (_template("{% for x in %}"), "占位符写法有误"),
    ],
)
def test_a_broken_template_is_refused_in_chinese(client, sys_admin, content, message):
    login_with_second_factor(client, sys_admin)
    answer = _upload(client, content)
    assert answer.status_code == 200 and message in answer.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_a_template_broken_after_upload_gives_a_chinese_message_not_500(client, mediator, dispute):
    DocumentTemplate.objects.create(kind="acceptance_notice", name="x.docx", content=_template("{{ gone }}"))
    answer = client.get(f"/disputes/{dispute.pk}/documents/acceptance_notice.docx", follow=True)
    assert answer.status_code == 200 and "没有的占位符" in answer.content.decode()
    assert not AuditEntry.objects.filter(action=Action.EXPORT).exists()


def test_a_business_person_cannot_replace_templates(client, mediator):
    assert client.get(TEMPLATES).status_code in (302, 403)


@pytest.mark.skipif(OFFICE is None and not os.environ.get("CI"), reason="本机未安装 LibreOffice")
def test_the_acceptance_notice_downloads_as_pdf(client, mediator, dispute):
    response = client.get(f"/disputes/{dispute.pk}/documents/acceptance_notice.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert f"受理通知书-{dispute.number}.pdf" in unquote(response["Content-Disposition"])
    entry = AuditEntry.objects.filter(action=Action.EXPORT, target_id=str(dispute.pk)).latest("seq")
    assert entry.changes == {"导出": [None, "受理通知书（PDF）"]}
