"""Suggestions and reminders move to the oversight app with their rows: the tables are renamed here (the
oversight app's 0001 takes the models over in the migration state, and moves their content types)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("litigation", "0003_suggestion_letter_reply_due"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="suggestion", table="oversight_suggestion"),
                migrations.AlterModelTable(name="reminder", table="oversight_reminder"),
            ],
            state_operations=[
                migrations.DeleteModel(name="Reminder"),
                migrations.DeleteModel(name="Suggestion"),
            ],
        ),
    ]
