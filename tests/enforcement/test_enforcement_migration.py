"""Migrations 0005–0007 turn the free-text 专项行动 of cases and inspections into SpecialAction rows (one per team
and distinct name, dated from its first to its last record) and the typed 立案 of an inspection into the
cases filed outside the ledger (its linked cases taken out, so the number shown does not change)."""

import datetime

import pytest

from fazhi.enforcement.models import EnforcementCase, InspectionBatch, SpecialAction, with_cases_filed
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import migrate_to, migrated_back

BEFORE = [("enforcement", "0004_caseparty_masked_values")]
AFTER = [("enforcement", "0007_drop_special_action_names")]
DAY = datetime.date(2024, 6, 18)


@pytest.fixture
def before(transactional_db):
    with migrated_back(BEFORE) as old:
        yield old


def _case(old, org, number, name, day, inspection=None, status="filed"):
    return old.get_model("enforcement", "EnforcementCase").objects.create(
        number=number, status=status, org_id=org.pk, filed_on=day, summary="未密闭运输",
        special_action=name, inspection=inspection,
    )  # fmt: skip


def test_names_become_actions_per_team_and_typed_filings_become_outside_ones(before):
    old = before
    street = Organisation.objects.create(code="a", name="甲街道", short_name="甲", kind=Kind.STREET)
    teams = [
        Organisation.objects.create(
            code=f"a-zf{i}",
            name=f"甲街道执法{i}队",
            short_name=f"甲{i}",
            kind=Kind.ENFORCEMENT_TEAM,
            parent=street,
        )
        for i in (1, 2)
    ]
    Batch = old.get_model("enforcement", "InspectionBatch")
    batch = Batch.objects.create(org_id=teams[0].pk, held_on=DAY, action="special", special_action="百日攻坚",
                                 objects_checked=5741, cases_filed=82)  # fmt: skip
    other = Batch.objects.create(org_id=teams[1].pk, held_on=DAY, special_action="", objects_checked=3,
                                 cases_filed=1)  # fmt: skip
    _case(old, teams[0], "甲执〔2024〕1号", "百日攻坚 ", DAY + datetime.timedelta(days=20), batch)
    _case(old, teams[0], "甲执〔2024〕2号", "百日攻坚", DAY + datetime.timedelta(days=40), batch)
    _case(old, teams[0], "甲执〔2024〕3号", "", DAY, batch, status="revoked")
    _case(old, teams[1], "甲执〔2024〕4号", "百日攻坚", DAY - datetime.timedelta(days=3))
    _case(old, teams[1], "甲执〔2024〕5号", "联合整治", DAY)

    migrate_to(AFTER)
    actions = {(a.org_id, a.name): a for a in SpecialAction.objects.all()}
    assert set(actions) == {(teams[0].pk, "百日攻坚"), (teams[1].pk, "百日攻坚"), (teams[1].pk, "联合整治")}
    first = actions[teams[0].pk, "百日攻坚"]
    assert (first.starts_on, first.ends_on, first.kind) == (
        DAY,
        DAY + datetime.timedelta(days=40),
        "campaign",
    )
    assert actions[teams[1].pk, "联合整治"].kind == "joint"
    assert set(EnforcementCase.objects.filter(org=teams[0]).exclude(status="revoked")
               .values_list("special_action", flat=True)) == {first.pk}  # fmt: skip
    assert InspectionBatch.objects.get(pk=batch.pk).special_action == first
    assert InspectionBatch.objects.get(pk=other.pk).special_action is None
    # 82 typed, 2 linked (the revoked one not counted): 80 outside, 82 shown as before
    shown = dict(with_cases_filed(InspectionBatch.objects.all()).values_list("pk", "cases_filed"))
    assert InspectionBatch.objects.get(pk=batch.pk).cases_filed_outside == 80
    assert shown == {batch.pk: 82, other.pk: 1}
