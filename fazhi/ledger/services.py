"""The only way ledger records are created and changed.

Each function checks the actor's right through the scoping rule, runs in one transaction and
writes the audit entry in it. Ledger apps build their own services on these.
"""

import datetime

from django.db import models, transaction
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.services import diff, record, snapshot
from fazhi.dates import cn_date, today
from fazhi.errors import FazhiError, NotPermitted, StaleEdit
from fazhi.orgs.scoping import can_write, sees_personal_data, unit_label

from .holders import check_holder
from .models import Numbered, Stateful, Versioned
from .numbering import next_number

BOOKKEEPING = {"version", "updated_at", "updated_by_id", "created_at", "created_by_id"}
# Set here, never typed by a person: a record without a creator (generated, or loaded before creators were
# kept) must stay changeable, so these are not validated as if they were input.
NOT_VALIDATED = ["number", "created_by", "updated_by"]


def _audited_snapshot(instance) -> dict:
    data = snapshot(instance)
    for name in BOOKKEEPING:
        data.pop(name, None)
    for field in instance._meta.concrete_fields:
        # Personal data is audited as "changed", never as its value.
        if getattr(field, "personal", False) and data.get(field.attname):
            data[field.attname] = "（已加密）"
    return data


def require_write(actor, org) -> None:
    if not can_write(actor, org):
        raise NotPermitted(f"您无权在{unit_label(actor, org)}登记或修改记录；如需权限，请联系系统管理员。")


# Free text of one field (a summary, an opinion, notes): some 15 pages of Chinese. A model field that
# declares its own max_length is checked by full_clean; this bounds the others.
MAX_TEXT_LENGTH = 20_000


def check_text_lengths(instance) -> None:
    """A FazhiError keyed by field (shown on the form's field, or as the API's 400) for any text beyond
    MAX_TEXT_LENGTH characters."""
    errors = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH and not field.max_length:
            errors[field.name] = (
                f"“{field.verbose_name}”最多{MAX_TEXT_LENGTH:,}字（现为{len(value):,}字）；"
                "请精简，或把详细材料作为附件上传。"
            )
    if errors:
        raise FazhiError("；".join(errors.values()), fields=errors, code="invalid")


# Plausible dates, one rule for every date field of every ledger model and its parts (sessions, hearings,
# rounds), on pages, in the API and in Excel imports: not before EARLIEST_DATE, and not after today —
# except a deadline (a field named due_date or *_due), which may lie up to DEADLINE_YEARS_AHEAD years
# ahead, and a field the model declares in DATES_AHEAD = {"field": years} (a performance date).
EARLIEST_DATE = datetime.date(2000, 1, 1)
DEADLINE_YEARS_AHEAD = 5


def years_ahead(model, name: str) -> int:
    """How many years after today the model's date field ``name`` may lie (0: not after today)."""
    declared = getattr(model, "DATES_AHEAD", {})
    if name in declared:
        return declared[name]
    return DEADLINE_YEARS_AHEAD if name == "due_date" or name.endswith("_due") else 0


def _latest(years: int, day: datetime.date | None = None) -> datetime.date:
    day = day or today()
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def date_problems(instance, before: dict | None = None) -> dict[str, str]:
    """Field name → what is wrong, for each date outside its plausible range; with ``before`` (attname →
    value before the change), only the dates that changed: an old record is not refused for a date it
    already had."""
    problems, computed = {}, {}
    derived = set(getattr(instance, "COMPUTED_DATES", ()))
    now = today()  # once: an import asks this for every row
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.DateField) or isinstance(field, models.DateTimeField):
            continue
        found = computed if field.name in derived else problems
        value = getattr(instance, field.attname, None)
        if not isinstance(value, datetime.date) or (
            before is not None and before.get(field.attname) == value
        ):
            continue
        years = years_ahead(type(instance), field.name)
        latest = _latest(years, now)
        if value < EARLIEST_DATE:
            found[field.name] = (
                f"“{field.verbose_name}”不能早于{cn_date(EARLIEST_DATE)}（填的是{cn_date(value)}）"
            )
        elif value > latest:
            limit = f"今天起{years}年" if years else "今天"
            found[field.name] = (
                f"“{field.verbose_name}”不能晚于{limit}（{cn_date(latest)}），填的是{cn_date(value)}"
            )
    # A date the deadline engine derives from a wrong typed date is wrong because of it: named only alone.
    return problems or computed


