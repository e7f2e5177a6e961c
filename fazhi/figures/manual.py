"""Hand-entered values and published baselines: storing them (audited) and reading them for an org.

The rule for an organisation's hand-entered value of a year:

* its own value, when it has one — a 街道's figure is what the 街道 reported, never re-added
  from its 社区 (their values are usually already inside it);
* otherwise, the sum over the organisations below it of the values nearest to it: a 社区's value
  counts only when no organisation between it and the asked one has a value of its own.

Baselines (a published report's figures imported for a year) follow the same rule; see
``fazhi.figures.compute`` for when a computed figure falls back to them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import diff, record, snapshot
from fazhi.db import locked_row
from fazhi.errors import FazhiError
from fazhi.ledger.services import require_write
from fazhi.orgs.models import Organisation

from . import registry
from .aggregate import Precompiled
from .models import BASELINE_NOTE, ManualFigure, ManualValue

AUDITED_FIELDS = ["figure_id", "org_id", "year", "value", "note", "baseline"]
LOADER_SOURCE = "manual_figures"


def load_catalogue() -> None:
    """Registry loader: the hand-entered catalogue rows become (hand-entered) registry figures."""
    rows = ManualFigure.objects.filter(kind=ManualFigure.Kind.HAND_ENTERED)
    registry.replace_loaded(
        LOADER_SOURCE,
        [registry.Figure(r.code, r.label, r.unit, None, r.phrase_list(), r.description) for r in rows],
    )


def plain_number(value: Decimal | None):
    """3218.0000 → 3218 (an int); 18.5 stays a Decimal."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else value.normalize()


def manual_value(code: str, org, year: int, *, baseline_only: bool = False) -> tuple[Decimal, bool] | None:
    """(value, is_baseline) of a figure for an org and year by the rule above, or None."""
    return manual_values([code], org, [year]).get(code, year, baseline_only=baseline_only)


@dataclass(frozen=True)
class _Row:
    code: str
    year: int
    org_id: int
    path: str
    value: Decimal
    baseline: bool


class ManualValues:
    """The hand-entered and baseline rows of some figures and years for an org's subtree, read in one
    query; :meth:`get` applies the rule above."""

    def __init__(self, org, rows):
        self.org = org
        self.rows: dict[tuple[str, int], list[_Row]] = {}
        for row in sorted(rows, key=lambda r: len(r.path)):
            self.rows.setdefault((row.code, row.year), []).append(row)

    def get(self, code: str, year: int, *, baseline_only: bool = False) -> tuple[Decimal, bool] | None:
        rows = self.rows.get((code, year), [])
        if baseline_only:
            rows = [r for r in rows if r.baseline]
        if not rows:
            return None
        if rows[0].org_id == self.org.pk:
            return rows[0].value, rows[0].baseline
        nearest: list[_Row] = []
        for row in rows:
            if not any(row.path.startswith(taken.path) for taken in nearest):
                nearest.append(row)
        return sum((r.value for r in nearest), Decimal(0)), all(r.baseline for r in nearest)


# Only the columns the rule reads, for every figure of the years: the figures' values are read on every
# dashboard and report, and the few rows of a subtree's years cost less than a list of codes in the SQL.
_subtree_rows = Precompiled(
    lambda orgs, start, end: (
        ManualValue.objects.filter(org__in=orgs, year__gte=start.year, year__lte=end.year)
        .order_by()
        .values_list("figure__code", "year", "org_id", "org__path", "value", "baseline")
    ),
    by_year=True,
)


def manual_values(codes, org, years, orgs=None) -> ManualValues:
    """The rows of ``codes`` and ``years`` for ``org``'s subtree (``orgs``, when the caller has it)."""
    codes, years = set(codes), set(years)
    if not codes or not years:
        return ManualValues(org, [])
    if orgs is None:
        orgs = Organisation.objects.subtree_of([org])
    rows = _subtree_rows(orgs, datetime.date(min(years), 1, 1), datetime.date(max(years), 12, 31))
    return ManualValues(org, [_Row(*row) for row in rows if row[0] in codes and row[1] in years])


