from django.db import migrations, models


def objection_dates(apps, schema_editor):
    # Only undecided transferred matters still watch the 5 工作日 (a decided one no longer needs the date); the
    # date comes from the one deadline engine, whose holiday calendar is migrated before this runs.
    from fazhi.deadlines.engine import due_for_rule

    Petition = apps.get_model("petitions", "Petition")
    waiting = Petition.objects.filter(status="received").exclude(transferred_from="")
    for pk, received_on in waiting.values_list("pk", "received_on"):
        due = due_for_rule("petition.transfer_objection", received_on).due
        Petition.objects.filter(pk=pk).update(objection_due=due)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0001_initial"),
        ("deadlines", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="objection_due",
            field=models.DateField(blank=True, null=True, verbose_name="提出异议期限"),
        ),
        migrations.RunPython(objection_dates, migrations.RunPython.noop),
    ]
