"""The pieces every ledger's list filter is made of, so that a parameter means the same in every ledger,
on its page, in its API and in its Excel export. On a page or in the API, malformed values are ignored
rather than widening the result; an unknown unit code gives nothing. An export reads its parameters
through :class:`ExportParams`, which refuses a malformed or unknown parameter instead: a file of the
whole ledger must never come out of a typo."""

import contextlib
import datetime
import unicodedata

from django.db.models import Model, QuerySet
from django.utils import timezone

from fazhi.audit.models import Action, AuditEntry
from fazhi.audit.services import record
from fazhi.dates import today
from fazhi.deadlines.engine import due_soon_until
from fazhi.errors import FazhiError, NotPermitted
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import personal_data_orgs

from .personal import personal_lookup

# The parameters whose values are personal data: never logged, never written to the audit trail.
PERSONAL_PARAMS = ("contact", "id_number", "phone")
# Exact-match lookups a person may make in a window: enough for a desk's day, too few to enumerate
# the unknown digits of a masked number.
LOOKUP_LIMIT = 20
LOOKUP_WINDOW = datetime.timedelta(minutes=10)
LOOKUP_TARGET = "ledger.personal_lookup"
NO_PERSONAL_ROLE = (
    "您的角色不能查看个人信息，因此不能按身份证号码或电话查找；请按编号、当事人姓名或事由查找。"
)


class LookupThrottled(FazhiError):
    code = "throttled"
    status_code = 429


class FilterRefused(FazhiError):
    """A parameter of an export that cannot mean anything: the export stops instead of widening."""

    code = "invalid_filter"


class ExportParams:
    """Query parameters for an export: every non-empty parameter must be one the ledger's filter reads,
    with a value it understands; :meth:`check` after filtering raises FilterRefused otherwise."""

    strict = True

    def __init__(self, params, *, lookup_recorded: bool = False):
        self._params = params
        self.lookup_recorded = lookup_recorded  # a personal-data lookup among them is in the audit trail
        self._read: set[str] = set()
        self._bad: dict[str, str] = {}

    def get(self, key, default=None):
        self._read.add(key)
        return self._params.get(key, default)

    def refuse(self, key: str, message: str) -> None:
        self._bad.setdefault(key, message)

    def check(self) -> None:
        unknown = sorted(
            key for key, value in self._params.items() if value.strip() and key not in self._read
        )
        for key in unknown:
            self._bad.setdefault(key, f"不认识的筛选条件“{key}”")
        if self._bad:
            problems = "；".join(self._bad.values())
            raise FilterRefused(
                f"筛选条件有误，未导出：{problems}。请在列表页重新选择筛选条件后再导出。",
                fields=dict(self._bad),
            )

    def filters(self) -> dict:
        """What was filtered by, for the audit trail: personal-data values replaced by their names."""
        return {
            key: ("（已隐去）" if key in PERSONAL_PARAMS else value)
            for key, value in self._params.items()
            if value.strip()
        }


def _refuse(params, key: str, message: str) -> None:
    """Note a malformed value: ignored on pages and in the API, refused by an export."""
    if getattr(params, "strict", False):
        params.refuse(key, message)


def choice(params, key: str, allowed) -> str | None:
    """The parameter's value if it is one of ``allowed``; a value that is not is malformed."""
    value = params.get(key)
    if value in allowed:
        return value
    if value:
        _refuse(params, key, f"“{key}”的取值“{value}”无效")
    return None


def id_param(params, key: str) -> int | None:
    value = params.get(key)
    number = parse_id(value)
    if number is None and value:
        _refuse(params, key, f"“{key}”应为数字编号")
    return number


def flag(params, key: str) -> bool:
    value = params.get(key)
    if value and not is_true(value) and str(value).lower() not in {"0", "false", "no", "off", "否"}:
        _refuse(params, key, f"“{key}”应为 1 或 0")
    return is_true(value)


TRUE = {"1", "true", "yes", "on", "是"}


def is_true(value) -> bool:
    return str(value or "").lower() in TRUE


def parse_id(value) -> int | None:
    """A record id from a query parameter, or None: not a number, or beyond what a database key holds."""
    text = str(value or "").strip()
    if not text.isdecimal() or len(text) > 18:
        return None
    return int(text)


MAX_IDS = 500  # records a person ticks on a list page at most (its largest page size is far below)


def by_ids(queryset: QuerySet, params) -> QuerySet:
    """ids=3,5,8: only these records (the ones ticked on a list page, for a bulk export or print)."""
    value = (params.get("ids") or "").strip()
    if not value:
        return queryset
    ids = [parse_id(part) for part in value.split(",") if part.strip()]
    if not ids or None in ids or len(ids) > MAX_IDS:
        _refuse(params, "ids", f"“ids”应为逗号分隔的记录编号（至多{MAX_IDS}个）")
        return queryset.none()
    return queryset.filter(pk__in=ids)


def parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def in_unit(queryset: QuerySet, code: str | None, field: str = "org", *, params=None) -> QuerySet:
    """Records of the unit with this code and of the units below it. With ``params`` (an export's), an
    unknown code is refused rather than giving an empty file."""
    if not code:
        return queryset
    unit = Organisation.objects.filter(code=code).first()
    if unit is None:
        if params is not None:
            _refuse(params, field, f"没有代码为“{code}”的单位")
        return queryset.none()
    return queryset.filter(**{f"{field}__in": Organisation.objects.subtree_of([unit])})


def in_date_range(queryset: QuerySet, params, field: str, start_param: str, end_param: str) -> QuerySet:
    for param, lookup in ((start_param, "gte"), (end_param, "lte")):
        value = params.get(param)
        if day := parse_date(value):
            queryset = queryset.filter(**{f"{field}__{lookup}": day})
        elif value:
            _refuse(params, param, f"“{param}”应为日期，如 2024-01-31")
    start, end = parse_date(params.get(start_param)), parse_date(params.get(end_param))
    if start and end and start > end:  # an export refuses it rather than writing an empty file
        _refuse(params, start_param, f"“{start_param}”{start} 晚于“{end_param}”{end}")
    return queryset


def by_deadline(queryset: QuerySet, params, closed) -> QuerySet:
    """overdue=1: open records past their due date; due_soon=1: open records due within the engine's window.
    Open as the home board counts it (the model's ``open_q``: a closed status may still await a step, e.g.
    a 不予处罚 decision its 公示), else by ``closed``."""
    model = queryset.model
    open_only = (
        queryset.filter(model.open_q()) if hasattr(model, "open_q") else queryset.exclude(status__in=closed)
    )
    day = today()
    if flag(params, "overdue"):
        return open_only.filter(due_date__lt=day)
    if flag(params, "due_soon"):
        until = due_soon_until(day)
        return open_only.filter(due_date__gte=day, due_date__lte=until)
    return queryset


def by_party_contact(
    queryset: QuerySet, params, party_model: type[Model], record_field: str, *, user, audited: bool = False
) -> QuerySet:
    """contact=…: records with a party whose ID number or phone is exactly this, however it is typed
    (spaces, dashes, full-width digits, a leading +86); id_number=… / phone=…: the same for one of the
    two. Found by keyed digest (the values themselves are stored encrypted), never by a partial match.

    An exact match confirms a guessed number, so it is a look at personal data: only for a person who
    may see it, only among the records of the units where they may, audited (never with the value) and
    limited to LOOKUP_LIMIT lookups in LOOKUP_WINDOW. ``audited``: the caller has recorded this lookup
    already (the search across all ledgers records one lookup, not one per ledger)."""
    given = {key: value for key in PERSONAL_PARAMS if (value := (params.get(key) or "").strip())}
    if not given:
        return queryset
    orgs = personal_data_orgs(user)
    if not orgs.exists():
        raise NotPermitted(NO_PERSONAL_ROLE)
    # One lookup, one entry: an export filters once to count its rows and again to write them, and a big
    # one a third time in the worker; the parameters carry that this lookup is in the trail already.
    if not audited and not getattr(params, "lookup_recorded", False):
        model = queryset.model
        audit_lookup(user, model._meta.verbose_name, list(given), model._meta.label_lower)
        # a plain dict of a caller's own cannot carry it; such a caller filters once
        with contextlib.suppress(AttributeError):
            params.lookup_recorded = True
    queryset = queryset.filter(org__in=orgs)
    parties = party_model.objects.all()
    if value := given.get("contact"):
        id_number = "".join(ch for ch in unicodedata.normalize("NFKC", value) if ch.isalnum())
        matching = personal_lookup(parties, "id_number", id_number) | personal_lookup(parties, "phone", value)
        queryset = queryset.filter(pk__in=matching.values(record_field))
    for field in ("id_number", "phone"):
        if value := given.get(field):
            matching = personal_lookup(parties, field, value).values(record_field)
            queryset = queryset.filter(pk__in=matching)
    return queryset


def audit_lookup(user, where: str, fields: list[str], ledger: str = "") -> None:
    """One audit entry per lookup, naming the ledger and the kind of value searched, never the value;
    refused beyond the limit (the entries are the counter, so it holds across worker processes)."""
    since = timezone.now() - LOOKUP_WINDOW
    recent = AuditEntry.objects.filter(
        actor_id=user.pk, action=Action.VIEW_PERSONAL, target_type=LOOKUP_TARGET, at__gte=since
    ).count()
    if recent >= LOOKUP_LIMIT:
        minutes = int(LOOKUP_WINDOW.total_seconds() // 60)
        raise LookupThrottled(
            f"按身份证号码或电话查找过于频繁（{minutes}分钟内最多{LOOKUP_LIMIT}次）；请稍后再试，"
            "或按编号、当事人姓名查找。"
        )
    labels = {"contact": "身份证号码或电话", "id_number": "身份证号码", "phone": "电话"}
    record(
        Action.VIEW_PERSONAL,
        actor=user,
        target_type=LOOKUP_TARGET,
        target_repr=f"按{'、'.join(labels[f] for f in fields)}查找{where}",
        changes={"查找方式": [None, "完全匹配（查找的号码不记录）"], "台账": [None, ledger or where]},
    )
