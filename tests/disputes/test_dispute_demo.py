import datetime
import io

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.demo.tree import build_orgs, build_people
from fazhi.disputes.demo import load_demo
from fazhi.disputes.models import Dispute
from fazhi.figures import registry
from fazhi.ledger.models import NumberSequence
from fazhi.orgs.models import Organisation

pytestmark = pytest.mark.django_db


def test_demo_reproduces_the_wuchang_2024_report():
    orgs = build_orgs()
    load_demo(orgs, build_people(orgs), io.StringIO())
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
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 5
