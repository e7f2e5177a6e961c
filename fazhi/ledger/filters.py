"""A ledger's list, declared once in its ``filters.py`` as a :class:`LedgerFilterSet`: the filters (each
a query parameter, a Chinese label and a kind) and the list's columns, some of them sortable.

From the one declaration come the queryset filter shared by the list page, the API and the Excel export
(``filter``; with the sort, ``apply``), the OpenAPI parameters of the API list (``parameters``), and the
list page's filter form and column headers (``page_context``, drawn by ``ledger/_filters.html`` and
``ledger/_list_head.html``). The kinds are built on ``ledger.filtering``, so the rule there holds for
every one: on a page and in the API a malformed value is ignored and never widens the result; an export
(``filtering.ExportParams``) refuses it with a Chinese message; the contact filters stay restricted,
throttled and audited.

``ordering`` names a sortable column (``-`` before it: descending); anything else is ignored (an
export refuses it). ``page_size`` is the page's (``ledger.paging``) and the API's (its paginator)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from fazhi.orgs.scoping import visible_orgs
from fazhi.paging import PAGE_SIZES, chosen_size, without

from .filtering import (
    by_deadline,
    by_ids,
    by_party_contact,
    choice,
    flag,
    id_param,
    in_date_range,
    in_unit,
    is_true,
    parse_date,
)

ORDERING = "ordering"


class ListFilter:
    """One declared filter. ``apply`` narrows a scoped queryset; ``openapi`` documents its parameters;
    ``controls`` are what the filter form draws (dicts read by ``ledger/_filters.html``)."""

    def apply(self, queryset: QuerySet, params, user) -> QuerySet:
        raise NotImplementedError

    def openapi(self) -> list[OpenApiParameter]:
        raise NotImplementedError

    def controls(self, params, user) -> list[dict]:
        raise NotImplementedError

    def problems(self, params) -> list[str]:
        """What is wrong with the values chosen, in Chinese, shown beside the filter form: the list still
        ignores a malformed value, but the person is told that it did."""
        return []


def _select(name: str, label: str, options, params) -> dict:
    return {"kind": "select", "name": name, "label": label, "options": options, "value": params.get(name, "")}


def _check(name: str, label: str, params) -> dict:
    return {"kind": "check", "name": name, "label": label, "checked": is_true(params.get(name))}


@dataclass(frozen=True)
class Choice(ListFilter):
    """One of fixed codes, e.g. ``Choice("status", "状态", STATES.choices)``."""

    name: str
    label: str
    choices: Sequence[tuple[str, str]]
    field: str = ""  # the model field; the parameter's name unless given

    def apply(self, queryset, params, user):
        if value := choice(params, self.name, {code for code, _ in self.choices}):
            queryset = queryset.filter(**{self.field or self.name: value})
        return queryset

    def openapi(self):
        codes = "；".join(f"{code} {label}" for code, label in self.choices)
        return [
            OpenApiParameter(
                self.name, str, enum=[c for c, _ in self.choices], description=f"{self.label}：{codes}"
            )
        ]

    def controls(self, params, user):
        return [_select(self.name, self.label, list(self.choices), params)]


@dataclass(frozen=True)
class Unit(ListFilter):
    """A unit by its code, with the units below it; the form offers the units the person sees."""

    name: str
    label: str
    field: str = "org"

    def apply(self, queryset, params, user):
        return in_unit(queryset, params.get(self.name), field=self.field, params=params)

    def openapi(self):
        return [OpenApiParameter(self.name, str, description=f"{self.label}代码（含下级单位）")]

    def controls(self, params, user):
        options = [(org.code, org.name) for org in visible_orgs(user)]
        return [_select(self.name, self.label, options, params)]


@dataclass(frozen=True)
class Ref(ListFilter):
    """A row of a reference list by its id, e.g. the dispute type; the form offers the list's rows."""

    name: str
    label: str
    field: str  # the foreign key
    model: type
    scoped: bool = False  # rows of units (OrgScoped): the form offers only those the person sees

    def apply(self, queryset, params, user):
        if (number := id_param(params, self.name)) is not None:
            queryset = queryset.filter(**{f"{self.field}_id": number})
        return queryset

    def openapi(self):
        return [OpenApiParameter(self.name, int, description=f"{self.label} id")]

    def controls(self, params, user):
        rows = self.model.objects.visible_to(user) if self.scoped else self.model.objects.all()
        options = [(str(row.pk), str(row)) for row in rows]
        return [_select(self.name, self.label, options, params)]


