"""A ledger's list is declared once (``fazhi.ledger.filters.LedgerFilterSet`` in its filters.py): the
declaration drives the queryset, the OpenAPI parameters of the API list and the list page's form; the
list is sorted by its declared columns and paged with a chosen page size, on the page and in the API,
and whatever is malformed is ignored (never a 500, never a wider result)."""

import datetime
import io
import json
import re

import pytest
from django.http import QueryDict
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from openpyxl import load_workbook
from rest_framework.test import APIClient

from fazhi.disputes.filters import FILTERS as DISPUTE_FILTERS
from fazhi.disputes.models import Dispute
from fazhi.enforcement.filters import CASE_FILTERS as ENFORCEMENT_FILTERS
from fazhi.enforcement.filters import CERTIFICATE_FILTERS, INSPECTION_FILTERS
from fazhi.learning import filters as learning
from fazhi.learning.filters import EVENT_FILTERS, LITERATE_FILTERS
from fazhi.legal.filters import FILTERS as REVIEW_FILTERS
from fazhi.litigation.filters import CASE_FILTERS
from fazhi.oversight.filters import REMINDER_FILTERS, SUGGESTION_FILTERS
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

LISTS = [
    ("/api/disputes/", DISPUTE_FILTERS),
    ("/api/legal-reviews/", REVIEW_FILTERS),
    ("/api/litigation-cases/", CASE_FILTERS),
    ("/api/suggestions/", SUGGESTION_FILTERS),
    ("/api/reminders/", REMINDER_FILTERS),
    ("/api/enforcement-cases/", ENFORCEMENT_FILTERS),
    ("/api/enforcement-certificates/", CERTIFICATE_FILTERS),
    ("/api/learning/events/", EVENT_FILTERS),
    ("/api/learning/literates/", LITERATE_FILTERS),
]


@pytest.fixture
def handler(tree, person):
    return person("med_a", "handler", tree["a-tw"])


@pytest.fixture
def three(handler, tree):
    """Three disputes received on different days, the middle one a group dispute by the grid."""
    days = [TODAY - datetime.timedelta(days=n) for n in (5, 1, 3)]
    first = new_dispute(handler, tree["a-tw"], received_on=days[0], name="甲")
    second = new_dispute(handler, tree["a-tw"], received_on=days[1], name="乙")
    third = new_dispute(handler, tree["a-tw"], received_on=days[2], name="丙", persons=40, channel="grid")
    return first, second, third  # by received_on: first, third, second


def numbers_in(html: str) -> list[str]:
    return re.findall(r'<td><a href="/disputes/\d+/">([^<]+)</a>', html)


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


# --- one declaration, three outputs ------------------------------------------------------------


def _list_parameters(path: str) -> dict:
    schema = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    return {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}


@pytest.mark.parametrize(("path", "declared"), LISTS)
def test_the_openapi_list_parameters_come_from_the_declaration(path, declared):
    documented = _list_parameters(path)
    names = {p.name for p in declared.parameters()}
    assert names <= documented.keys()
    assert {"ordering", "page", "page_size"} <= documented.keys()
    assert set(documented["ordering"]["schema"]["enum"]) == {
        f"{sign}{key}" for key in declared.sortable for sign in ("", "-")
    }


def test_the_dispute_parameters_say_what_they_mean_in_chinese():
    documented = _list_parameters("/api/disputes/")
    assert "received" in documented["status"]["schema"]["enum"]
    assert documented["status"]["description"].startswith("状态：received ")
    assert documented["received_from"]["schema"]["format"] == "date"
    assert documented["group"]["schema"]["type"] == "boolean"
    assert documented["type"]["schema"]["type"] == "integer"
    for name in ("contact", "id_number", "phone", "q", "org", "overdue", "due_soon"):
        assert name in documented


