"""Excel: the template, export (masked by role) and import of last year's requests — all or nothing,
every bad cell named."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from fazhi.disclosure import services
from fazhi.disclosure.columns import request_sheet
from fazhi.disclosure.importing import import_requests
from fazhi.disclosure.models import DisclosureRequest
from fazhi.ledger.excel import export, parse
from tests.conftest import TODAY
from tests.disclosure.disclosure_fixtures import ID_A, new_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


@pytest.fixture
def clerk(tree, person):
    return person("gk_a", "petition", tree["a"])


def _upload(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = export(request_sheet(), rows)
    return SimpleUploadedFile("requests.xlsx", data)


def _row(**over):
    return {
        "org": "甲街道",
        "channel": "post",
        "submitted_on": D(2025, 12, 1),
        "received_on": D(2025, 12, 3),
        "applicant_kind": "person",
        "applicant": "钱九",
        "applicant_id": ID_A,
        "content": "申请公开某文件",
        "replied_on": D(2025, 12, 20),
        "outcome": "public",
    } | over


def test_export_then_import_round_trip(clerk, tree):
    r = new_request(clerk, tree["a"], received_on=D(2026, 6, 1))
    services.reply(clerk, r, r.version, replied_on=D(2026, 6, 20), outcome="refused_repeat")
    from fazhi.disclosure.importing import export_rows

    rows = list(export_rows(clerk, DisclosureRequest.objects.all()))
    assert rows[0]["applicant_id"] == ID_A  # a role that sees personal data gets the file whole
    parsed = parse(request_sheet(), _upload(rows))
    assert not parsed.errors
    result = import_requests(clerk, parsed.rows)
    assert result.ok and len(result.created) == 1
    copy = result.created[0]
    assert (copy.outcome, copy.replied_on, copy.due_date) == ("refused_repeat", D(2026, 6, 20), r.due_date)


def test_import_names_every_bad_cell_and_writes_nothing(clerk, tree):
    rows = [
        _row(),
        _row(channel="in_person", submitted_on=D(2025, 12, 1), received_on=D(2025, 12, 2)),
        _row(replied_on=None),
        _row(org="乙街道"),
        _row(received_on=D(2025, 11, 1)),
    ]
    parsed = parse(request_sheet(), _upload(rows))
    result = import_requests(clerk, parsed.rows)
    problems = {(e.row, e.column) for e in result.errors}
    assert (3, "收到申请日期") in problems  # in person: the same day
    assert (4, "答复日期") in problems  # an outcome without a reply date
    assert (5, "办理单位") in problems  # another street
    assert (6, "收到申请日期") in problems  # received before it was submitted
    assert not DisclosureRequest.objects.exists()


def test_import_of_last_year_feeds_this_years_carried_in(clerk, tree):
    from fazhi.disclosure.figures import carried_in

    parsed = parse(
        request_sheet(), _upload([_row(), _row(replied_on=None, outcome=None, received_on=D(2025, 12, 28))])
    )
    assert import_requests(clerk, parsed.rows).ok
    start, end = D(TODAY.year, 1, 1), D(TODAY.year, 12, 31)
    assert carried_in([tree["a"]], start, end) == 1


def test_export_page_masks_for_a_role_without_personal_data(client, tree, person):
    clerk = person("gk", "petition", tree["a"])
    new_request(clerk, tree["a"])
    client.force_login(person("office_a", "office", tree["a"]))
    response = client.get("/disclosure/excel/export/")
    sheet = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert ID_A not in values and "**************002X" in values
    assert client.get("/disclosure/excel/export/", {"outcome": "nonsense"}).status_code == 400


def test_import_refuses_an_implausible_date_under_its_column(clerk, tree):
    # The kit's plausible-date rule (fazhi.ledger.services.date_problems): a typing slip in a date no
    # hand-written check covers is refused under its column, nothing written. A parsed row is given
    # directly, as an Excel cell cannot hold year 1.
    rows = [_row(_row=2), _row(_row=3, submitted_on=D(1, 1, 1))]
    result = import_requests(clerk, rows)
    assert [(e.row, e.column) for e in result.errors] == [(3, "申请提交日期")]
    assert not DisclosureRequest.objects.exists()


def test_import_refuses_a_unit_that_does_not_handle_requests_naming_the_kinds_that_do(clerk, tree):
    result = import_requests(clerk, [_row(_row=2), _row(_row=3, org="甲街道一社区")])
    assert [(e.row, e.column) for e in result.errors] == [(3, "办理单位")]
    message = result.errors[0].message
    assert "“甲街道一社区”是社区，不能承办政府信息公开申请" in message and "请改选以下类别的单位" in message
    assert not DisclosureRequest.objects.exists()
