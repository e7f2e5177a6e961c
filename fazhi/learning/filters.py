"""The list filters shared by the pages, the API and the Excel export (one meaning everywhere).

Every list takes org (a unit code: the unit and those below it), from/to (the activity's date), kind
and q (the text of the record). Unknown or malformed values are ignored rather than widening the result
(an export refuses them)."""

from django.db.models import Q, QuerySet

from fazhi.ledger.filtering import choice, in_date_range, in_unit

from .models import (
    ActKind,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
    PufaEvent,
    PufaKind,
    ServiceKind,
    ServiceRecord,
    StudyKind,
    StudySession,
)


def _common(queryset: QuerySet, params, *, day: str, kinds, text: tuple[str, ...]) -> QuerySet:
    if kind := choice(params, "kind", kinds):
        queryset = queryset.filter(kind=kind)
    queryset = in_unit(queryset, params.get("org"), params=params)
    queryset = in_date_range(queryset, params, day, "from", "to")
    if q := (params.get("q") or "").strip():
        condition = Q()
        for name in text:
            condition |= Q(**{f"{name}__icontains": q})
        queryset = queryset.filter(condition)
    return queryset


def filter_sessions(queryset: QuerySet, params, *, user=None) -> QuerySet:
    return _common(
        queryset, params, day="held_on", kinds=StudyKind.values, text=("title", "topics", "speaker")
    )


def filter_events(queryset: QuerySet, params, *, user=None) -> QuerySet:
    return _common(
        queryset, params, day="held_on", kinds=PufaKind.values, text=("title", "place", "audience")
    )


def filter_services(queryset: QuerySet, params, *, user=None) -> QuerySet:
    return _common(queryset, params, day="served_on", kinds=ServiceKind.values, text=("summary", "lawyer"))


def filter_acts(queryset: QuerySet, params, *, user=None) -> QuerySet:
    return _common(queryset, params, day="held_on", kinds=ActKind.values, text=("title", "topics", "leader"))


def sessions(user, *, write: bool = False) -> QuerySet:
    return StudySession.objects.visible_to(user, write=write).select_related("org")


def events(user, *, write: bool = False) -> QuerySet:
    return PufaEvent.objects.visible_to(user, write=write).select_related("org").prefetch_related("materials")


def services(user, *, write: bool = False) -> QuerySet:
    return ServiceRecord.objects.visible_to(user, write=write).select_related("org")


def acts(user, *, write: bool = False) -> QuerySet:
    return LeadershipAct.objects.visible_to(user, write=write).select_related("org", "dispute")


def filter_literates(queryset: QuerySet, params, *, user=None) -> QuerySet:
    return _common(queryset, params, day="appointed_on", kinds=(), text=("name", "occupation"))


def filter_exams(queryset: QuerySet, params, *, user=None) -> QuerySet:
    return _common(queryset, params, day="held_on", kinds=(), text=("title",))


def literates(user, *, write: bool = False) -> QuerySet:
    return LegalLiterate.objects.visible_to(user, write=write).select_related("org")


def exams(user, *, write: bool = False) -> QuerySet:
    return ExamRound.objects.visible_to(user, write=write).select_related("org")
