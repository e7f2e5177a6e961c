"""The API every ledger has, from the same declaration as its pages (``fazhi.ledger.pages.LedgerPages``).

A subclass of ``LedgerViewSet`` names its pages, output serializers and list filter. The base gives the
list (scoped, filtered), the detail, the create, one route per action (its input made from the form by
``ledger.inputs`` unless the row names a serializer; the record as it is afterwards), ``update`` as
``partial_update``, and ``reveal`` for a ledger with parties. Views never filter for permission
themselves: the scope is the ledger's queryset, and the services check the write side."""

import keyword

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.errors import TransitionNotAllowed
from fazhi.ledger.api_parties import RevealedPartySerializer
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import can_write

from .api_rows import rows_plan
from .inputs import input_serializer
from .models import LedgerRecord
from .pages import LedgerPages, PageAction, unavailable_message
from .services import reveal_parties

EDIT = "partial_update"  # the ``api`` name of the action that edits a record's details (PATCH and PUT)


class LedgerSerializer(serializers.ModelSerializer):
    """A ledger model as the API shows it: a unit (or several) by its code, as the API takes units, and a
    person by name, so that a serializer lists such fields without restating how they are shown."""

    def build_relational_field(self, field_name, relation_info):
        many = {"many": relation_info.to_many}
        if relation_info.related_model is Organisation:
            return serializers.SlugRelatedField, {"slug_field": "code", "read_only": True, **many}
        if relation_info.related_model is get_user_model():
            return serializers.StringRelatedField, many
        return super().build_relational_field(field_name, relation_info)


class RecordSerializer(LedgerSerializer):
    """The shape every ledger record shares; a ledger's serializer lists ``RECORD_FIELDS`` and its own."""

    org = serializers.CharField(source="org.code")
    org_name = serializers.CharField(source="org.name")
    status_label = serializers.CharField()
    deadline_status = serializers.SerializerMethodField(
        help_text="overdue 已超期；due_soon 即将到期；ok 未到期"
    )
    provisional = serializers.BooleanField(
        read_only=True, help_text="true：期限跨入尚未录入节假日安排的年份，暂按周末和固定日期节假日计算"
    )
    provisional_reason = serializers.CharField(
        read_only=True, help_text="暂定的原因，如“2027年节假日安排尚未录入”"
    )

    def get_deadline_status(self, record) -> str:
        return record.deadline_status()


RECORD_FIELDS = [
    "id",
    "number",
    "version",
    "status",
    "status_label",
    "org",
    "org_name",
    "deadline_status",
    "provisional",
    "provisional_reason",
]


def own_fields(model, *, exclude=()) -> list[str]:
    """The fields ``model`` declares itself, in declaration order: not the kit's record base (``RECORD_FIELDS``
    says which of those an API shows), not many-to-many ones (a detail shows those), not ``exclude``. A
    serializer that shows a model as it is names its fields once, in the model."""
    skip = set(exclude)
    if issubclass(model, LedgerRecord):
        skip |= {"id", *(f.name for f in LedgerRecord._meta.fields)}
    return [
        f.name for f in model._meta.get_fields() if f.concrete and not f.many_to_many and f.name not in skip
    ]


class ActivitySerializer(LedgerSerializer):
    """The shape an activity record (no number, no status: a study session, a 普法 event) shares."""

    org = serializers.CharField(source="org.code")
    org_name = serializers.CharField(source="org.name")


ACTIVITY_FIELDS = ["id", "version", "org", "org_name"]


