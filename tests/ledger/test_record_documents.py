"""The record documents' declarations and their committed default templates (fazhi.ledger.documents)."""

import io

from docx import Document

from fazhi.ledger.document_defaults import build_default
from fazhi.ledger.documents import all_documents, render, sample_context

EXPECTED = {
    "acceptance_notice": "受理通知书",
    "application": "调解申请书",
    "session_record": "调解笔录",
    "agreement": "人民调解协议书",
    "service_receipt": "送达回证",
    "confirmation_application": "司法确认申请书",
    "file_cover": "卷宗封面",
    "opinion_letter": "合法性审查法律意见书",
    "power_of_attorney": "授权委托书",
    "appearance_report": "出庭人员报备",
}


def _text(content: bytes) -> list[str]:
    word = Document(io.BytesIO(content))
    return [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]


def test_every_document_is_declared_once_with_its_title():
    assert {code: d.title for code, d in all_documents().items()} == EXPECTED


def test_the_committed_defaults_are_the_declarations_written_out():
    """A wording changed in a declaration needs `python -m fazhi.ledger.document_defaults` (and a commit)."""
    for code, document in all_documents().items():
        assert _text(document.default_path().read_bytes()) == _text(build_default(document)), code


def test_every_default_fills_with_its_example_values():
    for code, document in all_documents().items():
        text = "\n".join(_text(render(document.default_path().read_bytes(), sample_context(document))))
        assert "{{" not in text and "{%" not in text, code
        assert document.title in text and sample_context(document)["number"] in text, code