@dataclass(frozen=True)
class DateRange(ListFilter):
    """``start`` ≤ field ≤ ``end``, either side optional (YYYY-MM-DD)."""

    field: str
    label: str
    start: str
    end: str

    def apply(self, queryset, params, user):
        return in_date_range(queryset, params, self.field, self.start, self.end)

    def openapi(self):
        return [
            OpenApiParameter(self.start, OpenApiTypes.DATE, description=f"{self.label}起（YYYY-MM-DD）"),
            OpenApiParameter(self.end, OpenApiTypes.DATE, description=f"{self.label}止（YYYY-MM-DD）"),
        ]

    def problems(self, params):
        found = []
        for param, side in ((self.start, "起"), (self.end, "止")):
            value = (params.get(param) or "").strip()
            if value and parse_date(value) is None:
                found.append(
                    f"{self.label}{side}“{value[:20]}”不是有效日期（应写成 年-月-日，例：2024-03-05），已忽略这一条件。"
                )
        start, end = parse_date(params.get(self.start)), parse_date(params.get(self.end))
        if start and end and start > end:
            found.append(
                f"{self.label}的起始日期 {start} 晚于截止日期 {end}，没有记录能同时满足；请调换后重新筛选。"
            )
        return found

    def controls(self, params, user):
        return [
            {
                "kind": "range",
                "label": self.label,
                "start": self.start,
                "start_value": params.get(self.start, ""),
                "end": self.end,
                "end_value": params.get(self.end, ""),
            }
        ]


@dataclass(frozen=True)
class Flag(ListFilter):
    """A check box: ``name=1`` keeps the records matching ``condition`` (a Q, or queryset → queryset)."""

    name: str
    label: str
    condition: Q | Callable[[QuerySet], QuerySet]

    def apply(self, queryset, params, user):
        if not flag(params, self.name):
            return queryset
        if isinstance(self.condition, Q):
            return queryset.filter(self.condition)
        return self.condition(queryset)

    def openapi(self):
        return [OpenApiParameter(self.name, bool, description=f"只看{self.label}")]

    def controls(self, params, user):
        return [_check(self.name, self.label, params)]


@dataclass(frozen=True)
class Deadline(ListFilter):
    """``overdue=1`` / ``due_soon=1`` over the open records (``filtering.by_deadline``)."""

    closed: frozenset
    overdue: str = "已超期"
    due_soon: str = "即将到期"

    def apply(self, queryset, params, user):
        return by_deadline(queryset, params, self.closed)

    def openapi(self):
        return [
            OpenApiParameter("overdue", bool, description=f"只看{self.overdue}"),
            OpenApiParameter("due_soon", bool, description=f"只看{self.due_soon}"),
        ]

    def controls(self, params, user):
        return [_check("overdue", self.overdue, params), _check("due_soon", self.due_soon, params)]


@dataclass(frozen=True)
class Search(ListFilter):
    """``q``: the text in any of ``fields`` (a path through a relation, e.g. ``parties__name``, finds the
    record once however many of its rows match)."""

    hint: str  # what is searched, in Chinese: the placeholder and the API's description
    fields: tuple[str, ...]
    name: str = "q"
    label: str = "搜索"

    def apply(self, queryset, params, user):
        text = (params.get(self.name) or "").strip()
        if not text:
            return queryset
        return queryset.filter(
            Q.create([_contains(queryset.model, path, text) for path in self.fields], Q.OR)
        )

    def openapi(self):
        return [OpenApiParameter(self.name, str, description=self.hint)]

    def controls(self, params, user):
        control = {"kind": "search", "name": self.name, "label": self.label, "hint": self.hint}
        return [control | {"value": params.get(self.name, "")}]


