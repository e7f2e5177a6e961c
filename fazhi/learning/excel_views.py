"""The learning ledger's Excel pages: the lists of legal services, study sessions, 普法 events, community legal
advisers and 民主法治示范社区 (each its template, import and export), mounted under their list's prefix."""

from fazhi.ledger.excel_pages import ExcelPages

from . import columns, filters, importing
from .models import AdviserAssignment, ModelCommunity, PufaEvent, ServiceRecord, StudySession

PAGES = ExcelPages(
    namespace="learning",
    title="公共法律服务台账",
    counter="条法律服务记录",
    model=ServiceRecord,
    sheet=columns.service_sheet,
    filtered=filters.SERVICE_FILTERS.export(filters.services, default=("served_on", "pk")),
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
    filtered=filters.SESSION_FILTERS.export(filters.sessions, default=("held_on", "pk")),
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
    filtered=filters.EVENT_FILTERS.export(filters.events, default=("held_on", "pk")),
    export_rows=importing.event_rows,
    import_rows=importing.import_events,
    prefix="events/",
    name="event_",
    list_name="events",
)

ADVISER_EXCEL = ExcelPages(
    namespace="learning",
    title="社区法律顾问花名册",
    counter="名社区法律顾问",
    model=AdviserAssignment,
    sheet=columns.adviser_sheet,
    filtered=filters.ADVISER_FILTERS.export(filters.advisers, default=("term_start", "pk")),
    export_rows=importing.adviser_rows,
    import_rows=importing.import_advisers,
    prefix="advisers/",
    name="adviser_",
    list_name="advisers",
)

HONOUR_EXCEL = ExcelPages(
    namespace="learning",
    title="民主法治示范社区名录",
    counter="项示范社区命名",
    model=ModelCommunity,
    sheet=columns.honour_sheet,
    filtered=filters.HONOUR_FILTERS.export(filters.honours, default=("awarded_on", "pk")),
    export_rows=importing.honour_rows,
    import_rows=importing.import_honours,
    prefix="honours/",
    name="honour_",
    list_name="honours",
)

ALL = (SESSION_EXCEL, EVENT_EXCEL, PAGES, ADVISER_EXCEL, HONOUR_EXCEL)
