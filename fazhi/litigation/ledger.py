"""The reconsideration and litigation ledger's one registration (read by fazhi.ledger.registry;
checked at start-up). Suggestions and reminders ride along until the oversight app takes them."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views
from .demo import load_demo
from .models import Case, Reminder, Suggestion

LEDGER = Ledger(
    namespace="litigation",
    label="复议诉讼",
    order=30,
    models=(Case, Suggestion, Reminder),
    urls="fazhi.litigation.urls",
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
    unit_kinds={
        "reminder_issuer": frozenset({Kind.STREET, Kind.OFFICE}),  # who sends a 督办提醒
        "reminder_to": frozenset(Kind.values) - {Kind.DISTRICT},
    },
    figure_prefix="litigation",
)
