from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0006_special_actions_from_names")]

    operations = [
        migrations.RemoveField("enforcementcase", "special_action_name"),
        migrations.RemoveField("inspectionbatch", "special_action_name"),
    ]
