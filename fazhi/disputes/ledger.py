"""The dispute ledger's one registration (read by fazhi.ledger.registry; checked at start-up)."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views, views
from .demo import load_demo
from .models import Dispute, DisputeSettings, DisputeType

LEDGER = Ledger(
    namespace="disputes",
    label="纠纷调解",
    order=10,
    models=(Dispute,),
    api="fazhi.disputes.api",
    figures="fazhi.disputes.figures",
    pages=(views.PAGES,),
    excel=(excel_views.PAGES,),
    demo=load_demo,
    generator="fazhi.ops.gen.disputes.generate",
    settings_models=(DisputeSettings, DisputeType),
    # the mediation units; a 区, 街道, 社区 or 内设机构 hands a dispute to one of them
    holder_kinds=frozenset(Kind.values) - {Kind.DISTRICT, Kind.STREET, Kind.COMMUNITY, Kind.OFFICE},
    unit_kinds={
        "assisting": frozenset(
            {
                Kind.POLICE_JOINT,
                Kind.PSYCH_SERVICE,
                Kind.LAWYER_MEDIATOR,
                Kind.MEDIATION_STUDIO,
                Kind.LEGAL_STATION,
            }
        )
    },
    figure_prefix="disputes",
)
