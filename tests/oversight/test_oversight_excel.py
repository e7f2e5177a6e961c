import datetime
import io

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.excel import parse
from fazhi.ledger.models import NumberSequence
from fazhi.oversight import services
from fazhi.oversight.columns import SUGGESTION_SHEET
from fazhi.oversight.importing import import_suggestions
from fazhi.oversight.models import Suggestion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


def fields_of(s: Suggestion) -> tuple:
    return (
        s.org.code, s.kind, s.issuer, s.letter_number, s.received_on, s.content, s.letter_reply_due,
        s.reply_due, s.due_date, s.replied_on, s.reply_text, s.status,
    )  # fmt: skip


def make_records(actor, tree):
    judicial = services.receive_suggestion(
        actor, org=tree["a"], kind="judicial", issuer="区法院", letter_number="（2024）司建1号",
        received_on=D(2024, 4, 8), content="规范告知", reply_due=D(2024, 5, 8),
    )  # fmt: skip
    services.reply_suggestion(
        actor, judicial, judicial.version, replied_on=D(2024, 5, 2), reply_text="已整改"
    )
    services.receive_suggestion(
        actor,
        org=tree["a"],
        kind="procuratorate",
        issuer="区检察院",
        received_on=D(2024, 8, 2),
        content="=监管",
    )


def test_round_trip_into_an_empty_database(client, tree, person):
    actor = person("office_a", "office", tree["a"])
    make_records(actor, tree)
    client.force_login(actor)
    response = client.get("/oversight/excel/export/")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=Action.EXPORT, target_type="oversight.suggestion").count() == 1
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "2024-10-08" in [cell.value for cell in sheet[SUGGESTION_SHEET.header_row + 2]]  # the rule's date
    before = sorted(fields_of(s) for s in Suggestion.objects.all())

    Suggestion.objects.all().delete()
    NumberSequence.objects.all().delete()
    upload = io.BytesIO(response.content)
    upload.name = "oversight.xlsx"
    page = client.post("/oversight/excel/import/", {"file": upload})
    assert page.status_code == 302, page.content.decode()[:3000]
    assert sorted(fields_of(s) for s in Suggestion.objects.all()) == before
    assert AuditEntry.objects.filter(action=Action.IMPORT, target_type="oversight.suggestion").count() == 1


def test_import_lists_every_problem_and_writes_nothing(tree, person):
    actor = person("office_a", "office", tree["a"])
    rows = [
        {"_row": 3, "kind": "judicial", "org": "b", "issuer": "区法院", "received_on": D(2024, 4, 8), "content": "x"},
        {"_row": 4, "kind": "judicial", "org": "a", "issuer": "区法院", "received_on": D(2024, 4, 8), "content": "x",
         "replied_on": D(2024, 4, 1), "reply_text": "已整改"},
        {"_row": 5, "kind": "procuratorate", "org": "a", "issuer": "区检察院", "received_on": D(2024, 4, 8),
         "content": "x", "reply_text": "已整改"},
    ]  # fmt: skip
    result = import_suggestions(actor, rows)
    problems = {(e.row, e.column) for e in result.errors}
    assert problems == {(3, "承办单位"), (4, "回复日期"), (5, "回复日期")}
    assert not Suggestion.objects.exists()


def test_the_template_parses_back_empty(client, tree, person):
    client.force_login(person("office_a", "office", tree["a"]))
    response = client.get("/oversight/excel/template/")
    upload = io.BytesIO(response.content)
    upload.name = "t.xlsx"
    assert parse(SUGGESTION_SHEET, upload).rows == []
