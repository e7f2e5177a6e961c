"""The petitions ledger's one registration (read by fazhi.ledger.registry; checked at start-up)."""

from fazhi.ledger.registry import Ledger

from . import excel_views, views
from .demo import load_demo
from .ledger_units import COUNCIL_KINDS, HOLDER_KINDS
from .models import CitizenDemand, Petition, PetitionSettings, ResidentCouncil

LEDGER = Ledger(
    namespace="petitions",
    label="信访与民意",
    order=50,
    models=(Petition, CitizenDemand, ResidentCouncil),
    urls="fazhi.petitions.urls",
    # served by its urls module; read by documents and search
    pages=(views.PAGES, views.DEMAND_PAGES, views.COUNCIL_PAGES),
    api="fazhi.petitions.api",
    figures="fazhi.petitions.figures",
    excel=(excel_views.PETITION_EXCEL, excel_views.DEMAND_EXCEL),
    demo=load_demo,
    generator="fazhi.ops.gen.petitions.generate",
    settings_models=(PetitionSettings,),
    holder_kinds=HOLDER_KINDS,
    unit_kinds={"council": COUNCIL_KINDS},
    figure_prefix="petitions",
)
