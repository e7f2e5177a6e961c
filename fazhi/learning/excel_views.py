"""The learning ledger's Excel pages: the activity lists of legal services, study sessions and 普法 events
(each its template, import and export), mounted under their list's prefix."""

from fazhi.ledger.excel_pages import ExcelPages

from . import columns, filters, importing
from .models import PufaEvent, ServiceRecord, StudySession


def _services(user, params):
    return filters.SERVICE_FILTERS.apply(
        filters.services(user), params, user=user, default=("served_on", "pk")
    )


def _sessions(user, params):
    return filters.SESSION_FILTERS.apply(filters.sessions(user), params, user=user, default=("held_on", "pk"))


def _events(user, params):
    return filters.EVENT_FILTERS.apply(filters.events(user), params, user=user, default=("held_on", "pk"))


PAGES = ExcelPages(
    namespace="learning",
    title="公共法律服务台账",
    counter="条法律服务记录",
    model=ServiceRecord,
    sheet=columns.service_sheet,
    filtered=_services,
    export_rows=importing.export_rows,
    import_rows=importing.import_services,
    prefix="services/",
    name="service_",
    list_name="services",
)

SESSION_EXCEL = ExcelPages(
    namespace="learning",
    title="学法培训台账",
    counter="场学法培训",
    model=StudySession,
    sheet=columns.session_sheet,
    filtered=_sessions,
    export_rows=importing.session_rows,
    import_rows=importing.import_sessions,
    prefix="sessions/",
    name="session_",
    list_name="sessions",
)

EVENT_EXCEL = ExcelPages(
    namespace="learning",
    title="普法活动台账",
    counter="场普法活动",
    model=PufaEvent,
    sheet=columns.event_sheet,
    filtered=_events,
    export_rows=importing.event_rows,
    import_rows=importing.import_events,
    prefix="events/",
    name="event_",
    list_name="events",
)

ALL = (SESSION_EXCEL, EVENT_EXCEL, PAGES)
