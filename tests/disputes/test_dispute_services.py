import datetime
from decimal import Decimal

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.deadlines.engine import due_for_rule
from fazhi.disputes import services
from fazhi.disputes.models import Dispute, DisputeSettings, Party
from fazhi.errors import FazhiError, NotPermitted, StaleEdit, TransitionNotAllowed
from fazhi.ledger.personal import personal_lookup
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import ID_A, new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


def test_intake_numbers_sets_due_date_and_encrypts_parties(tree, office):
    received = datetime.date(2026, 3, 2)
    d = new_dispute(office, tree["a-tw"], received_on=received)
    assert d.number == "甲街调〔2026〕0001号"
    assert d.status == "received"
    assert d.due_date == due_for_rule("mediation.conclude", received).due
    assert d.due_date >= received + datetime.timedelta(days=30)
    assert personal_lookup(Party.objects.all(), "id_number", ID_A.lower()).get().name == "张三"
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("select id_number from disputes_party where name = %s", ["张三"])
        assert ID_A not in cur.fetchone()[0]
    assert AuditEntry.objects.filter(target_id=str(d.pk), action=Action.CREATE).exists()


def test_group_flag_follows_admin_threshold(tree, office):
    assert new_dispute(office, tree["a-tw"], persons=30).is_group
    assert not new_dispute(office, tree["a-tw"], persons=29).is_group
    DisputeSettings.objects.update(group_threshold=10)
    assert new_dispute(office, tree["a-tw"], persons=12).is_group


def test_full_lifecycle_and_visit(tree, office):
    d = new_dispute(office, tree["a-tw"], received_on=TODAY - datetime.timedelta(days=5))
    d = services.dispatch(office, d, d.version, tree["a-sq-tw"], note="属地化解")
    assert d.org == tree["a-sq-tw"] and d.status == "dispatched"
    d = services.add_session(
        office,
        d,
        d.version,
        held_on=TODAY,
        place="社区调解室",
        mediators="王调解",
        notes="双方协商",
    )
    assert d.status == "mediating"
    d = services.conclude_success(
        office,
        d,
        d.version,
        concluded_on=TODAY,
        agreement_text="李四赔偿张三维修费",
        amount_recovered=Decimal("800"),
    )
    assert (
        d.status == "success"
        and d.confirmation_due == due_for_rule("mediation.judicial_confirmation", TODAY).due
    )
    d = services.record_confirmation(
        office, d, d.version, applied_on=TODAY, court="测试区人民法院", result="pending"
    )
    d = services.record_visit(office, d, d.version, visited_on=TODAY, satisfaction="satisfied")
    assert d.satisfaction == "satisfied"
    assert d.dispatches.count() == 1 and d.sessions.count() == 1
    actions = list(AuditEntry.objects.filter(target_id=str(d.pk)).values_list("action", flat=True))
    assert actions.count(Action.TRANSITION) == 3


def test_transition_refused_with_chinese_message(tree, office):
    d = new_dispute(office, tree["a-tw"])
    with pytest.raises(TransitionNotAllowed, match="当前状态为“已受理”，不能变更为“调解成功”"):
        services.conclude_success(office, d, d.version, concluded_on=TODAY, agreement_text="x")
    d = services.withdraw(office, d, d.version, concluded_on=TODAY, reason="申请人撤回")
    with pytest.raises(TransitionNotAllowed, match="已撤回"):
        services.dispatch(office, d, d.version, tree["a-sq-tw"])
    with pytest.raises(FazhiError, match="不能再添加调解记录"):
        services.add_session(office, d, d.version, held_on=TODAY, place="x", mediators="y", notes="z")


def test_stale_edit_refused(tree, office):
    d = new_dispute(office, tree["a-tw"])
    services.update_details(office, d, d.version, summary="新的简况")
    with pytest.raises(StaleEdit, match="保存失败：该记录已被"):
        services.update_details(office, d, d.version, summary="旧版本上的修改")
    assert Dispute.objects.get(pk=d.pk).summary == "新的简况"


def test_failure_requires_referral_and_other_street_is_refused(tree, office, person):
    d = new_dispute(office, tree["a-tw"])
    d = services.add_session(office, d, d.version, held_on=TODAY, place="x", mediators="y", notes="z")
    with pytest.raises(FazhiError, match="引导去向"):
        services.conclude_failure(office, d, d.version, concluded_on=TODAY, referred_to="")
    with pytest.raises(NotPermitted):
        services.dispatch(office, d, d.version, tree["b-tw"])
    other = person("med_b", "handler", tree["b-tw"])
    with pytest.raises(NotPermitted):
        services.update_details(other, d, d.version, summary="越权修改")


def test_invalid_id_number_refused_whole(tree, office):
    with pytest.raises(FazhiError, match="第1位当事人"):
        services.intake(
            office,
            org=tree["a-tw"],
            received_on=TODAY,
            dispute_type=Dispute._meta.get_field("dispute_type").related_model.objects.first(),
            summary="x",
            parties=[services.PartyData(name="张三", id_number="110105194912310021")],
        )
    assert not Dispute.objects.exists()


def test_confirmation_after_window_refused(tree, office):
    d = new_dispute(office, tree["a-tw"], received_on=TODAY - datetime.timedelta(days=90))
    d = services.add_session(office, d, d.version, held_on=d.received_on, place="x", mediators="y", notes="z")
    agreed = d.received_on + datetime.timedelta(days=1)
    d = services.conclude_success(office, d, d.version, concluded_on=agreed, agreement_text="协议")
    with pytest.raises(FazhiError, match="已超过期限"):
        services.record_confirmation(
            office,
            d,
            d.version,
            applied_on=agreed + datetime.timedelta(days=60),
            court="法院",
            result="pending",
        )
