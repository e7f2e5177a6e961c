"""The oversight items' one registration (read by fazhi.ledger.registry; checked at start-up): suggestions
received from courts and procuratorates and the 法治督察提醒函, moved here from the litigation app."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views, views
from .demo import load_demo
from .models import Reminder, Suggestion

LEDGER = Ledger(
    namespace="oversight",
    label="监督事项",
    order=40,
    models=(Suggestion, Reminder),
    urls="fazhi.oversight.urls",
    # served by its urls module; read by documents and search
    pages=(views.SUGGESTION_PAGES, views.REMINDER_PAGES),
    api="fazhi.oversight.api",
    figures="fazhi.oversight.figures",
    excel=(excel_views.PAGES,),
    demo=load_demo,
    generator="fazhi.ops.gen.oversight.generate",
    # the handling unit: mediation bodies and the 区 receive no suggestion of their own
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
    # The figure codes kept from before the move are suggestions.* and reminders.*; the report drafting
    # quotes none of them yet. Codes of the coming oversight items are oversight.*.
    figure_prefix="oversight",
)
