"""Which kinds of unit may hold a ledger's records (``Ledger.holder_kinds`` in ``<app>/ledger.py``), in
one place: ``services.create`` refuses any other unit (so the API and every app service do too), the
forms offer only ``holder_units``, and the Excel import names the row's unit (``UnitResolver``).
A model of no registered ledger, or a ledger declaring no kinds, may be held by any unit."""

from fazhi.errors import FazhiError
from fazhi.orgs.models import Kind

from .registry import ledger_of


def holder_kinds(model) -> frozenset[str]:
    ledger = ledger_of(model)
    return ledger.holder_kinds if ledger else frozenset()


def holder_problem(model, org) -> str:
    """Why ``org`` may not hold a ``model`` record, in Chinese naming the unit and the allowed kinds; "" if it may."""
    kinds = holder_kinds(model)
    if not kinds or org is None or org.kind in kinds:
        return ""
    allowed = "、".join(label for value, label in Kind.choices if value in kinds)
    what = model._meta.verbose_name
    return f"“{org.name}”是{org.get_kind_display()}，不能承办{what}；请改选以下类别的单位：{allowed}。"


def check_holder(model, org, *, field: str = "org") -> None:
    """Refuse ``org`` as the holder of a new ``model`` record (a FazhiError keyed by ``field``)."""
    if problem := holder_problem(model, org):
        raise FazhiError(problem, fields={field: problem}, code="invalid")


def holder_units(model, units):
    """The units among ``units`` (e.g. ``visible_orgs(user, write=True)``) that may hold ``model`` records."""
    kinds = holder_kinds(model)
    return units.filter(kind__in=kinds) if kinds else units


def role_units(model, role: str, units):
    """The units among ``units`` of the kinds the ledger declares for ``role`` (``Ledger.unit_kinds``, e.g.
    the units that assist in a dispute): the form offers the same units the start-up check knows."""
    ledger = ledger_of(model)
    return units.filter(kind__in=ledger.unit_kinds[role])
