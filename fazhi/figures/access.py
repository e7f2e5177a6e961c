"""The one check of which organisation a person may ask figures for (API and pages call it)."""

from __future__ import annotations

import datetime

from django.db.models import Q

from fazhi.dates import today
from fazhi.errors import FazhiError, NotPermitted
from fazhi.orgs.models import Kind, Organisation, RoleAssignment
from fazhi.orgs.roles import ROLES
from fazhi.orgs.scoping import can_read, unit_label, visible_orgs

from .periods import Period


class UnknownOrganisation(FazhiError):
    code = "not_found"
    status_code = 404


def default_org(user) -> Organisation:
    """The person's 街道 when they may read it, else the unit (or district) they hold a role in."""
    assignments = RoleAssignment.objects.filter(user=user).select_related("org").order_by("pk")
    readable = [a.org for a in assignments if ROLES[a.role].reads_ledgers]
    for org in readable:
        street = org if org.kind in (Kind.DISTRICT, Kind.STREET) else org.street
        if street is not None and can_read(user, street):
            return street
    if readable:
        return readable[0]
    raise NotPermitted("您没有可查看指标的单位；如需查看，请联系系统管理员分配角色。")


def org_for(user, code: str | None) -> Organisation:
    """The organisation named by ``code`` if the person may read its figures; the default without code.

    Unknown code → 404, an organisation outside the person's scope → 403, both with a Chinese message.
    """
    if not code:
        return default_org(user)
    org = Organisation.objects.filter(code=code).first()
    if org is None:
        raise UnknownOrganisation(
            f"没有代码为“{code}”的单位，请核对 org 参数（您可查看的单位见 /api/me/）。", fields={"org": code}
        )
    if not can_read(user, org):
        raise NotPermitted(f"您无权查看{unit_label(user, org)}的指标：只能查看本单位及下级单位的指标。")
    return org


def selectable_orgs(user):
    """Organisations offered in the dashboard's selector: the visible district, 街道 and 社区 tree, and the
    units the person holds a role in (a 调委会's or a 司法所's people have no 街道 to choose, only their own
    unit, which is also what the dashboard opens on: ``default_org``)."""
    own = [a.org_id for a in RoleAssignment.objects.filter(user=user) if ROLES[a.role].reads_ledgers]
    tree = Q(kind__in=[Kind.DISTRICT, Kind.STREET, Kind.COMMUNITY]) | Q(pk__in=own)
    return visible_orgs(user).filter(tree).order_by("path")


FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years figures may be asked for, by year or by dates


def _date(text: str, name: str) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise FazhiError(
            f"{name}“{text}”不是有效日期，请写成 2024-01-31 的格式。", fields={name: text}
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise FazhiError(
            f"{name}“{text}”超出可查询的范围，请填写 {FIRST_YEAR} 年至 {LAST_YEAR} 年之间的日期。",
            fields={name: text},
        )
    return day


def _year(text: str) -> int:
    if not text.isascii() or not text.isdecimal() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise FazhiError(f"年度“{text}”无效，请写四位年份，如 2024。", fields={"year": text})
    return int(text)


def period_from(params) -> Period:
    """?year=2024, ?start=2024-01-01&end=2024-06-30, or ?year=2024&from_month=1&to_month=6; without any
    of them, the current year. A running period is compared with last year up to the same day."""
    start, end = params.get("start"), params.get("end")
    try:
        if start or end:
            if not (start and end):
                raise FazhiError("按日期查询时请同时填写 start 和 end（如 2024-01-01 与 2024-06-30）。")
            period = Period(_date(start, "start"), _date(end, "end"))
        else:
            year = _year(params.get("year") or str(today().year))
            first, last = params.get("from_month"), params.get("to_month")
            if first or last:
                if not (str(first or "1").isdecimal() and str(last or "12").isdecimal()):
                    raise FazhiError("月份请填写1到12之间的数字。")
                period = Period.months(year, int(first or 1), int(last or 12))
            else:
                period = Period.year(year)
    except ValueError as exc:  # Period's own checks carry Chinese messages
        raise FazhiError(str(exc)) from exc
    return period.as_of(today())


def this_year() -> Period:
    return Period.year(today().year).as_of(today())


def codes_from(params, default: list[str]) -> list[str]:
    raw = params.get("codes") or ""
    codes = [c.strip() for c in raw.split(",") if c.strip()]
    return codes or default
