"""The disclosure ledger's one registration (read by fazhi.ledger.registry; checked at start-up)."""

from fazhi.ledger.registry import Ledger

from . import excel_views, views
from .demo import load_demo
from .models import HOLDER_KINDS, DisclosureRequest, DisclosureSettings, Posting

LEDGER = Ledger(
    namespace="disclosure",
    label="政府信息公开",
    order=55,
    models=(DisclosureRequest, Posting),
    urls="fazhi.disclosure.urls",
    pages=(views.PAGES, views.POSTING_PAGES),  # served by its urls module; read by documents and search
    api="fazhi.disclosure.api",
    figures="fazhi.disclosure.figures",
    excel=(excel_views.PAGES, excel_views.POSTINGS),
    demo=load_demo,
    generator="fazhi.ops.gen.disclosure.generate",
    settings_models=(DisclosureSettings,),
    holder_kinds=HOLDER_KINDS,
    figure_prefix="disclosure",
)
