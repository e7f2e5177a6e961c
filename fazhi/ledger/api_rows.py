"""A ledger's API list read as plain rows: the same JSON as its list serializer gives, without building a
model instance, a prefetch and a serializer field call per value and record.

The plan is made once per serializer class from its declared fields:

- a field of the model, or of a record it points to (``org.code``, ``dispute_type.name``), is read by
  ``.values()`` (``org__code``) and shown by the field's own ``to_representation``;
- a party's ID number and phone (``MaskedPartySerializer``) are read from the masked columns kept at
  write time (``personal.MaskedField``): a list decrypts nothing;
- nested child rows (a dispute's parties) are one ``.values()`` query for the whole page, in the child
  model's order, planned the same way;
- anything else (a property such as ``status_label``, a ``SerializerMethodField``) is computed as the
  serializer computes it, on a record built from the row's own columns (``Model.from_db``; a column the
  row lacks is read on access, so a property never sees a wrong value).

A field the plan cannot read this way (a person shown by name, a many-to-many field) makes the ledger's
list fall back to its serializer: ``rows_plan`` returns None and the list is what it always was. The
tests compare both ways row for row."""

from datetime import date
from decimal import Decimal
from functools import cache

from django.db import models
from django.db.models import ForeignObjectRel
from django.db.models.base import ModelState
from rest_framework import fields as drf
from rest_framework import serializers
from rest_framework.settings import ISO_8601, api_settings

from .api_parties import MaskedPartySerializer
from .personal import masked_field_for

PLAIN = (drf.CharField, drf.IntegerField, drf.BooleanField)
# A column's value is already what these serializer fields would give (text, a whole number, a flag)
SAME = {
    drf.CharField: (models.CharField, models.TextField),
    drf.IntegerField: (models.IntegerField, models.AutoField),
    drf.BooleanField: (models.BooleanField,),
}


# What these serializer fields give for a value already of that type: the value itself (str() of a str,
# int() of an int, a flag of a bool): a property's value of that type is shown without a call.
GIVES = {drf.CharField: str, drf.IntegerField: int, drf.BooleanField: bool}


def _same_type(field, model_field) -> bool:
    kinds = SAME.get(type(field))
    if type(field) is drf.BigIntegerField and not _big_as_text(field):
        kinds = SAME[drf.IntegerField]  # an id: int() of an int, unless big numbers are sent as text
    return bool(kinds) and isinstance(model_field, kinds) and not getattr(model_field, "personal", False)


def _big_as_text(field) -> bool:
    return getattr(field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING)


class Unplannable(Exception):
    """The serializer has a field the plan cannot read from columns."""


