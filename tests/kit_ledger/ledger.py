"""The test ledger's one registration: everything the platform needs to know about it."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views, views
from .demo import load_demo
from .models import Notice

LEDGER = Ledger(
    namespace="kit",
    label="整改事项",
    order=900,  # after the product's ledgers
    models=(Notice,),
    api="tests.kit_ledger.api",
    figures="tests.kit_ledger.figures",
    pages=(views.PAGES,),
    excel=(excel_views.PAGES,),
    demo=load_demo,
    generator="tests.kit_ledger.demo.generate",
    holder_kinds=frozenset({Kind.STREET, Kind.COMMUNITY, Kind.OFFICE}),  # no 调委会, no 区
)
