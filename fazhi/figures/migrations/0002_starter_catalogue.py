"""The starter catalogue of hand-entered figures (fazhi.figures.catalogue) in a fresh installation."""

from django.db import migrations


def install(apps, schema_editor):
    from fazhi.figures.catalogue import install as add_missing

    add_missing(apps.get_model("figures", "ManualFigure"))


class Migration(migrations.Migration):
    dependencies = [("figures", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
