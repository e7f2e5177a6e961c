"""Helpers shared by the enforcement tests (imported by module name)."""

import datetime

from fazhi.enforcement import services
from fazhi.orgs.models import Kind
from tests.conftest import TODAY, make_org

ID_A = "11010519491231002X"
PHONE_A = "13812345678"


def add_team(tree, street="a"):
    code = f"{street}-zf"
    if code not in tree:
        tree[code] = make_org(
            code, Kind.ENFORCEMENT_TEAM, tree[street], f"{tree[street].name}综合执法队", f"{street}执"
        )
    return tree[code]


def add_officer(
    actor, org, name, number, *, issued_on=datetime.date(2022, 1, 10), expires_on=datetime.date(2028, 1, 9)
):
    return services.add_officer(
        actor, org=org, name=name, joined_on=issued_on, number=number, issuer="测试区人民政府",
        issued_on=issued_on, expires_on=expires_on,
    ).officer  # fmt: skip


def special_action(actor, org, name="百日攻坚", *, starts_on=TODAY - datetime.timedelta(days=30), **over):
    """The team's 专项行动 of that name (registered once, then found)."""
    from fazhi.enforcement.models import SpecialAction

    found = SpecialAction.objects.filter(org=org, name=name).first()
    return found or services.record_special_action(
        actor, org=org, name=name, kind=over.pop("kind", "campaign"), starts_on=starts_on, **over
    )


def file_case(actor, org, officers, *, filed_on=None, procedure="ordinary", party_kind="person", **extra):
    return services.file_case(
        actor,
        org=org,
        parties=[services.PartyData(name="陈某", kind=party_kind, id_number=ID_A, phone=PHONE_A)],
        officers=officers,
        filed_on=filed_on or TODAY,
        procedure=procedure,
        source=extra.pop("source", "patrol"),
        field="city",
        object_kind="shop",
        summary=extra.pop("summary", "店铺跨门营业"),
        **extra,
    )