def _contains(model, path: str, text: str) -> Q:
    """``path`` contains ``text``; through rows that point at the record (its parties) or a many-to-many,
    as the ids of the records they belong to, so that a record is listed once."""
    name, _, rest = path.partition("__")
    relation = model._meta.get_field(name) if rest else None
    if relation is not None and relation.one_to_many:
        rows = relation.related_model._base_manager.filter(**{f"{rest}__icontains": text})
        return Q(pk__in=rows.values(relation.field.attname))
    if relation is not None and relation.many_to_many:
        return Q(pk__in=model._base_manager.filter(**{f"{path}__icontains": text}).values("pk"))
    return Q(**{f"{path}__icontains": text})


@dataclass(frozen=True)
class Contact(ListFilter):
    """``contact`` (a party's full ID number or phone), ``id_number``, ``phone``: exact, by digest, for a
    person who sees personal data, audited and throttled (``filtering.by_party_contact``). The form offers
    ``contact``; the API documents all three."""

    parties: str = "parties"  # the related name of the record's party rows
    label: str = "身份证号/电话"

    def apply(self, queryset, params, user, *, audited: bool = False):
        rows = queryset.model._meta.get_field(self.parties)
        return by_party_contact(
            queryset, params, rows.related_model, rows.field.attname, user=user, audited=audited
        )

    def openapi(self):
        return [
            OpenApiParameter("contact", str, description="当事人身份证号码或电话（完整号码，精确匹配）"),
            OpenApiParameter("id_number", str, description="当事人身份证号码（精确）"),
            OpenApiParameter("phone", str, description="当事人电话（精确）"),
        ]

    def controls(self, params, user):
        control = {"kind": "search", "name": "contact", "label": self.label, "hint": "完整的身份证号码或电话"}
        return [control | {"value": params.get("contact", "")}]


@dataclass(frozen=True)
class ListColumn:
    """A column of the list: its heading and, when sortable, the field it sorts by (``org__path``: the
    unit tree's order). ``key`` is its name in ``ordering``; the field's first part unless given.
    ``order``: the codes in the order to sort by, for a field of codes (the status machine's order
    for ``status``, a field's choices otherwise)."""

    label: str
    sort: str = ""
    key: str = ""
    order: Sequence[tuple[str, str]] = ()

    @property
    def name(self) -> str:
        return self.key or self.sort.split("__")[0]

    def expression(self, model, descending: bool):
        codes = [code for code, _ in self.order or _codes_of(model, self.sort)]
        if codes:
            whens = [When(**{self.sort: code}, then=Value(i)) for i, code in enumerate(codes)]
            value = Case(*whens, default=Value(len(codes)), output_field=IntegerField())
        else:
            value = F(self.sort)
        return value.desc(nulls_last=True) if descending else value.asc(nulls_last=True)


def _codes_of(model, path: str):
    if "__" in path:
        return ()
    if path == "status" and getattr(model, "STATES", None):
        return model.STATES.choices
    try:
        return model._meta.get_field(path).choices or ()
    except FieldDoesNotExist:  # a column the list's queryset annotates (an inspection's 立案): no codes
        return ()


