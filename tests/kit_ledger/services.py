"""The ledger's rules; every write goes through fazhi.ledger.services (scope, holder kind, lock, audit)."""

from fazhi.errors import FazhiError
from fazhi.ledger import services as ledger

from .models import CANCELLED, DONE, Notice

EDITABLE = ("title", "issued_on", "note")


def register(actor, *, org, title, issued_on, note="") -> Notice:
    notice = Notice(org=org, title=title, issued_on=issued_on, note=note)
    notice.refresh_deadlines()
    return ledger.create(actor, notice, year=issued_on.year)


def update_details(actor, notice, version, **fields) -> Notice:
    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        fresh.refresh_deadlines()

    return ledger.update(actor, notice, version, apply)


def finish(actor, notice, version, *, done_on, result) -> Notice:
    def apply(fresh):
        if done_on < fresh.issued_on:
            message = "办结日期不能早于交办日期。"
            raise FazhiError(message, fields={"done_on": message})
        fresh.done_on, fresh.result = done_on, result

    return ledger.transition(actor, notice, version, DONE, apply)


def cancel(actor, notice, version, *, reason) -> Notice:
    def apply(fresh):
        fresh.close_reason = reason

    return ledger.transition(actor, notice, version, CANCELLED, apply)
