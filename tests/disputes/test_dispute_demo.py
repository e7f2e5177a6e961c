import datetime

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes.demo import load_demo
from fazhi.disputes.models import Dispute
from fazhi.figures import registry
from fazhi.ledger.models import NumberSequence
from fazhi.orgs.models import Organisation
from tests.conftest import demo_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_loaded(django_db_blocker, load_demo) as (orgs, _):
        yield orgs


def test_demo_reproduces_the_wuchang_2024_report(demo):
    orgs = demo
    wuchang = Organisation.objects.subtree_of([orgs["wuchang"]])

    def year(code, y):
        return registry.get(code).compute(wuchang, datetime.date(y, 1, 1), datetime.date(y, 12, 31))

    assert year("disputes.received", 2024) == 3218
    assert year("disputes.received", 2023) == 2722
    assert round((3218 / 2722 - 1) * 100, 2) == 18.22
    assert year("disputes.mediated_success", 2024) == 3212
    assert year("disputes.received.street_committee", 2024) == 1298
    assert year("disputes.received.community_committee", 2024) == 1876
    assert year("disputes.police_joint", 2024) == 689
    assert year("disputes.success_rate", 2023) < year("disputes.success_rate", 2024)
    # amounts in the seeds' magnitude (西乡 2023: 1880万元 involved, 1840万元 recovered over 4532 disputes)
    assert 5_000_000 < year("disputes.amount_recovered", 2024) < 40_000_000
    assert Dispute.objects.filter(org__code="cangqian-tw").exists()
    open_now = Dispute.objects.exclude(status__in=Dispute.STATES.closed)
    assert open_now.count() >= 30 and any(d.deadline_status() == "overdue" for d in open_now)
    # numbering continues after the demo: the sequence's last equals the highest number given
    seq = NumberSequence.objects.get(org=orgs["wuchang-tw"], kind="调", year=2024)
    assert Dispute.objects.filter(number=f"五常街调〔2024〕{seq.last:04d}号").exists()
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 7  # 五常's four years, 仓前, 西乡, 观澜


def test_demo_reproduces_the_xixiang_2023_and_guanlan_2024_reports(demo):
    """西乡 2023: 受理矛盾纠纷4532宗，调解成功4430宗，涉案人数11331人，涉案金额1880万元，挽回经济损失1840万元;
    处理30人以上重大劳资纠纷12宗. 观澜 2024: 委派至青年律师调解员纠纷案件253宗，办结案件230宗; 成功调解矛盾纠纷
    300余宗; 心理服务参与协助化解矛盾纠纷179宗."""
    orgs = demo
    xixiang = Organisation.objects.subtree_of([orgs["xixiang"]])

    def year(code):
        return registry.get(code).compute(xixiang, datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))

    assert (year("disputes.received"), year("disputes.mediated_success")) == (4532, 4430)
    assert year("disputes.persons_involved") == 11331
    assert (year("disputes.amount_involved"), year("disputes.amount_recovered")) == (18_800_000, 18_400_000)
    assert year("disputes.group_disputes") == 12
    group = Dispute.objects.filter(org__in=xixiang, is_group=True)
    assert {d.dispute_type.name for d in group} == {"劳资"}
    # a dispute never recovers more than it involved
    assert not [
        d for d in Dispute.objects.filter(org__in=xixiang) if (d.amount_recovered or 0) > d.amount_involved
    ]
    guanlan = Organisation.objects.subtree_of([orgs["guanlan"]])

    def guanlans(code):
        return registry.get(code).compute(guanlan, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))

    assert (guanlans("disputes.dispatched"), guanlans("disputes.dispatched_closed")) == (253, 230)
    assert (guanlans("disputes.mediated_success"), guanlans("disputes.psych_service")) == (300, 179)
    lawyers = Dispute.objects.filter(org=orgs["guanlan-ls"])
    assert lawyers.count() == 253 and all(d.received_by_id == orgs["guanlan-tw"].pk for d in lawyers)