class Inputs:
    """Validated request data as a plain dict (the services take keyword arguments)."""

    def _input(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class LedgerViewSet(Inputs, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    pages: LedgerPages | None = None  # scope, actions and the create service
    serializer_class = None  # the list's shape
    detail_serializer = None  # the detail's shape (what every write answers); default: serializer_class
    create_serializer = None  # input of the create, when it cannot be made from the page's form
    create_summary = ""
    list_summary = ""
    filters = None  # the list's LedgerFilterSet (ledger.filters): the pages' first list's unless given
    api_fields: dict = {}  # form field name → the serializer field class the API takes it as (ledger.inputs)
    list_related: tuple = ()  # prefetched for the list and the detail
    # The list read as plain rows (``ledger.api_rows``: masked columns, no per-record serializer); a
    # ledger whose list shows what the plan cannot read falls back to the serializer by itself.
    list_rows = True
    detail_related: tuple = ()  # prefetched for the detail only

    def get_queryset(self):
        queryset = self.pages.queryset(self.request.user).prefetch_related(*self.list_related)
        if self.action != "list":
            return queryset.prefetch_related(*self.detail_related)
        if self.filters is None:  # a ledger without a declared list: the scoped records, unfiltered
            return queryset
        # filtered and sorted as on the list page (``ordering``); ``page_size`` is the paginator's
        return self.filters.apply(queryset, self.request.query_params, user=self.request.user)

    def get_serializer_class(self):
        return self.serializer_class if self.action == "list" else self._detail_serializer()

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        data = page if self._rows_plan() else self.get_serializer(page, many=True).data
        return self.get_paginated_response(data)

    def _rows_plan(self):
        return rows_plan(self.serializer_class) if self.list_rows and self.action == "list" else None

    def page_rows(self, queryset, keys):
        """A page of the list (``fazhi.api.pagination``): plain rows when the plan can read them, the
        records otherwise; and each row's sort key."""
        plan = self._rows_plan()
        if plan is not None:
            return plan.rows(queryset, keys)
        records = list(queryset)
        return records, [tuple(getattr(record, key) for key in keys) for record in records]

    @classmethod
    def _detail_serializer(cls):
        return cls.detail_serializer or cls.serializer_class

    def _detail(self, record, code=status.HTTP_200_OK):
        fresh = get_object_or_404(self.get_queryset(), pk=record.pk)
        return Response(self._detail_serializer()(fresh).data, status=code)

    def _run(self, page_action: PageAction, serializer):
        record = self.get_object()
        user = self.request.user
        # A person who may change the record is told why the action does not apply now; anyone else
        # gets the service's refusal of the write itself.
        if can_write(user, record.org) and not page_action.available(record, user):
            raise TransitionNotAllowed(unavailable_message(page_action, record))
        saved = page_action.call(user, record, self._input(serializer))
        return self._detail(saved, status.HTTP_201_CREATED if page_action.creates else status.HTTP_200_OK)

    def _create(self, request):
        new = self.pages.new
        data = self._input(self.create_serializer)
        if "parties" in data:
            data["parties"] = [new.party(**row) for row in data["parties"]]
        return self._detail(new.run(request.user, **data), status.HTTP_201_CREATED)

    def _reveal(self, request, pk=None):
        return Response(reveal_parties(request.user, self.get_object()))

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.pages is None:
            return
        detail = cls._detail_serializer()
        if cls.filters is None and cls.pages.lists:
            cls.filters = cls.pages.lists[0].filters
        if cls.list_summary:
            parameters = cls.filters.parameters() if cls.filters else []
            cls.list = extend_schema(parameters=parameters, summary=cls.list_summary)(_named("list", _list))
        model = cls.serializer_class.Meta.model.__name__
        new = cls.pages.new
        if new and not cls.create_serializer:
            cls.create_serializer = _create_input(new, model, cls.api_fields)
        if cls.create_serializer:
            schema = extend_schema(
                request=cls.create_serializer, responses={201: detail}, summary=cls.create_summary
            )
            cls.create = schema(_named("create", cls._create))
        for name, page_action in cls.pages.actions.items():
            api = page_action.api or (EDIT if name == "edit" else _method_name(name))
            serializer = page_action.serializer or input_serializer(
                page_action.form,
                model + name.title().replace("_", "") + "Input",
                partial=api == EDIT,
                kinds=cls.api_fields,
            )
            path = page_action.api_path or page_action.api or name
            _add_route(cls, api, path, page_action, serializer, detail)
        if cls.pages.has_parties:
            schema = extend_schema(
                request=None, responses=RevealedPartySerializer(many=True), summary="查看完整个人信息（留痕）"
            )
            cls.reveal = schema(
                action(detail=True, methods=["post"], url_path="reveal")(_named("reveal", cls._reveal))
            )


def _method_name(action_name: str) -> str:
    """The viewset method of an action: its name, unless that is a Python keyword or already a viewset's
    (``dispatch``); its URL keeps the action's name (``api_path``)."""
    taken = keyword.iskeyword(action_name) or hasattr(LedgerViewSet, action_name)
    return f"{action_name}_action" if taken else action_name


def _list(self, request, *args, **kwargs):
    return LedgerViewSet.list(self, request, *args, **kwargs)


def _named(name, function):
    """A fresh function per viewset and route: the schema decorator writes on the function itself."""

    def route(self, request, *args, **kwargs):
        return function(self, request, *args, **kwargs)

    route.__name__ = route.__qualname__ = name
    return route


def _create_input(new, model: str, kinds: dict):
    extra = {}
    if new.parties:
        rows = input_serializer(new.parties.form, f"{model}PartyInput")
        extra["parties"] = rows(many=True, allow_empty=False)
    return input_serializer(new.form, f"{model}CreateInput", kinds=kinds, **extra)


def _add_route(cls, name: str, path: str, page_action: PageAction, serializer, detail) -> None:
    responses = {201: detail} if page_action.creates else detail
    schema = extend_schema(request=serializer, responses=responses, summary=page_action.title)

    def run(self, request, *args, **kwargs):
        return self._run(page_action, serializer)

    if name == EDIT:
        cls.partial_update = schema(_named(EDIT, run))
        cls.update = schema(_named("update", run))
        return
    route = action(detail=True, methods=["post"], url_path=path, url_name=path)(_named(name, run))
    setattr(cls, name, schema(route))
