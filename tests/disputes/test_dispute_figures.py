import datetime
from decimal import Decimal

import pytest

from fazhi.disputes import services
from fazhi.figures import registry
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import make_org
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
Y = 2025


def value(code, org, start=datetime.date(Y, 1, 1), end=datetime.date(Y, 12, 31)):
    return registry.get(code).compute(Organisation.objects.subtree_of([org]), start, end)


def settle(actor, d, on, recovered="0", units=()):
    d = services.add_session(
        actor, d, d.version, held_on=d.received_on, place="室", mediators="甲", notes="谈"
    )
    d.assisting_units.set(units)
    return services.conclude_success(
        actor, d, d.version, concluded_on=on, agreement_text="协议", amount_recovered=Decimal(recovered)
    )


def test_figures_on_a_small_fixture(tree, person):
    actor = person("office_a", "office", tree["a"])
    police = make_org("a-jm", Kind.POLICE_JOINT, tree["a"], "甲警民联调")
    jan = datetime.date(Y, 1, 10)
    d1 = new_dispute(actor, tree["a-tw"], received_on=jan, persons=40, amount_involved=Decimal("1000"))
    settle(actor, d1, datetime.date(Y, 1, 20), "900", [police])
    d2 = new_dispute(actor, tree["a-tw"], received_on=jan)
    d2 = services.dispatch(actor, d2, d2.version, tree["a-sq-tw"])
    settle(actor, d2, datetime.date(Y, 2, 1), "100")
    d3 = new_dispute(actor, tree["a-sq-tw"], received_on=datetime.date(Y, 12, 30), channel="grid")
    services.withdraw(actor, d3, d3.version, concluded_on=datetime.date(Y + 1, 1, 2), reason="撤回")
    new_dispute(actor, tree["a-tw"], received_on=datetime.date(Y - 1, 12, 31))  # the year before

    a = tree["a"]
    assert value("disputes.received", a) == 3
    assert value("disputes.closed", a) == 2  # d3 closes next year
    assert value("disputes.mediated_success", a) == 2
    assert value("disputes.success_rate", a) == Decimal("66.67")
    assert value("disputes.persons_involved", a) == 44
    assert value("disputes.amount_involved", a) == Decimal("1000")
    assert value("disputes.amount_recovered", a) == Decimal("1000")
    assert value("disputes.group_disputes", a) == 1
    assert value("disputes.received.street_committee", a) == 1
    assert value("disputes.received.community_committee", a) == 2
    assert value("disputes.police_joint", a) == 1
    assert value("disputes.dispatched", a) == 1 and value("disputes.dispatched_closed", a) == 1
    assert value("disputes.received", tree["a-sq"]) == 2  # rolled up from the community's units
    assert value("disputes.received", tree["b"]) == 0
    parts = dict(
        registry.parts(
            registry.get_breakdown("disputes.received.by_channel"),
            Organisation.objects.subtree_of([a]),
            datetime.date(Y, 1, 1),
            datetime.date(Y, 12, 31),
        )
    )
    assert parts == {"来访": 2, "网格上报": 1}


def test_phrases_of_the_seeds_map_to_the_figures():
    assert registry.code_for_phrase("调解成功") == "disputes.mediated_success"
    assert registry.code_for_phrase("涉案人数") == "disputes.persons_involved"
    assert registry.code_for_phrase("挽回经济损失") == "disputes.amount_recovered"
    assert registry.code_for_phrase("各社区调委会调处") == "disputes.received.community_committee"
    assert registry.code_for_phrase("街道调委会调处") == "disputes.received.street_committee"
    assert registry.code_for_phrase("接收矛盾纠纷") == "disputes.received"
    assert registry.code_for_phrase("心理服务参与化解") == "disputes.psych_service"
