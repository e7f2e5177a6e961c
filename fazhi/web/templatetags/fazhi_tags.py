from django import template

register = template.Library()


@register.filter
def verbose_name(obj) -> str:
    return obj._meta.verbose_name


@register.filter
def yuan(value) -> str:
    """A figure's amount in 元 as the dashboard shows it: 万元 with two decimals from ten thousand up
    (211.61万元), else 元 with at most two decimals."""
    if value not in (None, "") and abs(float(value)) >= 10000:
        return f"{float(value) / 10000:,.2f}万元"
    return amount(value)


@register.filter
def amount(value) -> str:
    """A record's own amount, to the fen, in 元 with thousands separated: 12,345.5元 (a record page states
    what was agreed or fined, not a rounded figure)."""
    if value in (None, ""):
        return ""
    return f"{float(value):,.2f}".rstrip("0").rstrip(".") + "元"


@register.inclusion_tag("web/_attachments.html", takes_context=True)
def attachments_panel(context, record):
    """The attachments of a ledger record, and the upload form when the person may change it."""
    from django.contrib.contenttypes.models import ContentType

    from fazhi.ledger.attachments import ALLOWED_TYPES, attachments_of

    if context.get("printing"):  # the print view prints the case, not its files
        return {"printing": True}
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


@register.filter
def provisional_flag(value, style: str = "short"):
    """「暂定」 after a due date counted through a year without a holiday notice (LEGAL-RULES.md §1).

    value: a ledger record (its computed dates), a Deadline, or a date the engine computed. style "long"
    writes the reason out (record pages); "short" keeps it in the tooltip (lists, the home board).
    """
    from django.utils.html import format_html

    from fazhi.deadlines.calendar import PROVISIONAL_LABEL, is_provisional, provisional_reason

    if value is None or value == "":
        return ""
    reason = getattr(value, "provisional_reason", None)
    if reason is None:  # a bare computed date
        reason = provisional_reason(value.year) if is_provisional(value) else ""
    if not reason:
        return ""
    if style == "long":
        return format_html(
            ' <span class="flag provisional">{}</span> <span class="muted">{}，录入通知后自动重新计算</span>',
            PROVISIONAL_LABEL,
            reason,
        )
    return format_html(' <span class="flag provisional" title="{}">{}</span>', reason, PROVISIONAL_LABEL)
