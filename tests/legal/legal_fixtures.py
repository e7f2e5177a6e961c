"""Helpers shared by the legality review tests (imported by module name; see pyproject rootdir imports)."""

from decimal import Decimal

import pytest

from fazhi.legal import services
from fazhi.orgs.models import Kind
from tests.conftest import TODAY, make_org


@pytest.fixture
def legal_units(tree):
    """A 法律顾问室 in 街道 a and one in 街道 b, and 街道 a's 司法所."""
    return {
        "a-gw": make_org("a-gw", Kind.LEGAL_ADVISER, tree["a"], "甲街道法律顾问室", "甲顾"),
        "a-sfs": make_org("a-sfs", Kind.JUSTICE_OFFICE, tree["a"], "甲街道司法所", "甲司"),
        "b-gw": make_org("b-gw", Kind.LEGAL_ADVISER, tree["b"], "乙街道法律顾问室", "乙顾"),
    }


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


@pytest.fixture
def lawyer(legal_units, person):
    return person("lawyer_a", "legal", legal_units["a-gw"])


def new_contract(actor, org, *, amount=Decimal("50000"), submitted_on=None, title="物业服务采购合同"):
    return services.submit(
        actor,
        org=org,
        kind="contract",
        title=title,
        submitted_on=submitted_on or TODAY,
        counterparty="某物业服务有限公司",
        amount=amount,
        materials="合同文本、招标文件",
    )


def new_item(actor, org, kind, *, submitted_on=None, title="关于加强社区治理的若干规定"):
    return services.submit(actor, org=org, kind=kind, title=title, submitted_on=submitted_on or TODAY)
