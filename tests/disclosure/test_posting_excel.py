"""The 主动公开 log in Excel: the template, an import of an office's own log (all or nothing, every bad cell
named, table 二 and the figures counting what it brought), and the export of the filtered list."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from fazhi.disclosure import proactive
from fazhi.disclosure.columns import posting_sheet
from fazhi.disclosure.models import PENDING, PUBLISHED, REPEALED, Posting
from fazhi.figures import registry
from fazhi.ledger.excel import export
from fazhi.orgs.models import Organisation
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date
IMPORT = "/disclosure/postings/excel/import/"


@pytest.fixture
def clerk(tree, person, client):
    user = person("gk_a", "petition", tree["a"], full_name="王公开")
    client.login(username="gk_a", password=PASSWORD)
    return user


def _row(**over):
    return {
        "org": "甲街道",
        "kind": "news",
        "title": "街道召开安全生产工作会议",
        "formed_on": D(2026, 3, 2),
        "published_on": D(2026, 3, 3),
    } | over


def _upload(rows):
    return SimpleUploadedFile("主动公开.xlsx", export(posting_sheet(), rows))


def _year(code, tree):
    orgs = Organisation.objects.subtree_of([tree["a"]])
    return registry.get(code).compute(orgs, D(2026, 1, 1), D(2026, 12, 31))


def test_an_offices_log_imports_with_its_statuses_and_counts_in_table_two(client, clerk, tree):
    rows = [
        _row(),
        _row(kind="normative", title="关于规范物业管理的通知", document_number="五街发〔2026〕3号", published_on=None),
        _row(kind="penalty", title="行政处罚决定公示（第一批）", decisions=3),
        _row(kind="fee", title="行政事业性收费公示", fee_amount=Decimal("1.25")),
        _row(kind="normative", title="旧规范性文件", formed_on=D(2026, 1, 5), published_on=D(2026, 1, 6),
             repealed_on=D(2026, 6, 30)),
    ]  # fmt: skip
    response = client.post(IMPORT, {"file": _upload(rows)})
    assert response.status_code == 302, response.content.decode()[:500]
    saved = {p.title: p for p in Posting.objects.all()}
    assert len(saved) == 5 and all(p.number for p in saved.values())
    assert saved["街道召开安全生产工作会议"].status == PUBLISHED
    pending = saved["关于规范物业管理的通知"]
    assert pending.status == PENDING and pending.due_date > pending.formed_on  # its 20 工作日 run
    assert saved["旧规范性文件"].status == REPEALED
    assert _year("disclosure.decisions.penalty", tree) == 3
    assert _year("disclosure.fees", tree) == Decimal("1.25")
    assert str(_year("disclosure.fees", tree)) == "1.25"  # not the column's four places, "1.2500"
    assert _year("disclosure.documents.normative.repealed", tree) == 1


def test_every_bad_cell_is_named_and_nothing_is_written(client, clerk, tree):
    rows = [
        _row(),
        _row(kind="penalty", decisions=0),  # a penalty posting states its decisions
        _row(kind="fee"),  # a fee posting states its amount
        _row(repealed_on=D(2026, 4, 1)),  # only a document can be repealed
        _row(published_on=D(2026, 3, 1)),  # published before it was formed
        _row(org="乙街道"),  # another street's unit
    ]
    response = client.post(IMPORT, {"file": _upload(rows)})
    page = response.content.decode()
    assert response.status_code == 200  # the import page again, with its problems
    for problem in ("第3行", "处理决定数量", "第4行", "收费金额", "第5行", "只有规章和行政规范性文件可以登记废止",
                    "第6行", "早于信息形成日期", "第7行", "公开单位"):  # fmt: skip
        assert problem in page, problem
    assert not Posting.objects.exists()


def test_the_export_is_the_filtered_list_and_the_template_has_the_columns(client, clerk, tree):
    proactive.register(clerk, org=tree["a"], kind="news", title="动态一", formed_on=D(2026, 3, 2),
                       published_on=D(2026, 3, 3))  # fmt: skip
    proactive.register(clerk, org=tree["a"], kind="notice", title="公告二", formed_on=D(2026, 4, 2))
    sheet = load_workbook(
        io.BytesIO(client.get("/disclosure/postings/excel/export/?kind=news").content)
    ).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "信息名称" in values[0] and any("动态一" in map(str, row) for row in values)
    assert not any("公告二" in map(str, row) for row in values)
    template = load_workbook(io.BytesIO(client.get("/disclosure/postings/excel/template/").content)).active
    headers = [c.value for c in next(template.iter_rows())]
    assert "信息形成（变更）日期" in headers and "收费金额（万元）" in headers
