"""Every ledger's settings lists are audited and edited by the system administrator."""

from decimal import Decimal

import pytest

from fazhi.accounts.testing import login_with_second_factor
from fazhi.audit.models import AuditEntry
from fazhi.audit.watch import is_watched
from fazhi.disputes.models import DisputeSettings, DisputeType
from fazhi.disputes.reference import ensure_default_types
from fazhi.ledger.registry import ledger_models, settings_models
from fazhi.legal.models import LegalSettings
from fazhi.petitions.models import PetitionSettings


def entries_for(obj):
    return AuditEntry.objects.filter(target_type=obj._meta.label_lower, target_id=str(obj.pk)).order_by("seq")


@pytest.fixture
def sys_admin(client, tree, person):
    admin = person("sys", "sys_admin", tree["district"])
    login_with_second_factor(client, admin)
    return admin


def _url(model, suffix=""):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


def test_the_registered_settings_lists_are_the_known_ones_and_all_watched():
    assert set(settings_models()) == {DisputeSettings, DisputeType, LegalSettings, PetitionSettings}
    assert all(is_watched(model) for model in settings_models())


@pytest.mark.django_db
def test_a_changed_dispute_threshold_is_in_the_trail():
    row = DisputeSettings.current()
    assert not entries_for(row).exists()  # the defaults are nobody's change
    row.group_threshold = 12
    row.save()
    assert entries_for(row).get().changes["group_threshold"] == [30, 12]


@pytest.mark.django_db
def test_a_dispute_type_created_and_renamed_is_in_the_trail():
    kind = DisputeType.objects.create(name="拆迁", order=5)
    kind.name = "征收拆迁"
    kind.save()
    actions = [(entry.action, entry.changes.get("name")) for entry in entries_for(kind)]
    assert actions == [("create", [None, "拆迁"]), ("update", ["拆迁", "征收拆迁"])]


@pytest.mark.django_db
def test_a_changed_filing_threshold_is_in_the_trail():
    row = LegalSettings.current()
    row.filing_threshold = Decimal("500000")
    row.save()
    old, new = entries_for(row).get().changes["filing_threshold"]
    assert Decimal(str(old)) == Decimal("1000000") and Decimal(str(new)) == Decimal("500000")


@pytest.mark.django_db
def test_the_default_rows_write_nothing_to_the_trail():
    DisputeType.objects.all().delete()  # audited: an administrator's change
    ensure_default_types()
    assert DisputeType.objects.filter(name="邻里").exists()
    assert LegalSettings.current() == LegalSettings.current()  # one row, written once
    assert LegalSettings.objects.count() == 1
    written = AuditEntry.objects.filter(
        target_type__in=["disputes.disputetype", "legal.legalsettings"], action="create"
    )
    assert not written.exists()


def test_the_system_admin_opens_every_settings_list_but_no_ledger_record(client, sys_admin):
    DisputeSettings.current(), LegalSettings.current(), PetitionSettings.current()
    for model in settings_models():
        assert client.get(_url(model)).status_code == 200, model
        row = model.objects.order_by("pk").first()
        assert client.get(_url(model, f"{row.pk}/change/")).status_code == 200, model
    for model in ledger_models():
        assert client.get(_url(model)).status_code == 403, model


def test_the_system_admin_changes_the_filing_threshold_and_the_trail_names_them(client, sys_admin):
    row = LegalSettings.current()
    answer = client.post(_url(LegalSettings, f"{row.pk}/change/"), {"filing_threshold": "500000"})
    assert answer.status_code == 302
    row.refresh_from_db()
    assert row.filing_threshold == Decimal("500000")
    entry = entries_for(row).get()
    assert entry.actor == sys_admin and entry.action == "update"
    # a second row is never added and the one row is never deleted
    assert client.get(_url(LegalSettings, "add/")).status_code == 403
    assert client.get(_url(LegalSettings, f"{row.pk}/delete/")).status_code == 403


def test_the_system_admin_changes_the_group_threshold(client, sys_admin):
    row = DisputeSettings.current()
    answer = client.post(_url(DisputeSettings, f"{row.pk}/change/"), {"group_threshold": "12"})
    assert answer.status_code == 302
    assert DisputeSettings.current().group_threshold == 12
    assert entries_for(row).get().actor == sys_admin


def test_the_system_admin_adds_a_dispute_type(client, sys_admin):
    answer = client.post(_url(DisputeType, "add/"), {"name": "拆迁", "order": "5", "active": "on"})
    assert answer.status_code == 302
    kind = DisputeType.objects.get(name="拆迁")
    assert entries_for(kind).get().actor == sys_admin


def test_the_first_settings_row_may_be_added_when_there_is_none(client, sys_admin):
    assert not DisputeSettings.objects.exists()
    answer = client.post(_url(DisputeSettings, "add/"), {"group_threshold": "20"})
    assert answer.status_code == 302
    assert DisputeSettings.current().group_threshold == 20
