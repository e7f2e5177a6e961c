"""The enforcement ledger's one registration (read by fazhi.ledger.registry; checked at start-up).

Its record models are the cases and the 执法证 (a roster whose expiry the home board watches)."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views, views
from .demo import load_demo
from .models import Certificate, EnforcementCase, EnforcementSettings

LEDGER = Ledger(
    namespace="enforcement",
    label="行政执法",
    order=25,
    models=(EnforcementCase, Certificate),
    urls="fazhi.enforcement.urls",
    # served by its urls module; read by documents and search
    pages=(views.PAGES, views.INSPECTION_PAGES, views.CERTIFICATE_PAGES, views.SPECIAL_ACTION_PAGES),
    api="fazhi.enforcement.api",
    figures="fazhi.enforcement.figures",
    excel=(excel_views.PAGES, excel_views.INSPECTION_PAGES, excel_views.SPECIAL_ACTION_PAGES),
    demo=load_demo,
    generator="fazhi.ops.gen.enforcement.generate",
    settings_models=(EnforcementSettings,),
    holder_kinds=frozenset({Kind.ENFORCEMENT_TEAM}),
    figure_prefix="enforcement",
)
