"""An existing database keeps its suggestions and reminders across the move from the litigation app: the
rows (same ids), the attachments (their content type relabelled, not recreated) and the audit trail (its
entries keep the old label, untouched, and are still found by the history and the integrity check)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.migrations.loader import MigrationLoader

from fazhi.audit.chain import verify
from fazhi.audit.models import Action, AuditEntry
from fazhi.audit.services import record
from fazhi.ledger.attachments import attachments_of
from fazhi.ledger.history import audit_events
from fazhi.ledger.integrity import check_model
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import migrate_to, migrated_back

BEFORE = [("litigation", "0003_suggestion_letter_reply_due"), ("oversight", None)]
# the move, and the suggestions widened into oversight items of every kind (the rows kept as they were) — up
# to the latest oversight migration, since the check below reads the rows through the current models
AFTER = [
    ("litigation", "0004_suggestions_and_reminders_to_oversight"),
    *MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("oversight"),
]
DAY = datetime.date(2024, 4, 8)


@pytest.fixture
def before_the_move(transactional_db):
    """The database as it stood with suggestions and reminders in the litigation app."""
    with migrated_back(BEFORE) as old:
        yield old


def test_rows_attachments_and_audit_entries_follow_the_records(before_the_move, settings, tmp_path):
    old = before_the_move
    settings.MEDIA_ROOT = tmp_path
    street = Organisation.objects.create(code="a", name="甲街道", short_name="甲", kind=Kind.STREET)
    unit = Organisation.objects.create(code="a-tw", name="甲街道调委会", short_name="甲街", kind=Kind.STREET_COMMITTEE,
                                       parent=street)  # fmt: skip
    Suggestion = old.get_model("litigation", "Suggestion")
    Reminder = old.get_model("litigation", "Reminder")
    suggestion = Suggestion.objects.create(
        number="甲建〔2024〕0001号", status="waiting", org_id=street.pk, kind="judicial", issuer="区法院",
        received_on=DAY, content="规范告知", reply_due=DAY + datetime.timedelta(days=30),
    )  # fmt: skip
    reminder = Reminder.objects.create(
        number="甲督〔2024〕0001号", status="issued", org_id=street.pk, to_unit_id=unit.pk, issued_on=DAY,
        matter="程序不规范",
    )  # fmt: skip
    OldContentType = old.get_model("contenttypes", "ContentType")
    old_type, _ = OldContentType.objects.get_or_create(app_label="litigation", model="suggestion")
    type_pk = old_type.pk
    old.get_model("ledger", "Attachment").objects.create(
        content_type_id=type_pk, object_id=suggestion.pk, token="t" * 32, file="attachments/litigation/1/x",
        name="建议书.pdf", size=3, sha256="0" * 64,
    )  # fmt: skip
    for target in (suggestion, reminder):
        record(
            Action.CREATE,
            target_type=f"litigation.{type(target).__name__.lower()}",
            target_id=str(target.pk),
            target_repr=target.number,
            org_id=street.pk,
            changes={"number": [None, target.number], "status": [None, target.status]},
        )
    hashes = list(AuditEntry.objects.order_by("seq").values_list("hash", flat=True))

    migrate_to(AFTER)
    ContentType.objects.clear_cache()

    from fazhi.oversight.models import Reminder as Moved
    from fazhi.oversight.models import Suggestion as MovedSuggestion

    moved = MovedSuggestion.objects.get(pk=suggestion.pk)
    assert (moved.number, moved.issuer, moved.reply_due) == (
        suggestion.number,
        "区法院",
        suggestion.reply_due,
    )
    assert Moved.objects.get(pk=reminder.pk).to_unit == unit
    # the content type row is the same one, relabelled: the attachment follows the record
    assert ContentType.objects.get_for_model(MovedSuggestion).pk == type_pk
    assert not ContentType.objects.filter(
        app_label="litigation", model__in=["suggestion", "reminder"]
    ).exists()
    assert [a.name for a in attachments_of(moved)] == ["建议书.pdf"]
    # the audit trail is untouched and still read for the moved records
    assert list(AuditEntry.objects.order_by("seq").values_list("hash", flat=True)) == hashes
    assert verify() == []
    assert [e.title for e in audit_events(moved)] == ["新建"]
    assert [e.title for e in audit_events(Moved.objects.get(pk=reminder.pk))] == ["新建"]
    for model in (MovedSuggestion, Moved):
        assert check_model(model, purged=False).problems == []

    # and back: the tables and the content types return to the litigation app
    old = migrate_to(BEFORE)
    assert old.get_model("litigation", "Suggestion").objects.get(pk=suggestion.pk).number == suggestion.number
    assert old.get_model("contenttypes", "ContentType").objects.get(pk=type_pk).app_label == "litigation"