def test_the_list_page_form_is_drawn_from_the_declaration_keeping_the_choices(client, handler, three):
    client.force_login(handler)
    chosen = {"status": "received", "channel": "grid", "group": "1", "q": "丙", "received_from": "2026-07-01"}
    html = client.get("/disputes/", chosen).content.decode()
    start = html.index('<form class="filters"')
    form = html[start : html.index("</form>", start)]
    for control in DISPUTE_FILTERS.page_context(_request(handler))["filter_controls"]:
        name = control.get("name") or control["start"]
        assert f'name="{name}"' in form, name
    assert '<option value="received" selected>' in form and '<option value="grid" selected>' in form
    assert re.search(r'name="group" value="1" checked>\s*群体性', form)
    assert 'name="q" value="丙"' in form and 'name="received_from" value="2026-07-01"' in form
    assert 'placeholder="编号、简况、当事人姓名"' in form and "身份证号/电话" in form
    assert numbers_in(html) == [three[2].number]


def test_the_other_ledgers_forms_come_from_their_declarations(client, tree, person):
    office = person("office_a", "office", tree["a"])
    client.force_login(office)
    legal = client.get("/legal/", {"to_file": "1", "kind": "contract"}).content.decode()
    assert re.search(r'name="to_file" value="1" checked>\s*待备案合同', legal)
    assert '<option value="contract" selected>' in legal and 'name="submitted_by"' in legal
    cases = client.get("/litigation/", {"stage": "appeal"}).content.decode()
    assert '<option value="appeal" selected>' in cases  # the API's stage filter is on the page too
    assert "答辩已超期" in cases and 'aria-label="收到副本起"' in cases


def _request(user, **params):
    class Request:
        GET = QueryDict(mutable=True)

    request = Request()
    request.GET.update(params)
    request.user = user
    return request


def test_the_declared_filters_narrow_the_queryset_and_ignore_what_is_malformed(handler, three):
    scoped = Dispute.objects.visible_to(handler)

    def found(**params) -> set:
        query = QueryDict(mutable=True)
        query.update(params)
        return set(DISPUTE_FILTERS.filter(scoped, query, user=handler).values_list("number", flat=True))

    everything = {d.number for d in three}
    assert found() == everything
    assert found(group="1") == found(channel="grid") == {three[2].number}
    assert found(q="乙") == {three[1].number}  # a party's name, through the relation
    named = DISPUTE_FILTERS.filter(scoped, QueryDict("q=四"), user=handler)  # every respondent is 李四
    assert named.count() == 3  # each record once, not once per matching party
    assert found(received_to=(TODAY - datetime.timedelta(days=2)).isoformat()) == {
        three[0].number,
        three[2].number,
    }
    for malformed in (
        {"status": "nope"},
        {"type": "abc"},
        {"received_from": "2026-13-45"},
        {"group": "maybe"},
    ):
        assert found(**malformed) == everything  # ignored, never widening beyond the scope
    assert found(org="no-such-unit") == set()


# --- sort and page size on the page ----------------------------------------------------------------


def test_the_list_sorts_by_a_declared_column_both_ways(client, handler, three):
    client.force_login(handler)
    first, second, third = three
    up = client.get("/disputes/", {"ordering": "received_on", "group": ""}).content.decode()
    assert numbers_in(up) == [first.number, third.number, second.number]
    assert 'aria-sort="ascending"' in up
    down = client.get("/disputes/", {"ordering": "-received_on"}).content.decode()
    assert numbers_in(down) == [second.number, third.number, first.number]
    # the header of the sorted column turns the order round; another column starts ascending
    assert 'href="?ordering=received_on" title="按受理日期排序"' in down
    assert 'href="?ordering=number"' in down
    by_status = client.get("/disputes/", {"ordering": "status"})
    assert by_status.status_code == 200


@pytest.mark.parametrize(
    "ordering", ["nope", "parties", "--number", "org__path", "-", "number,received_on", "x" * 500]
)
def test_a_malformed_sort_is_ignored(client, handler, three, ordering):
    client.force_login(handler)
    page = client.get("/disputes/", {"ordering": ordering})
    assert page.status_code == 200
    html = page.content.decode()
    assert sorted(numbers_in(html)) == sorted(d.number for d in three)
    assert 'aria-sort="ascending"' not in html and 'aria-sort="descending"' not in html
    assert 'name="ordering"' not in html  # not carried on by the filter form either


