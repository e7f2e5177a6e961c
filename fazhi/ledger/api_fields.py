"""Serializer fields every ledger's API shares."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from fazhi.orgs.models import Organisation


class OrgCodeField(serializers.SlugRelatedField):
    """An organisation given by its code (e.g. "wuchang-tw")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Organisation.objects.filter(active=True))
        super().__init__(slug_field="code", **kwargs)
        self.error_messages["does_not_exist"] = "没有代码为“{value}”的单位，请核对单位代码。"


@extend_schema_field({"type": "string"})
class CodeChoiceField(serializers.ChoiceField):
    """A choice given by its code, documented as text listing the codes: ledgers have choice sets
    under the same field names ("kind", "role"), and shared enum names in the schema would collide."""

    def __init__(self, choices, **kwargs):
        listing = "；".join(f"{code}={label}" for code, label in choices)
        kwargs["help_text"] = (kwargs.get("help_text", "") + " 可选：" + listing).strip()
        super().__init__(choices, **kwargs)


class _Named(serializers.SlugRelatedField):
    slug, choices_from, missing = "", None, ""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", self.choices_from.all())
        super().__init__(slug_field=self.slug, **kwargs)
        self.error_messages["does_not_exist"] = self.missing


def named_by(slug_field: str, queryset, missing: str, **preset):
    """An ``api_fields`` entry (``ledger.inputs``): the API names a related record by its ``slug_field``
    among ``queryset`` (a type by its name, a person by the user name); ``missing`` says in Chinese that
    ``{value}`` names none and where to look; ``preset`` e.g. ``allow_null=True`` or ``many=True``."""
    field_class = type(
        "NamedField", (_Named,), {"slug": slug_field, "choices_from": queryset, "missing": missing}
    )
    return lambda **kwargs: field_class(**preset, **kwargs)
