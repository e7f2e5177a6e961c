"""How API lists are paged: by keyset (``cursor``) where the list's order allows it, by page number
otherwise or when a client asks for ``page``.

A list's first page and its ``page=N`` pages give ``count``; its ``next`` and ``previous`` links carry a
``cursor``: the sort key of the last (first) row shown, so the next page starts from there through the
index (``WHERE (received_on, id) < (…)``) instead of counting and skipping every row before it, and is
not shifted by a record registered meanwhile. A cursor page gives ``count`` null: counting the whole
list is the scan the cursor avoids. ``page=N`` keeps working for clients that jump to a page.

Keyset paging needs an order of plain, non-null columns of the model, all ascending or all descending,
ending with the primary key (a ledger's default order: date, then id). A list sorted by another column
(``ordering``) is paged by number."""

import base64
import binascii
import json
from collections import OrderedDict

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import InvalidPage
from django.db.models import Q
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

CURSOR_MESSAGE = "游标无效：请使用列表返回的 next 或 previous 链接翻页，不要自行修改 cursor 参数。"


def keyset_order(queryset) -> list | None:
    """The fields (model fields, the last the primary key) and direction of the queryset's order when it
    can be paged by keyset: ``([field, …, pk], descending)``; None when it cannot."""
    query = queryset.query
    ordering = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    if not ordering or not all(isinstance(item, str) for item in ordering):
        return None
    descending = {item.startswith("-") for item in ordering}
    if len(descending) != 1:
        return None
    model, fields = queryset.model, []
    for item in ordering:
        name = item.lstrip("-")
        try:
            field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if not field.concrete or field.is_relation or field.null:
            return None
        fields.append(field)
    if not fields[-1].primary_key:
        return None
    return fields, descending.pop()


def _after(fields, values, descending: bool) -> Q:
    """Rows after ``values`` in the order: (a, b, id) < (x, y, z), spelled so that the first column's
    bound is a plain range the index serves (a <= x) and the rest decides among equal dates."""
    step = "lt" if descending else "gt"
    bound = "lte" if descending else "gte"
    condition = Q()
    for i in range(len(fields) - 1, -1, -1):
        head = {f.attname: v for f, v in zip(fields[:i], values[:i], strict=True)}
        condition = Q(**head, **{f"{fields[i].attname}__{step}": values[i]}) | condition
    return Q(**{f"{fields[0].attname}__{bound}": values[0]}) & condition


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = "页码无效：没有这一页，请从第 1 页起，不超过总页数。"
    page_query_description = "页码，从 1 起（给出时按页码分页并返回 count；不给则按游标翻页）"
    page_size_query_description = "每页条数，1–500（超过按 500；无效的值按默认 50 条）"
    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        """The page's rows; ``view.page_rows`` (when the view has it) reads a sliced queryset into
        (rows, sort keys), e.g. as plain dicts, else rows are the model instances."""
        self.request, self.keyed = request, keyset_order(queryset)
        self._page_url = None
        read = getattr(view, "page_rows", None)
        params = request.query_params
        if self.keyed is None or (self.page_query_param in params and self.cursor_query_param not in params):
            if read is None:
                return super().paginate_queryset(queryset, request, view)
            paginator = self.django_paginator_class(queryset, self.get_page_size(request))
            try:
                self.page = paginator.page(self.get_page_number(request, paginator))
            except InvalidPage as exc:
                raise NotFound(self.invalid_page_message) from exc
            return read(self.page.object_list, ())[0]
        self.page_size = self.get_page_size(request)
        fields, descending = self.keyed
        cursor = params.get(self.cursor_query_param)
        position, backwards = self._decode(cursor, fields) if cursor else (None, False)
        order = descending != backwards
        ordered = queryset.order_by(*[("-" if order else "") + f.attname for f in fields])
        if position is not None:
            ordered = ordered.filter(_after(fields, position, order))
        sliced = ordered[: self.page_size + 1]
        names = [f.attname for f in fields]
        if read is not None:
            rows, keys = read(sliced, names)
        else:
            rows = list(sliced)
            keys = [tuple(getattr(row, name) for name in names) for row in rows]
        more = len(rows) > self.page_size
        rows, keys = rows[: self.page_size], keys[: self.page_size]
        if backwards:
            rows, keys = rows[::-1], keys[::-1]
        self.count = None if cursor else self._count(queryset, more, len(rows))
        self.next_key = keys[-1] if keys and (more or backwards) else None
        self.previous_key = keys[0] if keys and cursor and (more or not backwards) else None
        return rows

    def _count(self, queryset, more: bool, shown: int) -> int:
        return queryset.count() if more else shown  # a first page that holds them all has counted them

    def _encode(self, values, backwards: bool) -> str:
        plain = [v.isoformat() if hasattr(v, "isoformat") else v for v in values]
        text = json.dumps({"p": plain, "r": int(backwards)}, separators=(",", ":"))
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    def _decode(self, cursor: str, fields):
        try:
            data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            values = [field.to_python(value) for field, value in zip(fields, data["p"], strict=True)]
            return values, bool(data.get("r"))
        except (ValueError, TypeError, KeyError, binascii.Error, ValidationError, UnicodeDecodeError) as exc:
            raise NotFound(CURSOR_MESSAGE) from exc

    def _link(self, key, backwards: bool):
        if key is None:
            return None
        if self._page_url is None:  # the request's URL without ``page``: built once for both links
            self._page_url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(self._page_url, self.cursor_query_param, self._encode(key, backwards))

    def get_paginated_response(self, data):
        if self.keyed is None or not hasattr(self, "next_key"):
            return super().get_paginated_response(data)
        return Response(
            OrderedDict(
                count=self.count,
                next=self._link(self.next_key, False),
                previous=self._link(self.previous_key, True),
                results=data,
            )
        )

    def get_paginated_response_schema(self, schema):
        shape = super().get_paginated_response_schema(schema)
        shape["properties"]["count"] = {
            "type": "integer",
            "nullable": True,
            "example": 123,
            "description": "总条数；按游标翻到的页（cursor）不计总数，为 null",
        }
        return shape

    def get_schema_operation_parameters(self, view):
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "翻页游标：取自上一次返回的 next 或 previous 链接，不要自行构造",
                "schema": {"type": "string"},
            },
        ]