def test_the_page_size_is_chosen_bounded_and_kept_with_filters_and_sort(client, handler, tree):
    for n in range(22):
        new_dispute(handler, tree["a-tw"], received_on=TODAY - datetime.timedelta(days=n), channel="grid")
    new_dispute(handler, tree["a-tw"], channel="visit")
    client.force_login(handler)
    params = {"channel": "grid", "ordering": "-received_on"}
    html = client.get("/disputes/", params).content.decode()
    assert len(numbers_in(html)) == 20 and "共 22 件" in html and "第 1 / 2 页" in html
    # the pager's and the page-size links keep the filters and the sort
    assert 'href="?channel=grid&amp;ordering=-received_on&page=2"' in html
    assert 'href="?channel=grid&amp;ordering=-received_on&amp;page_size=50"' in html
    wide = client.get("/disputes/", params | {"page_size": "50"}).content.decode()
    assert len(numbers_in(wide)) == 22 and "第 1 / 1 页" in wide
    assert '<strong aria-current="true">50</strong>' in wide
    # the sort headers and the filter form keep the page size and the filters
    assert 'href="?channel=grid&amp;page_size=50&amp;ordering=received_on"' in wide
    assert '<input type="hidden" name="page_size" value="50">' in wide
    assert '<input type="hidden" name="ordering" value="-received_on">' in wide
    # the export takes the filters and the sort, not the page size
    assert 'excel/export/?channel=grid&amp;ordering=-received_on"' in wide
    for size in ("7", "0", "-20", "abc", "100000", "1e3"):
        page = client.get("/disputes/", params | {"page_size": size})
        assert page.status_code == 200 and len(numbers_in(page.content.decode())) == 20, size
    assert client.get("/disputes/", params | {"page": "999", "page_size": "100"}).status_code == 200


def test_the_inbox_and_the_other_lists_sort_too(client, tree, person):
    from fazhi.disputes import services

    office = person("office_a", "office", tree["a"])
    community = person("med_sq", "handler", tree["a-sq-tw"])
    early = new_dispute(office, tree["a-tw"], received_on=TODAY - datetime.timedelta(days=4))
    late = new_dispute(office, tree["a-tw"])
    for d in (early, late):
        services.dispatch(office, d, d.version, tree["a-sq-tw"])
    client.force_login(community)
    up = client.get("/disputes/inbox/", {"ordering": "received_on"}).content.decode()
    assert numbers_in(up) == [early.number, late.number] and "待办收件箱" in up
    down = client.get("/disputes/inbox/", {"ordering": "-received_on", "page_size": "100"}).content.decode()
    assert numbers_in(down) == [late.number, early.number]
    client.force_login(office)
    for url, key in (
        ("/legal/", "-submitted_on"),
        ("/legal/", "reviewer_org"),
        ("/litigation/", "-reply_due"),
    ):
        assert client.get(url, {"ordering": key, "page_size": "50"}).status_code == 200


# --- the API and the export ------------------------------------------------------------------------


def test_the_api_list_sorts_and_pages_with_the_same_parameters(handler, three):
    api = api_for(handler)
    first, second, third = three

    def numbers(**params):
        return [row["number"] for row in api.get("/api/disputes/", params).json()["results"]]

    assert numbers(ordering="received_on") == [first.number, third.number, second.number]
    assert numbers(ordering="-received_on") == [second.number, third.number, first.number]
    assert numbers(ordering="received_on", page_size="2") == [first.number, third.number]
    assert numbers(ordering="-received_on", page_size="2", page="2") == [first.number]
    for params in ({"ordering": "nope"}, {"ordering": "--number"}, {"page_size": "abc"}, {"page_size": "0"}):
        answer = api.get("/api/disputes/", params)
        assert answer.status_code == 200 and answer.json()["count"] == 3, params


