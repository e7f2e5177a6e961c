import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.excel import export, parse
from fazhi.ledger.models import NumberSequence
from fazhi.legal import services
from fazhi.legal.columns import review_sheet
from fazhi.legal.importing import import_items
from fazhi.legal.models import ReviewItem, ReviewRound
from tests.conftest import TODAY
from tests.legal import legal_fixtures as fx
from tests.legal.legal_fixtures import new_contract, new_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
legal_units, lawyer, office = fx.legal_units, fx.lawyer, fx.office


def fields_of(item: ReviewItem) -> tuple:
    last = item.rounds.order_by("-seq").first()
    return (
        item.kind, item.title, item.submitted_by.code, item.org.code, item.submitted_on, item.counterparty,
        item.amount, item.requires_filing, item.reviewer_org.code if item.reviewer_org else "", item.status,
        item.opinion, item.concluded_on, item.filed_on, last.opinion_text, last.letter_issued, last.due_date,
    )  # fmt: skip


def make_records(actor, tree, units):
    start = TODAY - datetime.timedelta(days=10)
    big = new_contract(
        actor, tree["a-sq"], amount=Decimal("1500000.00"), submitted_on=start, title="=SUM(A1) 工程合同"
    )
    big = services.assign(actor, big, big.version, units["a-gw"])
    big = services.conclude(actor, big, big.version, opinion="lawful", opinion_text="合法", opinion_on=start)
    services.file_contract(actor, big, big.version, filed_on=TODAY)
    doc = new_item(actor, tree["a-tw"], "normative", submitted_on=start)
    services.assign(actor, doc, doc.version, units["a-sfs"])
    new_contract(actor, tree["a-sq"], title="保洁合同")
    gone = new_item(actor, tree["a-sq"], "plan", title="考勤制度")
    services.withdraw(actor, gone, gone.version, reason="不再制定")


def test_round_trip_into_an_empty_database(client, tree, office, legal_units):
    make_records(office, tree, legal_units)
    client.force_login(office)
    response = client.get("/legal/excel/export/")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=Action.EXPORT).count() == 1
    before = sorted(fields_of(i) for i in ReviewItem.objects.all())

    ReviewRound.objects.all().delete()
    ReviewItem.objects.all().delete()
    NumberSequence.objects.all().delete()

    upload = io.BytesIO(response.content)
    upload.name = "legal.xlsx"
    page = client.post("/legal/excel/import/", {"file": upload})
    assert page.status_code == 302, page.content.decode()[:3000]
    assert sorted(fields_of(i) for i in ReviewItem.objects.all()) == before
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 1
    assert ReviewItem.objects.filter(number__startswith="甲一审").count() == 3


def test_bad_file_refused_whole_with_row_reasons(client, tree, office, legal_units):
    good = {
        "kind": "plan",
        "title": "值班制度",
        "submitted_by": "a-sq",
        "submitted_on": datetime.date(2026, 1, 5),
    }
    rows = [
        good,
        good | {"submitted_by": "b-sq"},  # another street: not writable
        good | {"kind": "contract"},  # no counterparty, no amount
        good | {"status": "concluded", "reviewer_org": "a-gw"},  # no opinion, date or text
        good | {"status": "reviewing", "reviewer_org": "a-tw"},  # not a reviewing unit
        good | {"kind": "contract", "counterparty": "某公司", "amount": 100, "status": "concluded",
                "reviewer_org": "a-gw", "opinion": "lawful", "concluded_on": datetime.date(2026, 1, 6),
                "opinion_text": "合法", "filed_on": datetime.date(2026, 1, 7)},  # below the filing threshold
    ]  # fmt: skip
    content = export(review_sheet(), rows)
    parsed = parse(review_sheet(), io.BytesIO(content))
    assert parsed.ok, parsed.summary()
    result = import_items(office, parsed.rows)
    assert not result.ok and not ReviewItem.objects.exists()
    reasons = {(e.row, e.column) for e in result.errors}
    expected = {(3, "送审单位"), (4, "合同相对方"), (4, "合同金额"), (5, "审查意见"), (5, "出具意见日期"),
                (5, "意见内容"), (6, "审查单位"), (7, "备案日期")}  # fmt: skip
    assert expected <= reasons
    assert 2 not in {e.row for e in result.errors}

    upload = io.BytesIO(content)
    upload.name = "bad.xlsx"
    client.force_login(office)
    body = client.post("/legal/excel/import/", {"file": upload}).content.decode()
    assert "本次没有导入任何数据" in body and "第3行" in body
    assert "“b-sq”不是您可以登记审查事项的单位" in body and "乙街道" not in body  # typed, not named


def test_template_download(client, tree, office):
    client.force_login(office)
    response = client.get("/legal/excel/template/")
    sheet = load_workbook(io.BytesIO(response.content))["合法性审查台账"]
    texts = {str(c.value) for row in sheet.iter_rows(max_row=10) for c in row if c.value}
    assert any("审查事项类别" in t for t in texts) and any("送审单位" in t for t in texts)
