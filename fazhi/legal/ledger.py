"""The legality-review ledger's one registration (read by fazhi.ledger.registry; checked at start-up)."""

from django.urls import path

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import MEDIATION_BODIES, Kind

from . import excel_views, opinion_letter, views
from .demo import load_demo
from .models import REVIEWER_UNIT_KINDS, LegalSettings, ReviewItem

LEDGER = Ledger(
    namespace="legal",
    label="合法性审查",
    order=20,
    models=(ReviewItem,),
    api="fazhi.legal.api",
    figures="fazhi.legal.figures",
    pages=(views.PAGES,),
    excel=(excel_views.PAGES,),
    more_urls=(path("<int:pk>/letter/<int:seq>.docx", opinion_letter.letter_page, name="letter"),),
    demo=load_demo,
    generator="fazhi.ops.gen.legal.generate",
    settings_models=(LegalSettings,),
    holder_kinds=frozenset(Kind.values) - {Kind.DISTRICT, Kind.STREET},  # the submitting unit
    unit_kinds={"reviewer": frozenset(REVIEWER_UNIT_KINDS)},
    # The mediation bodies may be named as a submitting unit, but they make no decisions or contracts to
    # review: a mediator's navigation shows the disputes ledger, not an always-empty 合法性审查 (issue 22).
    nav_kinds=frozenset(Kind.values) - {Kind.DISTRICT, Kind.STREET} - MEDIATION_BODIES,
    figure_prefix="legal",
)
