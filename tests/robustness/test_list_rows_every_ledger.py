"""Every ledger's API list read as plain rows (``fazhi.ledger.api_rows``) is the list its serializer
gives, record for record and field for field, over the world's records of every ledger; and a list the
plan cannot read falls back to its serializer (named here, so that a new one is a decision)."""

import json

import pytest
from rest_framework.test import APIClient, APIRequestFactory

import fazhi.urls  # noqa: F401 - registers every ledger's viewset on the router
from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet
from fazhi.ledger.api_rows import rows_plan

pytestmark = pytest.mark.django_db

LEDGER_VIEWSETS = [
    (prefix, v) for prefix, v, _ in router.registry if issubclass(v, LedgerViewSet) and v.pages
]


def serializer_list(viewset, user, ids):
    view = viewset()
    view.action, view.format_kwarg = "list", None
    view.request = APIRequestFactory().get("/")
    view.request.user = user
    view.kwargs = {}
    records = viewset.pages.queryset(user).filter(pk__in=ids).prefetch_related(*viewset.list_related)
    data = viewset.serializer_class(records, many=True, context={"request": view.request}).data
    return {row["id"]: json.loads(json.dumps(row, default=str)) for row in data}


@pytest.mark.parametrize(("prefix", "viewset"), LEDGER_VIEWSETS, ids=[p for p, _ in LEDGER_VIEWSETS])
def test_plain_rows_are_the_serializers_list(world, prefix, viewset):
    reader = world.people["district_reviewer"]  # reads both 街道
    api = APIClient()
    api.force_authenticate(reader)
    body = api.get(f"/api/{prefix}/", {"page_size": 500}).json()
    rows = {row["id"]: row for row in body["results"]}
    assert rows, f"/api/{prefix}/ 没有记录，比较无意义"
    expected = serializer_list(viewset, reader, list(rows))
    differ = {
        (pk, name): (rows[pk].get(name), expected[pk].get(name))
        for pk in expected
        for name in {*expected[pk], *rows.get(pk, {})}
        if rows.get(pk, {}).get(name) != expected[pk].get(name)
    }
    assert not differ and list(rows[next(iter(rows))]) == list(expected[next(iter(rows))])


def test_which_lists_fall_back_to_their_serializer():
    fallback = sorted(p for p, v in LEDGER_VIEWSETS if rows_plan(v.serializer_class) is None)
    assert "disputes" not in fallback
    print("按序列化器输出的列表：", fallback)
