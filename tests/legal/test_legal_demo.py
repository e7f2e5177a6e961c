import datetime
import io

import pytest

from fazhi.demo.tree import build_orgs, build_people
from fazhi.figures import registry
from fazhi.ledger.models import NumberSequence
from fazhi.legal.demo import load_demo
from fazhi.legal.models import ReviewItem
from fazhi.orgs.models import Organisation

pytestmark = pytest.mark.django_db


def test_demo_reproduces_the_wuchang_2024_report():
    orgs = build_orgs()
    load_demo(orgs, build_people(orgs), io.StringIO())
    wuchang = Organisation.objects.subtree_of([orgs["wuchang"]])

    def year(code, y):
        return registry.get(code).compute(wuchang, datetime.date(y, 1, 1), datetime.date(y, 12, 31))

    assert year("legal.contracts_reviewed", 2024) == 959
    assert year("legal.opinions", 2024) == 124
    assert year("legal.contracts_filed", 2024) == 4
    assert year("legal.normative_documents", 2024) == 1
    assert year("legal.contracts_reviewed", 2023) == 812
    assert 2 <= year("legal.review_days_avg", 2024) <= 10
    # every contract at or above 100万元 concluded in 2024 was filed
    big = ReviewItem.objects.filter(org__in=wuchang, requires_filing=True, concluded_on__year=2024)
    assert big.count() == 4 and not big.filter(filed_on__isnull=True).exists()
    open_now = ReviewItem.objects.exclude(status__in=ReviewItem.STATES.closed)
    assert {"submitted", "reviewing", "returned"} <= set(open_now.values_list("status", flat=True))
    assert ReviewItem.objects.filter(org__code="cangqian-sfs").exists()
    seq = NumberSequence.objects.get(org=orgs["wuchang-zf"], kind="审", year=2024)
    assert ReviewItem.objects.filter(number=f"五常执审〔2024〕{seq.last:04d}号").exists()
