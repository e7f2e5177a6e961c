"""The "身份证号/电话" filter finds a party by a full ID number or a full phone, typed any usual way, with one
parameter on the list page, in the API and in the Excel export; exports name units as people know them,
and the import reads those names back."""

import datetime
import io

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from fazhi.disputes import services as dispute_services
from fazhi.ledger.importing import UnitResolver
from fazhi.legal import services as legal_services
from fazhi.legal.models import ReviewKind
from fazhi.orgs.models import Kind, Organisation
from tests.disputes.dispute_fixtures import ID_A, PHONE_A, new_dispute
from tests.litigation.litigation_fixtures import new_case

pytestmark = pytest.mark.django_db

OTHER_PHONE = "13900001111"
OTHER_ID = "110105194912310038"
SPELLINGS = [PHONE_A, "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+86-13812345678", ID_A.lower()]


@pytest.fixture
def handler(tree, person):
    return person("med_a", "handler", tree["a-tw"])


@pytest.fixture
def two_disputes(handler, tree):
    mine = new_dispute(handler, tree["a-tw"], name="张三")
    other = dispute_services.intake(
        handler,
        org=tree["a-tw"],
        channel="visit",
        received_on=datetime.date.today(),
        dispute_type=mine.dispute_type,
        summary="另一件",
        persons_involved=2,
        parties=[dispute_services.PartyData(name="王五", id_number=OTHER_ID, phone=OTHER_PHONE)],
    )
    return mine, other


@pytest.mark.parametrize("typed", SPELLINGS)
def test_the_list_page_finds_a_dispute_by_a_full_phone_or_id_number(client, handler, two_disputes, typed):
    mine, other = two_disputes
    client.force_login(handler)
    body = client.get("/disputes/", {"contact": typed}).content.decode()
    assert mine.number in body and other.number not in body
    assert 'name="contact"' in body  # the page's own field sends this parameter


def test_a_partial_or_unknown_number_finds_nothing(client, handler, two_disputes):
    mine, other = two_disputes
    client.force_login(handler)
    for typed in (PHONE_A[:-1], "5678", ID_A[:10], "13700000000"):
        body = client.get("/disputes/", {"contact": typed}).content.decode()
        assert mine.number not in body and other.number not in body, typed


def test_the_api_and_the_export_take_the_same_parameter(client, handler, two_disputes):
    mine, other = two_disputes
    api = APIClient()
    api.force_authenticate(handler)
    found = api.get("/api/disputes/", {"contact": "+86 138-1234-5678"}).json()["results"]
    assert [row["number"] for row in found] == [mine.number]

    client.force_login(handler)
    sheet = load_workbook(
        io.BytesIO(client.get("/disputes/excel/export/", {"contact": OTHER_PHONE}).content)
    ).active
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert other.number in values and mine.number not in values


def test_the_case_list_finds_a_case_by_a_phone_too(client, tree, person):
    legal = person("legal_a", "legal", tree["a"])
    mine = new_case(legal, tree["a"], name="张三")
    client.force_login(legal)
    assert mine.number in client.get("/litigation/", {"contact": "138 1234 5678"}).content.decode()
    assert mine.number not in client.get("/litigation/", {"contact": OTHER_PHONE}).content.decode()
    api = APIClient()
    api.force_authenticate(legal)
    assert [
        r["number"] for r in api.get("/api/litigation-cases/", {"contact": PHONE_A}).json()["results"]
    ] == [mine.number]


def _unit_column(content: bytes, header: str) -> list:
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if header in [str(v or "").rstrip("*") for v in row])
    column = [str(v or "").rstrip("*") for v in rows[at]].index(header)
    return [row[column] for row in rows[at + 1 :] if any(row)]


def test_every_export_names_units_by_name_not_code(client, tree, person):
    handler = person("med_a", "handler", tree["a-tw"])
    legal = person("legal_a", "legal", tree["a"])
    new_dispute(handler, tree["a-tw"])
    new_case(legal, tree["a"])
    legal_services.submit(
        legal,
        org=tree["a-sq"],  # a 街道 submits through its units (the legal ledger's holder_kinds)
        kind=ReviewKind.NORMATIVE,
        title="规范性文件",
        submitted_on=datetime.date.today(),
    )
    client.force_login(person("office_a", "office", tree["a"]))
    assert _unit_column(client.get("/disputes/excel/export/").content, "承办单位") == ["甲街道调委会"]
    assert _unit_column(client.get("/litigation/excel/export/").content, "责任单位") == ["甲街道"]
    assert _unit_column(client.get("/legal/excel/export/").content, "送审单位") == ["甲街道一社区"]


def test_a_unit_name_two_units_share_is_refused_with_their_codes(tree, person):
    actor = person("office_a", "office", tree["a"])
    Organisation.objects.create(code="a-tw-2", name="甲街道调委会", short_name="甲二", kind=Kind.STREET_COMMITTEE,
                                parent=tree["a"])  # fmt: skip
    resolver = UnitResolver(actor, "纠纷")
    org, problem = resolver.resolve("甲街道调委会")
    assert org is None and "a-tw" in problem and "a-tw-2" in problem and "单位代码" in problem
    assert resolver.resolve("a-tw")[0] == tree["a-tw"]  # the code still names it
    assert resolver.resolve(" 甲街道一社区调委会 ")[0] == tree["a-sq-tw"]  # a unique name does