def check_dates(instance, before: dict | None = None) -> None:
    """A FazhiError keyed by field for any implausible date (see date_problems)."""
    problems = date_problems(instance, before)
    if problems:
        raise FazhiError("；".join(problems.values()) + "；请核对。", fields=problems, code="invalid")


def _dates(instance) -> dict:
    return {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if isinstance(f, models.DateField)
    }


def save_part(instance):
    """Check and save a part of a record (a mediation session, a hearing, a review round) inside the
    record's own service: the same bounds on text and dates as the record itself."""
    check_text_lengths(instance)
    check_dates(instance)
    instance.save()
    return instance


def _part_value(instance, field) -> object:
    """A part's field as the audit line shows it: the unit's name, the choice's label, 是/否, an ISO date
    (which the history shows as a Chinese date) — the keys are free-form, so the words are stored."""
    value = getattr(instance, field.attname)
    if value in (None, ""):
        return None
    if field.many_to_one:
        return str(getattr(instance, field.name))
    if field.choices:
        return str(dict(field.choices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "是" if value else "否"
    return value.isoformat() if isinstance(value, datetime.date) else value


def save_audited_part(instance) -> dict:
    """``save_part``, and the audit lines of what changed in the part — "承办单位（甲街道一社区（协办））·承办内容":
    [before, after] — for the record's service to return from its ``apply``: ``update`` writes them in the
    record's one audit entry, so a part added or changed is audited by field, not as a bare version bump."""
    model = type(instance)
    old = model._default_manager.filter(pk=instance.pk).first() if instance.pk else None
    save_part(instance)
    label = str(instance)
    label = label if len(label) <= 30 else label[:29] + "…"
    prefix = f"{model._meta.verbose_name}（{label}）"
    changes, owners = {}, _owner_fields(model)
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in owners:
            continue  # the record it belongs to is the entry's target
        after = _part_value(instance, field)
        before = _part_value(old, field) if old is not None else None
        if before != after:
            changes[f"{prefix}·{field.verbose_name}"] = [before, after]
    return changes


def _owner_fields(model) -> set[str]:
    """The foreign keys from a part to a ledger record (its ``item``, ``dispute``, ``case``)."""
    return {
        f.name
        for f in model._meta.concrete_fields
        if f.many_to_one and issubclass(f.related_model, Versioned)
    }


def create(actor, instance, *, year: int | None = None):
    """Number (a Numbered record), save and audit a new record held by a unit of a kind its ledger allows;
    a Stateful one starts in its initial status."""
    require_write(actor, instance.org)
    check_holder(type(instance), instance.org)
    with transaction.atomic():
        if isinstance(instance, Stateful) and not instance.status:
            instance.status = instance.STATES.initial
        if isinstance(instance, Numbered):
            year = year or timezone.localdate().year
            instance.number = next_number(instance.org, instance.NUMBER_KIND, year)
        instance.created_by = instance.updated_by = actor
        check_text_lengths(instance)
        check_dates(instance)
        instance.full_clean(exclude=NOT_VALIDATED)
        instance.save(force_insert=True)
        record(Action.CREATE, actor=actor, target=instance, changes=diff({}, _audited_snapshot(instance)))
    return instance


def require_editable(fields, editable) -> None:
    """Refuse an edit naming a field outside the page's editable ones (an API client may send any key)."""
    if unknown := set(fields) - set(editable):
        raise FazhiError(f"这些字段不能在此修改：{'、'.join(sorted(unknown))}。")


def update(
    actor, instance, expected_version: int, apply, *, action: str = Action.UPDATE, hands_back: bool = False
):
    """Apply ``apply(fresh)`` to a fresh copy of the record, unless someone saved it since
    ``expected_version`` (the version the person's form was made from): then refuse, never overwrite.
    ``apply`` may return the audit lines of the parts it saved (``save_audited_part``): one entry holds
    the record's changed fields and its parts'.
    ``hands_back``: ``apply`` may move the record to a unit the actor cannot write (a 退回 to the unit
    that dispatched it); the move is then the service's own rule, checked there.
    """
    model = type(instance)
    with transaction.atomic():
        fresh = model.objects.select_for_update().get(pk=instance.pk)
        require_write(actor, fresh.org)
        if fresh.version != expected_version:
            who = fresh.updated_by or "其他人"
            when = timezone.localtime(fresh.updated_at)
            raise StaleEdit(
                f"保存失败：该记录已被{who}于{cn_date(when)} {when:%H:%M}修改（您编辑的是旧版本）。"
                "请刷新页面查看最新内容后重新修改。"
            )
        before = _audited_snapshot(fresh)
        dates_before = _dates(fresh)
        org_before = fresh.org
        # apply may return the audit lines of the parts it wrote (save_audited_part), kept in this entry
        part_changes = apply(fresh)
        if fresh.org != org_before and not hands_back:
            require_write(actor, fresh.org)
        fresh.updated_by = actor
        check_text_lengths(fresh)
        check_dates(fresh, dates_before)
        fresh.full_clean(exclude=NOT_VALIDATED)
        # The version checked above is final: the row is locked to the end of the transaction (PostgreSQL's
        # FOR UPDATE; SQLite's transactions take the write lock at their start), so the new one is saved with
        # the rest, in the one UPDATE (tests/robustness/test_concurrent_edits.py: exactly one of two wins).
        fresh.version = expected_version + 1
        fresh.save()
        changes = diff(before, _audited_snapshot(fresh))
        if isinstance(part_changes, dict):
            changes |= part_changes
        record(action, actor=actor, target=fresh, changes=changes)
    return fresh


def transition(actor, instance, expected_version: int, target: str, apply=None, *, hands_back: bool = False):
    """Move a record to another status, if its status machine allows it."""

    def change(fresh):
        fresh.STATES.check(fresh.status, target)
        fresh.status = target
        return apply(fresh) if apply else None

    return update(actor, instance, expected_version, change, action=Action.TRANSITION, hands_back=hands_back)


def delete(actor, instance, expected_version: int) -> None:
    model = type(instance)
    with transaction.atomic():
        fresh = model.objects.select_for_update().get(pk=instance.pk)
        require_write(actor, fresh.org)
        if fresh.version != expected_version:
            raise StaleEdit("删除失败：该记录已被他人修改，请刷新页面确认后再删除。")
        record(Action.DELETE, actor=actor, target=fresh, changes=diff(_audited_snapshot(fresh), {}))
        fresh.delete()


def parties_text(parties) -> str:
    """The parties as the audit trail names them: "申请人 张三；被申请人 李四"."""
    return "；".join(str(party) for party in parties)


def reveal_parties(actor, ledger_record) -> list[dict]:
    """The record's parties with ID numbers and phones unmasked, for a role that may see them; the
    looking is written to the audit trail in the same transaction."""
    if not sees_personal_data(actor, ledger_record.org):
        raise NotPermitted("您的角色不能查看当事人完整的身份证号码和电话。")
    parties = list(ledger_record.parties.all())
    with transaction.atomic():
        record(
            Action.VIEW_PERSONAL,
            actor=actor,
            target=ledger_record,
            changes={"查看": [None, parties_text(parties)]},
        )
    return [
        {"id": p.pk, "name": p.name, "role": p.role, "id_number": p.id_number, "phone": p.phone}
        for p in parties
    ]
