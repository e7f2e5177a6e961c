"""Template tags of the ledger pages."""

from django import template

register = template.Library()
_RECORDS_OWN = object()  # no ``due`` given: the record's own due date


@register.inclusion_tag("ledger/_deadline.html")
def deadline(record, due=_RECORDS_OWN, open_only=False, empty="—", flag=True, long=False):
    """The one place a record's due date and its flag are drawn: ``{% deadline record %}``.

    ``due`` is the date shown when it is not ``record.due_date`` (a case shows its reply date); the flag
    is the deadline engine's verdict on the record (none once it is closed). ``open_only`` shows
    ``empty`` for a closed record, as the lists do; ``flag=False`` leaves the flag out (the home board's
    tables are already headed 已超期 / 即将到期). A date counted through a year without a holiday notice is
    marked 「暂定」 whatever the options, with its reason written out where ``long`` (record pages)."""
    if due is _RECORDS_OWN:
        due = record.due_date
    if open_only and record.is_closed:
        due = None
    return {
        "due": due,
        "status": record.deadline_status() if due and flag else "ok",
        "empty": empty,
        "record": record,  # its 「暂定」 flag is drawn by the one provisional_flag filter
        "long": long,
    }
