"""Pages of the learning ledger: one ``LedgerPages`` per record type (study sessions, 普法 events, legal
services, leaders' acts) under one namespace, and an overview. Every queryset starts from the records'
``visible_to(user)`` (filters.py)."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fazhi.dates import today
from fazhi.ledger.pages import LedgerPages, ListPage, NewPage, PageAction, current
from fazhi.ledger.personal import mask

from . import filters, forms, services
from .timeline import timeline


@dataclass(frozen=True)
class Listing:
    """What a list page shows: its title, its declared filters and columns (filters.py) and each record's
    cells (in the columns' order)."""

    name: str  # the URL name of the list
    title: str
    filters: object  # the list's LedgerFilterSet
    cells: object  # record → tuple of cell texts, the first one linked to the record
    queryset: object
    new: str  # URL name of the registration page
    excel: str = ""  # the URL name prefix of its Excel pages, if it has them


def _yes(value: bool) -> str:
    return "是" if value else "否"


LISTINGS = {
    "sessions": Listing(
        "sessions",
        "学法培训",
        filters.SESSION_FILTERS,
        lambda s: (
            s.title,
            f"{s.held_on:%Y-%m-%d}",
            s.get_kind_display(),
            s.org.name,
            s.get_audience_display(),
            s.attendance,
            _yes(s.hosted_by_head),
        ),
        filters.sessions,
        "session_new",
        "session_",
    ),
    "events": Listing(
        "events",
        "普法活动",
        filters.EVENT_FILTERS,
        lambda e: (
            e.title,
            f"{e.held_on:%Y-%m-%d}",
            e.get_kind_display(),
            e.org.name,
            e.people_reached,
            e.consultations,
            "、".join(str(m) for m in e.materials.all()) or "—",
        ),
        filters.events,
        "event_new",
        "event_",
    ),
    "services": Listing(
        "services",
        "公共法律服务",
        filters.SERVICE_FILTERS,
        lambda s: (
            f"{s.get_kind_display()}{s.count}{s.unit}",
            f"{s.served_on:%Y-%m-%d}",
            s.org.name,
            s.get_client_kind_display() or "—",
            s.lawyer or "—",
            s.summary or "—",
        ),
        filters.services,
        "service_new",
        "service_",
    ),
    "acts": Listing(
        "acts",
        "第一责任人履职",
        filters.ACT_FILTERS,
        lambda a: (
            a.title,
            f"{a.held_on:%Y-%m-%d}",
            a.get_kind_display(),
            a.leader,
            a.org.name,
            " ".join(linked.number for linked in (a.dispute, a.petition) if linked) or "—",
        ),
        filters.acts,
        "act_new",
    ),
    "literates": Listing(
        "literates",
        "法律明白人",
        filters.LITERATE_FILTERS,
        lambda p: (
            p.name,
            p.org.name,
            p.occupation or "—",
            f"{p.appointed_on:%Y-%m-%d}",
            p.trainings_attended,
            "否" if p.left_on else "是",
        ),
        filters.literates,
        "literate_new",
    ),
    "exams": Listing(
        "exams",
        "学法考试",
        filters.EXAM_FILTERS,
        lambda e: (e.title, f"{e.held_on:%Y-%m-%d}", e.org.name, e.enrolled, e.sat, e.excellent),
        filters.exams,
        "exam_new",
    ),
    "advisers": Listing(
        "advisers",
        "社区法律顾问",
        filters.ADVISER_FILTERS,
        lambda a: (
            a.lawyer,
            a.org.name,
            a.law_firm,
            f"{a.term_start:%Y-%m-%d}",
            f"{a.term_end:%Y-%m-%d}" if a.term_end else "长期",
            a.rota or "—",
            mask("phone", a.phone) or "—",  # personal data: masked on every page
        ),
        filters.advisers,
        "adviser_new",
        "adviser_",
    ),
    "honours": Listing(
        "honours",
        "民主法治示范社区",
        filters.HONOUR_FILTERS,
        lambda h: (
            h.title,
            h.org.name,
            h.get_level_display(),
            f"{h.awarded_on:%Y-%m-%d}",
            h.awarded_by or "—",
            f"{h.revoked_on:%Y-%m-%d}" if h.revoked_on else "—",
        ),
        filters.honours,
        "honour_new",
        "honour_",
    ),
}

DETAIL_NAMES = {
    "sessions": "session",
    "events": "event",
    "services": "service",
    "acts": "act",
    "literates": "literate",
    "exams": "exam",
    "advisers": "adviser",
    "honours": "honour",
}
DAY_FIELDS = {
    "services": "served_on",
    "literates": "appointed_on",
    "advisers": "term_start",
    "honours": "awarded_on",
}  # the others: held_on


def _list(key: str) -> ListPage:
    """The kit's list page of one record type; ``learning/list.html`` draws its rows from the listing."""
    listing = LISTINGS[key]
    extra = {"listing": listing, "nav": key, "detail_url": f"learning:{DETAIL_NAMES[key]}"}
    return ListPage(listing.title, "learning/list.html", listing.filters, context=lambda request: extra)


@login_required
def overview(request):
    """This year's activities at a glance, with the four lists and the Excel pages."""
    year = today().year
    counts = []
    for key, listing in LISTINGS.items():
        field = DAY_FIELDS.get(key, "held_on")
        queryset = listing.queryset(request.user).filter(**{f"{field}__year": year})
        counts.append((listing, queryset.count()))
    return render(request, "learning/overview.html", {"counts": counts, "year": year, "nav": "overview"})


# --- the detail pages ---------------------------------------------------------------------------------


def _rows(record, names: tuple[str, ...]) -> list[tuple[str, object]]:
    rows = []
    for name in names:
        field = record._meta.get_field(name)
        value = getattr(record, f"get_{name}_display")() if field.choices else getattr(record, name)
        if isinstance(value, bool):
            value = _yes(value)
        if value not in ("", None):
            rows.append((field.verbose_name, value))
    return rows


def _detail(names: tuple[str, ...], extra=None):
    def detail(request, record) -> dict:
        context = {
            "rows": _rows(record, names),
            "events": timeline(record),
            "title": record._meta.verbose_name,
        }
        return context | (extra(record) if extra else {})

    return detail


def _act_extra(act) -> dict:
    return {"dispute": act.dispute, "petition": act.petition}


def _event_extra(event) -> dict:
    return {"materials": list(event.materials.all()), "has_materials": True}


def _adviser_extra(adviser) -> dict:
    """The phone among the rows, masked: a page never shows it whole (the Excel export may, by the kit's
    personal-data policy)."""
    return {"masked": [("联系电话", mask("phone", adviser.phone))] if adviser.phone else []}


def _act_initial(act, user) -> dict:
    numbers = {"dispute_number": act.dispute, "petition_number": act.petition}
    plain = [name for name in services.ACT_FIELDS if name not in numbers]
    return current(*plain)(act, user) | {
        name: linked.number if linked else "" for name, linked in numbers.items()
    }


def _pages(key: str, *, new: NewPage, detail, actions: dict) -> LedgerPages:
    name = DETAIL_NAMES[key]
    return LedgerPages(
        namespace="learning",
        prefix=f"{key}/",
        queryset=LISTINGS[key].queryset,
        lists=(_list(key),),
        list_name=key,
        new=new,
        detail_name=name,
        detail_template="learning/detail.html",
        detail=detail,
        action_name=f"{name}_action",
        actions=actions,
    )


def _new(form, run, title: str, name: str) -> NewPage:
    return NewPage(
        form, run, "ledger/new.html", saved=lambda record: f"已登记：{record}。", name=name, title=title
    )


SESSION_ACTIONS = {
    "edit": PageAction(
        "修改学法培训",
        forms.SessionEditForm,
        services.update_session,
        initial=current(*services.SESSION_FIELDS),
    )
}
SESSION_PAGES = _pages(
    "sessions",
    new=_new(forms.SessionForm, services.record_session, "登记学法培训", "session_new"),
    detail=_detail(
        (
            "held_on",
            "kind",
            "title",
            "topics",
            "topic_count",
            "audience",
            "attendance",
            "speaker",
            "hosted_by_head",
            "note",
        )
    ),
    actions=SESSION_ACTIONS,
)

EVENT_ACTIONS = {
    "material": PageAction("登记宣传资料", forms.MaterialForm, services.add_material, api="materials"),
    "edit": PageAction(
        "修改普法活动",
        forms.EventEditForm,
        services.update_event,
        initial=current(*services.EVENT_FIELDS),
        secondary=True,
    ),
}
EVENT_PAGES = _pages(
    "events",
    new=_new(forms.EventForm, services.record_event, "登记普法活动", "event_new"),
    detail=_detail(
        (
            "held_on",
            "kind",
            "title",
            "place",
            "audience",
            "people_reached",
            "consultations",
            "media_reports",
            "outlets",
            "note",
        ),
        _event_extra,
    ),
    actions=EVENT_ACTIONS,
)

SERVICE_ACTIONS = {
    "edit": PageAction(
        "修改法律服务记录",
        forms.ServiceEditForm,
        services.update_service,
        initial=current(*services.SERVICE_FIELDS),
    )
}
SERVICE_PAGES = _pages(
    "services",
    new=_new(forms.ServiceForm, services.record_service, "登记法律服务", "service_new"),
    detail=_detail(("served_on", "kind", "count", "client_kind", "lawyer", "summary")),
    actions=SERVICE_ACTIONS,
)

ACT_ACTIONS = {
    "edit": PageAction("修改履职记录", forms.ActEditForm, services.update_act, initial=_act_initial)
}
ACT_PAGES = _pages(
    "acts",
    new=_new(forms.ActForm, services.record_act, "登记第一责任人履职", "act_new"),
    detail=_detail(("held_on", "kind", "leader", "title", "topics", "planned_sessions", "note"), _act_extra),
    actions=ACT_ACTIONS,
)

LITERATE_ACTIONS = {
    "edit": PageAction(
        "修改法律明白人信息",
        forms.LiterateEditForm,
        services.update_literate,
        initial=current(*services.LITERATE_FIELDS),
    )
}
LITERATE_PAGES = _pages(
    "literates",
    new=_new(forms.LiterateForm, services.appoint_literate, "登记法律明白人", "literate_new"),
    detail=_detail(("name", "appointed_on", "occupation", "trainings_attended", "left_on", "note")),
    actions=LITERATE_ACTIONS,
)

EXAM_ACTIONS = {
    "edit": PageAction(
        "修改学法考试", forms.ExamEditForm, services.update_exam, initial=current(*services.EXAM_FIELDS)
    )
}
EXAM_PAGES = _pages(
    "exams",
    new=_new(forms.ExamForm, services.record_exam, "登记学法考试", "exam_new"),
    detail=_detail(("held_on", "title", "enrolled", "sat", "passed", "excellent", "note")),
    actions=EXAM_ACTIONS,
)

ADVISER_ACTIONS = {
    "edit": PageAction(
        "修改社区法律顾问信息",
        forms.AdviserEditForm,
        services.update_adviser,
        # the phone is not put back into the form: typed anew or kept
        initial=current(*(name for name in services.ADVISER_FIELDS if name != "phone")),
    )
}
ADVISER_PAGES = _pages(
    "advisers",
    new=_new(forms.AdviserForm, services.assign_adviser, "登记社区法律顾问", "adviser_new"),
    detail=_detail(
        ("lawyer", "law_firm", "term_start", "term_end", "rota", "duties_per_month", "note"), _adviser_extra
    ),
    actions=ADVISER_ACTIONS,
)

HONOUR_ACTIONS = {
    "edit": PageAction(
        "修改示范社区命名",
        forms.HonourEditForm,
        services.update_honour,
        initial=current(*services.HONOUR_FIELDS),
    )
}
HONOUR_PAGES = _pages(
    "honours",
    new=_new(forms.HonourForm, services.record_honour, "登记民主法治示范社区", "honour_new"),
    detail=_detail(("title", "level", "awarded_on", "awarded_by", "revoked_on", "note")),
    actions=HONOUR_ACTIONS,
)

ALL_PAGES = (
    SESSION_PAGES, EVENT_PAGES, SERVICE_PAGES, ACT_PAGES, LITERATE_PAGES, EXAM_PAGES, ADVISER_PAGES, HONOUR_PAGES,
)  # fmt: skip
