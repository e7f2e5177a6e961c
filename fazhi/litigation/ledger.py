"""The reconsideration and litigation ledger's one registration (read by fazhi.ledger.registry;
checked at start-up). Its analysis meetings are served by its own pages and API."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views, views
from .demo import load_demo
from .models import Case

LEDGER = Ledger(
    namespace="litigation",
    label="复议诉讼",
    order=30,
    models=(Case,),
    urls="fazhi.litigation.urls",
    pages=(views.PAGES,),  # mounted by its urls module; named here for what reads them (documents, search)
    api="fazhi.litigation.api",
    figures="fazhi.litigation.figures",
    excel=(excel_views.PAGES,),
    demo=load_demo,
    generator="fazhi.ops.gen.litigation.generate",
    # the responsible unit: mediation bodies and the 区 answer no case of their own
    holder_kinds=frozenset(Kind.values)
    - {
        Kind.DISTRICT,
        Kind.COMMUNITY_COMMITTEE,
        Kind.MEDIATION_STUDIO,
        Kind.LAWYER_MEDIATOR,
        Kind.PSYCH_SERVICE,
    },
    figure_prefix="litigation",
)
