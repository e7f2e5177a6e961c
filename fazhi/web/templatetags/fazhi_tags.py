from django import template

register = template.Library()


@register.filter
def verbose_name(obj) -> str:
    return obj._meta.verbose_name


@register.filter
def yuan(value) -> str:
    """An amount in 元 written as the reports do: 1880万元 above ten thousand, else 元."""
    if value in (None, ""):
        return ""
    value = float(value)
    if abs(value) >= 10000:
        return f"{value / 10000:,.4f}".rstrip("0").rstrip(".") + "万元"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + "元"


@register.inclusion_tag("web/_attachments.html", takes_context=True)
def attachments_panel(context, record):
    """The attachments of a ledger record, and the upload form when the person may change it."""
    from django.contrib.contenttypes.models import ContentType

    from fazhi.ledger.attachments import ALLOWED_TYPES, attachments_of

    request = context["request"]
    return {
        "record": record,
        "attachments": attachments_of(record),
        "content_type_id": ContentType.objects.get_for_model(record).pk,
        "may_upload": may_change(request.user, record),
        "accept": ",".join(sorted(ALLOWED_TYPES)),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def may_change(user, record) -> bool:
    """Whether the page offers the record's change actions: the scoping rule's write side."""
    from fazhi.orgs.scoping import can_write

    return can_write(user, record.org)


@register.filter
def registers_anywhere(user) -> bool:
    """Whether the page offers registering or importing records: the person writes in some unit."""
    from fazhi.orgs.scoping import visible_orgs

    return visible_orgs(user, write=True).exists()