def _number(code: str, value) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise FazhiError(
            f"指标“{code}”的数值“{value}”不是数字，请填写阿拉伯数字。", fields={code: "不是数字"}
        ) from None
    if not number.is_finite():
        raise FazhiError(
            f"指标“{code}”的数值“{value}”不是数字，请填写阿拉伯数字。", fields={code: "不是数字"}
        )
    return number


def _audit_save(actor, row: ManualValue, before: dict | None, action: str) -> None:
    after = snapshot(row, AUDITED_FIELDS)
    record(action, actor=actor, target=row, changes=diff(before or {}, after))


def set_value(actor, code: str, org, year: int, value, note: str = "") -> ManualValue:
    """Enter (or correct) an org's hand-entered value of a year; audited."""
    require_write(actor, org)
    try:
        fig = ManualFigure.objects.get(code=code, kind=ManualFigure.Kind.HAND_ENTERED)
    except ManualFigure.DoesNotExist:
        raise FazhiError(
            f"“{code}”不是手工填报指标，请先在“手工指标”目录中添加。", code="not_found"
        ) from None
    number = _number(code, value)
    with transaction.atomic():
        row = locked_row(ManualValue.objects.filter(figure=fig, org=org, year=year))
        before = snapshot(row, AUDITED_FIELDS) if row else None
        if row is None:
            row = ManualValue(figure=fig, org=org, year=year)
        row.value, row.note, row.baseline, row.entered_by = number, note, False, actor
        row.save()
        _audit_save(actor, row, before, Action.UPDATE if before else Action.CREATE)
    return row


def delete_value(actor, row: ManualValue) -> None:
    require_write(actor, row.org)
    with transaction.atomic():
        before = snapshot(row, AUDITED_FIELDS)
        record(Action.DELETE, actor=actor, target=row, changes=diff(before, {}))
        row.delete()


def _catalogue_row_for(code: str) -> ManualFigure:
    row = ManualFigure.objects.filter(code=code).first()
    if row is not None:
        return row
    try:
        fig = registry.get(code)
    except KeyError:
        raise FazhiError(
            f"没有代码为“{code}”的指标，无法导入其数值；请核对指标代码。", code="not_found"
        ) from None
    return ManualFigure.objects.create(
        code=fig.code,
        label=fig.label,
        unit=fig.unit,
        phrases="、".join(fig.phrases),
        kind=ManualFigure.Kind.HAND_ENTERED if fig.hand_entered else ManualFigure.Kind.BASELINE,
    )


def import_baseline(actor, org, year: int, figures: dict) -> dict[str, list[str]]:
    """Store a published report's figures {code: value} as ``org``'s values for ``year``.

    Stored as ManualValue rows marked as baseline (note "来自已发布报告"). A value a person entered
    by hand for that org and year is kept, never overwritten by a baseline. Returns the codes
    {"stored": [...], "kept": [...]}. Audited as one import entry.
    """
    require_write(actor, org)
    numbers = {code: _number(code, value) for code, value in figures.items()}
    stored, kept, changes = [], [], {}
    with transaction.atomic():
        for code, number in numbers.items():
            fig = _catalogue_row_for(code)
            row = locked_row(ManualValue.objects.filter(figure=fig, org=org, year=year))
            if row is not None and not row.baseline:
                kept.append(code)
                continue
            old = row.value if row else None
            if row is None:
                row = ManualValue(figure=fig, org=org, year=year)
            row.value, row.note, row.baseline, row.entered_by = number, BASELINE_NOTE, True, actor
            row.save()
            stored.append(code)
            changes[code] = [str(old) if old is not None else None, str(number)]
        record(
            Action.IMPORT,
            actor=actor,
            target_type="figures.manualvalue",
            target_repr=f"{org.name}{year}年基线（{BASELINE_NOTE}）",
            org_id=org.pk,
            changes=changes,
        )
    registry.mark_stale()
    return {"stored": stored, "kept": kept}
