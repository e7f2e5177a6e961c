"""The learning, 普法 and public legal services ledger's one registration (read by fazhi.ledger.registry;
checked at start-up). Its records are activities: scoped and versioned, neither numbered nor stateful."""

from fazhi.ledger.registry import Ledger
from fazhi.orgs.models import Kind

from . import excel_views
from .demo import load_demo
from .models import (
    AdviserAssignment,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
    ModelCommunity,
    PufaEvent,
    ServiceRecord,
    StudySession,
)

LEDGER = Ledger(
    namespace="learning",
    label="学法普法",
    order=60,
    models=(
        StudySession,
        PufaEvent,
        ServiceRecord,
        LeadershipAct,
        LegalLiterate,
        ExamRound,
        AdviserAssignment,
        ModelCommunity,
    ),
    urls="fazhi.learning.urls",
    api="fazhi.learning.api",
    figures="fazhi.learning.figures",
    excel=excel_views.ALL,
    demo=load_demo,
    generator="fazhi.ops.gen.learning.generate",
    # Every unit studies and runs 普法 (谁执法谁普法: the enforcement team too); legal-service records are
    # held by the 驿站 and the 法律顾问室 only (the service checks it).
    holder_kinds=frozenset(Kind.values) - {Kind.DISTRICT},
    figure_prefix="services",
)
