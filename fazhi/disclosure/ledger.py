"""The disclosure ledger's one registration (read by fazhi.ledger.registry; checked at start-up)."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views
from .demo import load_demo
from .models import DisclosureRequest, DisclosureSettings

LEDGER = Ledger(
    namespace="disclosure",
    label="政府信息公开",
    order=50,
    models=(DisclosureRequest,),
    urls="fazhi.disclosure.urls",
    api="fazhi.disclosure.api",
    figures="fazhi.disclosure.figures",
    excel=(excel_views.PAGES,),
    demo=load_demo,
    generator="fazhi.ops.gen.disclosure.generate",
    settings_models=(DisclosureSettings,),
    # the organ that answers (街道办事处, or a 区) and its 政府信息公开工作机构 (党政办)
    holder_kinds=frozenset({Kind.DISTRICT, Kind.STREET, Kind.OFFICE}),
    figure_prefix="disclosure",
)
