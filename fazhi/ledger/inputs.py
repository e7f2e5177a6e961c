"""The API's input for an action, made from the action's page form, so that an input is declared once.

The rules: a required form field is required in the API unless it has an ``initial`` value, which is
then the API's default; an optional text or choice defaults to "", any other optional value to null;
a unit (``Organisation``) is given by its code, several units by a list of codes; a choice by its code (``CodeChoiceField``). With
``partial`` (the edit of a record's details) every field but ``version`` may be left out, and only
the fields sent are changed. A form field the rules do not cover (another model, a file) needs an
explicit serializer on the action: ``input_serializer`` refuses it rather than guessing."""

from django import forms
from rest_framework import serializers

from fazhi.ledger.api_fields import CodeChoiceField, OrgCodeField
from fazhi.orgs.models import Organisation

VERSION_HELP = "编辑所基于的版本号（乐观锁）"


def input_serializer(
    form_class, name: str, *, partial: bool = False, kinds: dict | None = None, **extra
) -> type[serializers.Serializer]:
    """A serializer named ``name`` (unique: it names the schema's component) with the form's fields and
    the ``extra`` ones (e.g. nested party rows). ``kinds`` maps a field name to the serializer field
    class the API takes it as (e.g. a type given by its name), made with the form field's presence."""
    kinds = kinds or {}
    fields = {
        key: kinds[key](**_presence(field, partial, None)) if key in kinds else _field(key, field, partial)
        for key, field in form_class.base_fields.items()
    }
    return type(name, (serializers.Serializer,), fields | extra)


def _field(key: str, field: forms.Field, partial: bool) -> serializers.Field:
    if key == "version":
        return serializers.IntegerField(min_value=1, help_text=VERSION_HELP)
    text = _presence(field, partial, "") | ({} if field.required else {"allow_blank": True})
    value = _presence(field, partial, None) | ({} if field.required else {"allow_null": True})
    if isinstance(field, forms.ModelMultipleChoiceField):
        if field.queryset.model is Organisation:  # units ticked on the page, by their codes here
            return OrgCodeField(many=True, **_presence(field, partial, None))
    elif isinstance(field, forms.ModelChoiceField):
        if field.queryset.model is Organisation:
            return OrgCodeField(**value)
    elif isinstance(field, forms.ChoiceField):
        return CodeChoiceField([(code, label) for code, label in field.choices if code != ""], **text)
    elif isinstance(field, forms.BooleanField):
        return serializers.BooleanField(**_presence(field, partial, False))
    elif isinstance(field, forms.DateField):
        return serializers.DateField(**value)
    elif isinstance(field, forms.DecimalField):
        digits = {"max_digits": field.max_digits or 14, "decimal_places": field.decimal_places}
        return serializers.DecimalField(**digits, min_value=field.min_value, **value)
    elif isinstance(field, forms.IntegerField):
        return serializers.IntegerField(min_value=field.min_value, max_value=field.max_value, **value)
    elif isinstance(field, forms.CharField):
        return serializers.CharField(max_length=field.max_length, **text)
    raise TypeError(f"{key}: {type(field).__name__} has no API rule; give the action an explicit serializer")


def _presence(field: forms.Field, partial: bool, default) -> dict:
    """required and default, from the form field's ``required`` and ``initial``."""
    if partial or (isinstance(field, forms.ModelMultipleChoiceField) and not field.required):
        return {"required": False}
    if field.initial is not None:
        return {"required": False, "default": field.initial}
    if field.required:
        return {"required": True}
    return {"required": False, "default": default}