class RowsPlan:
    def __init__(self, serializer_class):
        self.serializer = serializer_class()
        self.model = serializer_class.Meta.model
        self.columns: dict[str, str] = {}  # values() key → model path
        self.shown = []  # (output name, kind, …) in the serializer's order
        self.children = []  # (output name, child plan, link attname)
        self.instance_fields: list[str] = []
        for name, field in self.serializer.fields.items():
            self._plan(name, field)
        if any(kind in ("computed", "attribute") for _, kind, *_ in self.shown):
            self._instance_columns()
        self._group()

    # --- planning ---------------------------------------------------------------------------------

    def _plan(self, name, field):
        if field.write_only:
            return
        if isinstance(field, serializers.ListSerializer):
            self._plan_children(name, field)
            return
        if isinstance(field, serializers.SerializerMethodField):
            masked = self._masked(name, field)
            if masked:
                self.columns[masked] = masked
                self.shown.append((name, "column", masked, None))
            else:
                self.shown.append((name, "computed", getattr(self.serializer, field.method_name), None))
            return
        if isinstance(field, serializers.Serializer | serializers.ManyRelatedField):
            raise Unplannable(name)
        path = self._column_path(field)
        if path is None:
            if isinstance(field, serializers.RelatedField):
                raise Unplannable(name)
            attrs = field.source_attrs
            if len(attrs) == 1 and type(field) in PLAIN:  # a property of the record
                self.shown.append((name, "attribute", attrs[0], field.to_representation))
            else:
                self.shown.append((name, "computed", None, field))
            return
        key = "__".join(path)
        self.columns[key] = key
        convert = None if _same_type(field, self._last_field) else _converter(field)
        if len(path) > 1 and field.default is not drf.empty:
            # Through a relation that may be empty: DRF gives the field's default when it is, so the
            # row carries the related record's key to tell "no record" from "a record with no value".
            link = "__".join(path[:-1])
            self.columns[link] = link
            self.shown.append((name, "through", (key, link, field.get_default), convert))
            return
        self.shown.append((name, "column", key, convert))

    def _masked(self, name, field) -> str | None:
        if isinstance(self.serializer, MaskedPartySerializer) and name in ("id_number", "phone"):
            masked = masked_field_for(self.model, name)
            if masked is None:
                raise Unplannable(name)
            return masked.attname
        return None

    def _column_path(self, field) -> list[str] | None:
        """The model path of the column the field shows (``["org", "code"]``), None for a property."""
        attrs = list(field.source_attrs)
        if not attrs:  # source="*": the record itself
            return None
        if isinstance(field, serializers.SlugRelatedField):
            attrs.append(field.slug_field)
        elif isinstance(field, serializers.PrimaryKeyRelatedField):
            attrs.append("pk")
        model = self.model
        for i, attr in enumerate(attrs):
            try:
                model_field = model._meta.pk if attr == "pk" else model._meta.get_field(attr)
            except Exception:
                return None
            if isinstance(model_field, ForeignObjectRel) or model_field.many_to_many:
                raise Unplannable(field.field_name)
            if model_field.is_relation:
                if i == len(attrs) - 1:
                    return None  # a related object shown whole: str() of it, say
                model = model_field.related_model
                continue
            if i != len(attrs) - 1 or not model_field.concrete:
                return None
        self._last_field = model_field
        return attrs

    def _plan_children(self, name, field):
        relation = self.model._meta.get_field(field.source)
        if not isinstance(relation, ForeignObjectRel) or not relation.one_to_many:
            raise Unplannable(name)
        child = RowsPlan(type(field.child))
        self.children.append((name, child, relation.field.attname))
        self.shown.append((name, "children", None, None))

    def _instance_columns(self):
        """Columns a computed field may read: the record's own ones this list shows, and what the kit's
        record fields need (status, due dates); any other column is read on access."""
        local = {f.attname for f in self.model._meta.concrete_fields}
        wanted = {key for key in self.columns if key in local}
        wanted |= {"id", "status", "due_date", *getattr(self.model, "COMPUTED_DATES", ())} & local
        for attname in wanted:
            self.columns.setdefault(attname, attname)
        # in the model's column order: Model.from_db pairs names and values that way
        self.instance_fields = [f.attname for f in self.model._meta.concrete_fields if f.attname in wanted]

    def _group(self):
        """``show``'s work sorted by kind, so that a row costs a loop per kind instead of a test per field;
        the output keeps the serializer's order (``blank``, filled in place)."""
        self.blank = dict.fromkeys(name for name, *_ in self.shown)
        self.copied = [
            (name, what) for name, kind, what, convert in self.shown if kind == "column" and not convert
        ]
        self.converted = [
            (name, what, convert) for name, kind, what, convert in self.shown if kind == "column" and convert
        ]
        self.through = [
            (name, *what, convert) for name, kind, what, convert in self.shown if kind == "through"
        ]
        self.on_record = [
            (name, kind, what, convert, GIVES[type(convert.__self__)] if kind == "attribute" else None)
            for name, kind, what, convert in self.shown
            if kind in ("attribute", "computed")
        ]
        self.child_names = [name for name, kind, *_ in self.shown if kind == "children"]

    # --- reading ----------------------------------------------------------------------------------

    def rows(self, queryset, keys=()) -> tuple[list[dict], list[tuple]]:
        """The rows of ``queryset`` (already sliced to a page) as the serializer shows them, and each
        row's values of ``keys`` (the paginator's sort key)."""
        wanted = {"id", *self.columns, *keys}
        found = list(queryset.prefetch_related(None).values(*sorted(wanted)))
        children = {}
        for name, plan, link in self.children:
            ids = [row["id"] for row in found]
            children[name] = plan.rows_by(link, ids)
        return [self.show(row, children) for row in found], [tuple(row[k] for k in keys) for row in found]

    def rows_by(self, link: str, parent_ids) -> dict:
        """Child rows grouped by their parent's id, in the child model's order."""
        grouped: dict = {}
        if not parent_ids:
            return grouped
        queryset = self.model._default_manager.filter(**{f"{link}__in": parent_ids})
        found = queryset.values(*sorted({"id", link, *self.columns}))
        for row in found:
            grouped.setdefault(row[link], []).append(self.show(row, {}))
        return grouped

    def show(self, row, children) -> dict:
        shown = self.blank.copy()
        for name, key in self.copied:
            shown[name] = row[key]
        for name, key, convert in self.converted:
            value = row[key]
            shown[name] = None if value is None else convert(value)
        for name, key, link, default, convert in self.through:
            value = row[key]
            if row[link] is None:
                shown[name] = default()
            else:
                shown[name] = convert(value) if convert is not None and value is not None else value
        if self.on_record:
            instance = self._instance(row)
            for name, kind, what, convert, gives in self.on_record:
                if kind == "attribute":
                    value = getattr(instance, what)
                    value = value() if drf.is_simple_callable(value) else value
                    if value is None or type(value) is gives:
                        shown[name] = value
                    else:
                        shown[name] = convert(value)
                elif what is not None:  # a SerializerMethodField's method
                    shown[name] = what(instance)
                else:
                    value = convert.get_attribute(instance)
                    shown[name] = None if value is None else convert.to_representation(value)
        for name in self.child_names:
            shown[name] = children[name].get(row["id"], [])
        return shown

    def _instance(self, row):
        # As Model.from_db leaves a record, without its per-field work: the columns read, the others
        # deferred (read from the database on access, never silently empty).
        record = self.model.__new__(self.model)
        record.__dict__.update({name: row[name] for name in self.instance_fields})
        record._state = ModelState()
        record._state.adding = False
        return record


def _converter(field):
    """The field's own ``to_representation``; none for a choice of text codes (it gives the code back);
    for a decimal already at the field's places (as the database returns it) the same text without
    DRF's quantizing per value."""
    if type(field) is drf.ChoiceField and all(type(code) is str for code in field.choices):
        return None
    if type(field) is drf.DateField and getattr(field, "format", api_settings.DATE_FORMAT) == ISO_8601:
        show = field.to_representation

        def day(value):  # what DRF gives for a date: its ISO text, without re-reading its settings per value
            return value.isoformat() if type(value) is date else show(value)

        return day
    if not isinstance(field, drf.DecimalField):
        return field.to_representation
    coerce = getattr(field, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
    if coerce and not field.localize and not field.normalize_output and field.decimal_places is not None:
        places, show = field.decimal_places, field.to_representation

        def decimal(value):
            if isinstance(value, Decimal) and value.is_finite() and value.as_tuple().exponent == -places:
                return f"{value:f}"
            return show(value)

        return decimal
    return field.to_representation


@cache
def rows_plan(serializer_class) -> RowsPlan | None:
    """The plain-rows plan of a list serializer, or None when it has a field the plan cannot read."""
    try:
        return RowsPlan(serializer_class)
    except Unplannable:
        return None