class LedgerFilterSet:
    """A ledger's list filters, in the order the form shows them, and its columns."""

    def __init__(self, *filters: ListFilter, columns: Sequence[ListColumn] = (), page_sizes=PAGE_SIZES):
        self.filters = filters
        self.columns = tuple(columns)
        self.sortable = {column.name: column for column in self.columns if column.sort}
        self.page_sizes = page_sizes

    # --- the queryset -------------------------------------------------------------------------------

    def filter(self, queryset: QuerySet, params, *, user) -> QuerySet:
        """Narrow an already scoped queryset (``Model.objects.visible_to(user)``) by the parameters;
        ``user`` decides the personal-data lookups. Every list also takes ``ids`` (records ticked on its
        page: a bulk export or print)."""
        queryset = by_ids(queryset, params)
        for declared in self.filters:
            queryset = declared.apply(queryset, params, user)
        return queryset

    def sorting(self, params) -> tuple[ListColumn | None, bool]:
        """The column ``ordering`` names and whether descending; (None, False) for none or a malformed one."""
        value = choice(params, ORDERING, {f"{sign}{key}" for key in self.sortable for sign in ("", "-")})
        if not value:
            return None, False
        return self.sortable[value.removeprefix("-")], value.startswith("-")

    def sort(self, queryset: QuerySet, params, default: Sequence[str] = ()) -> QuerySet:
        column, descending = self.sorting(params)
        if column is None:
            return queryset.order_by(*default) if default else queryset
        tie = "-pk" if descending else "pk"  # a page boundary never splits equal values at random
        return queryset.order_by(column.expression(queryset.model, descending), tie)

    def apply(self, queryset: QuerySet, params, *, user, default: Sequence[str] = ()) -> QuerySet:
        return self.sort(self.filter(queryset, params, user=user), params, default)

    def export(self, queryset, *, default: Sequence[str], related: Sequence[str] = ()):
        """(user, params) → the person's records as the list shows them (``queryset(user)`` filtered and
        sorted, by ``default`` unless a column is chosen), ``related`` prefetched: an Excel export's rows."""

        def rows(user, params) -> QuerySet:
            return self.apply(queryset(user), params, user=user, default=default).prefetch_related(*related)

        return rows

    # --- the API ------------------------------------------------------------------------------------

    def parameters(self) -> list[OpenApiParameter]:
        parameters = [parameter for declared in self.filters for parameter in declared.openapi()]
        parameters.append(OpenApiParameter("ids", str, description="只看这些记录：逗号分隔的记录 id"))
        if self.sortable:
            keys = [f"{sign}{key}" for key in self.sortable for sign in ("", "-")]
            labels = "、".join(f"{key} {column.label}" for key, column in self.sortable.items())
            parameters.append(
                OpenApiParameter(
                    ORDERING,
                    str,
                    enum=keys,
                    description=f"排序的列，前加 - 为降序：{labels}；不认识的值不排序",
                )
            )
        return parameters

    # --- the list page ------------------------------------------------------------------------------

    def page_context(self, request) -> dict:
        """The filter form's controls with the values chosen, the column headers with their sort links,
        and the sort and page size the form keeps when the filters change."""
        params = request.GET
        column, descending = self.sorting(params)
        kept = []
        if column is not None:
            kept.append((ORDERING, params[ORDERING]))
        if str(chosen_size(params, self.page_sizes)) == params.get("page_size"):
            kept.append(("page_size", params["page_size"]))
        rest = without(params, "page", ORDERING)
        headers = []
        for each in self.columns:
            header = {"label": each.label, "sort": ""}
            if each.sort:
                current = each is column
                header["sort"] = ("descending" if descending else "ascending") if current else "none"
                target = f"-{each.name}" if current and not descending else each.name
                header["link"] = f"{rest}&{ORDERING}={target}".lstrip("&")
            headers.append(header)
        controls = [c for declared in self.filters for c in declared.controls(params, request.user)]
        export = without(params, "page", "page_size")  # the export takes the filters and the sort
        problems = [problem for declared in self.filters for problem in declared.problems(params)]
        return {
            "filter_controls": controls,
            "filter_problems": problems,
            "filter_kept": kept,
            "headers": headers,
            "export_query": export,
        }