def test_the_export_follows_the_sort_and_refuses_a_malformed_one(client, handler, three):
    client.force_login(handler)
    response = client.get("/disputes/excel/export/", {"ordering": "-received_on"})
    assert response.status_code == 200
    cells = [c.value for row in load_workbook(io.BytesIO(response.content)).active.iter_rows() for c in row]
    positions = [cells.index(d.number) for d in (three[1], three[2], three[0])]
    assert positions == sorted(positions)
    refused = client.get("/disputes/excel/export/", {"ordering": "nope"})
    assert refused.status_code == 400 and "筛选条件有误，未导出" in refused.content.decode()


def test_an_export_refuses_a_case_outcome_that_is_not_one(client, tree, person):
    client.force_login(person("legal_a", "legal", tree["a"]))
    assert client.get("/litigation/excel/export/", {"outcome": "nope"}).status_code == 400
    assert (
        client.get("/litigation/excel/export/", {"outcome": "upheld", "ordering": "-reply_due"}).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("page", "api", "declared"),
    [
        ("/disputes/", "/api/disputes/", DISPUTE_FILTERS),
        ("/legal/", "/api/legal-reviews/", REVIEW_FILTERS),
        ("/litigation/", "/api/litigation-cases/", CASE_FILTERS),
        ("/oversight/", "/api/suggestions/", SUGGESTION_FILTERS),
        ("/oversight/reminders/", "/api/reminders/", REMINDER_FILTERS),
        ("/enforcement/", "/api/enforcement-cases/", ENFORCEMENT_FILTERS),
        ("/enforcement/certificates/", "/api/enforcement-certificates/", CERTIFICATE_FILTERS),
        ("/learning/sessions/", "/api/learning/sessions/", learning.SESSION_FILTERS),
        ("/learning/events/", "/api/learning/events/", EVENT_FILTERS),
        ("/learning/services/", "/api/learning/services/", learning.SERVICE_FILTERS),
        ("/learning/acts/", "/api/learning/acts/", learning.ACT_FILTERS),
        ("/learning/literates/", "/api/learning/literates/", LITERATE_FILTERS),
        ("/learning/exams/", "/api/learning/exams/", learning.EXAM_FILTERS),
    ],
)
def test_every_declared_column_sorts_both_ways_on_the_page_and_in_the_api(
    client, tree, person, page, api, declared
):
    office = person("office_a", "office", tree["a"])
    new_dispute(office, tree["a-tw"])
    client.force_login(office)
    for key in declared.sortable:
        for ordering in (key, f"-{key}"):
            assert client.get(page, {"ordering": ordering}).status_code == 200, ordering
            assert api_for(office).get(api, {"ordering": ordering}).status_code == 200, ordering


CONVERTED = [
    ("/oversight/", "/oversight/excel/export/", SUGGESTION_FILTERS),
    ("/enforcement/", "/enforcement/excel/export/", ENFORCEMENT_FILTERS),
    ("/enforcement/inspections/", "/enforcement/inspections/excel/export/", INSPECTION_FILTERS),
    ("/learning/sessions/", "/learning/sessions/excel/export/", learning.SESSION_FILTERS),
]


@pytest.mark.parametrize(("page", "export", "declared"), CONVERTED)
def test_the_converted_lists_draw_their_declared_form_ignore_malformed_values_and_exports_refuse_them(
    client, tree, person, page, export, declared
):
    office = person("office_a", "office", tree["a"])
    client.force_login(office)
    html = client.get(page).content.decode()
    form = html[
        html.index('<form class="filters"') : html.index("</form>", html.index('<form class="filters"'))
    ]
    for control in declared.page_context(_request(office))["filter_controls"]:
        assert f'name="{control.get("name") or control["start"]}"' in form
    malformed = {"org": "nowhere", "ordering": "nonsense"}
    for control in declared.page_context(_request(office))["filter_controls"]:
        if control["kind"] == "range":
            malformed[control["start"]] = "2026-13-45"
        elif control["kind"] == "select" and control["name"] != "org":
            malformed[control["name"]] = "nope"
    assert client.get(page, malformed).status_code == 200
    for key, value in malformed.items():
        refused = client.get(export, {key: value})
        assert refused.status_code == 400 and "筛选条件有误，未导出" in refused.content.decode(), key
