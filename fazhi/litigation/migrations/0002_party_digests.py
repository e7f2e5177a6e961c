import fazhi.ledger.personal
from django.db import migrations


def fill_digests(apps, schema_editor):
    """Parties registered before the digests existed: saving computes them from the stored values."""
    CaseParty = apps.get_model("litigation", "CaseParty")
    for party in CaseParty.objects.iterator(chunk_size=1000):
        party.save(update_fields=["id_number_digest", "phone_digest"])


class Migration(migrations.Migration):
    dependencies = [
        ("litigation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="caseparty",
            name="id_number_digest",
            field=fazhi.ledger.personal.DigestField(kind="id_number", source="id_number"),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="phone_digest",
            field=fazhi.ledger.personal.DigestField(kind="phone", source="phone"),
        ),
        migrations.RunPython(fill_digests, migrations.RunPython.noop),
    ]
