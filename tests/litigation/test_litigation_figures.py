import datetime
from decimal import Decimal

import pytest

from fazhi.figures import registry
from fazhi.litigation import services
from fazhi.orgs.models import Organisation
from tests.litigation.litigation_fixtures import new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date
Y = 2024


def value(code, org):
    return registry.get(code).compute(Organisation.objects.subtree_of([org]), D(Y, 1, 1), D(Y, 12, 31))


def closed(actor, org, kind, received, outcome, on, *, replied=None, hearings=(), document=None):
    case = new_case(actor, org, kind=kind, received_on=received)
    if replied:
        case = services.record_reply(actor, case, case.version, replied_on=replied)
    for held_on, head in hearings:
        case = services.add_hearing(
            actor, case, case.version, held_on=held_on, head_appeared=head, appeared_by="主任" if head else ""
        )
    if document:
        case = services.add_document(actor, case, case.version, kind=document, received_on=on)
    if outcome:
        case = services.conclude(actor, case, case.version, outcome=outcome, concluded_on=on)
    return case


def test_case_figures_and_rates(tree, person):
    actor = person("office_a", "office", tree["a"])
    a = tree["a"]
    # Administrative: 2 withdrawn, 1 mediated, 1 upheld → 调撤率 75%; one pending.
    closed(actor, a, "administrative", D(Y, 1, 8), "withdrawn", D(Y, 2, 1), replied=D(Y, 1, 20))
    closed(actor, a, "administrative", D(Y, 1, 8), "withdrawn", D(Y, 2, 1), replied=D(Y, 1, 30))  # late
    closed(actor, a, "administrative", D(Y, 2, 1), "mediated", D(Y, 4, 1), replied=D(Y, 2, 10),
           hearings=[(D(Y, 3, 1), True)], document="mediation")  # fmt: skip
    closed(actor, a, "administrative", D(Y, 2, 1), "upheld", D(Y, 5, 1), replied=D(Y, 2, 10),
           hearings=[(D(Y, 3, 2), True), (D(Y, 4, 2), False)], document="judgement")  # fmt: skip
    closed(actor, a, "administrative", D(Y, 11, 1), None, None, replied=D(Y, 11, 5))
    # Reconsideration: one corrected, one upheld; civil: one lost, one upheld received the year before.
    closed(actor, a, "reconsideration", D(Y, 3, 4), "corrected", D(Y, 4, 20), replied=D(Y, 3, 10),
           document="decision")  # fmt: skip
    closed(actor, a, "reconsideration", D(Y, 3, 4), "upheld", D(Y, 4, 20), replied=D(Y, 3, 10))
    closed(
        actor,
        tree["a-tw"],
        "civil",
        D(Y, 6, 3),
        "lost",
        D(Y, 9, 1),
        replied=D(Y, 6, 10),
        document="judgement",
    )
    closed(actor, a, "civil", D(Y - 1, 12, 1), "upheld", D(Y, 1, 15), replied=D(Y - 1, 12, 10))

    assert value("litigation.cases", a) == 8
    assert value("litigation.administrative", a) == 5
    assert value("litigation.reconsideration", a) == 2
    assert value("litigation.civil", a) == 1
    assert value("litigation.withdrawal_rate", a) == Decimal("75.00")
    assert value("litigation.hearings", a) == 3
    assert value("litigation.appearance_rate", a) == Decimal("66.67")
    assert value("litigation.lost", a) == 1
    assert value("litigation.corrected", a) == 1
    # 纠错率: (1 corrected) ÷ (4 administrative + 2 reconsideration concluded); the civil loss is not counted.
    assert value("litigation.correction_rate", a) == Decimal("16.67")
    assert value("litigation.documents.judgement", a) == 2
    assert value("litigation.documents.complaint", a) == 6  # the December case's copy came the year before
    assert value("litigation.documents.application", a) == 2
    # Replies due in 2024: 9 − the one due in 2023 = 8, of which one was late → 87.5%.
    assert value("litigation.replies_on_time", a) == 7
    assert value("litigation.replies_on_time_rate", a) == Decimal("87.50")
    assert value("litigation.concluded", a) == 8
    assert value("litigation.cases", tree["b"]) == 0
    parts = dict(
        registry.parts(
            registry.get_breakdown("litigation.documents.by_kind"),
            Organisation.objects.subtree_of([a]),
            D(Y, 1, 1),
            D(Y, 12, 31),
        )
    )
    assert parts["判决书"] == 2 and parts["调解书"] == 1 and parts["复议决定书"] == 1


def test_an_appealed_case_counts_once_and_only_its_last_stage_outcome(tree, person):
    actor = person("office_a", "office", tree["a"])
    first = closed(actor, tree["a"], "administrative", D(Y, 1, 8), "lost", D(Y, 3, 1), replied=D(Y, 1, 20))
    assert value("litigation.lost", tree["a"]) == 1
    second = services.appeal(actor, first, stage="appeal", court="中院", copy_received_on=D(Y, 3, 10))
    assert value("litigation.cases", tree["a"]) == 1 and value("litigation.lost", tree["a"]) == 0
    services.conclude(actor, second, second.version, outcome="upheld", concluded_on=D(Y, 6, 1))
    assert value("litigation.withdrawal_rate", tree["a"]) == Decimal("0.00")
    assert value("litigation.concluded", tree["a"]) == 1


def test_report_phrases_map_to_the_figures():
    assert registry.code_for_phrase("调撤率") == "litigation.withdrawal_rate"
    assert registry.code_for_phrase("行政负责人出庭率") == "litigation.appearance_rate"
    assert registry.code_for_phrase("诉讼案件") == "litigation.cases"
    from fazhi.reports.drafting import template_codes

    litigation_codes = {c for c in template_codes() if c.startswith("litigation.")}
    assert litigation_codes and all(registry.get(c) for c in litigation_codes)
