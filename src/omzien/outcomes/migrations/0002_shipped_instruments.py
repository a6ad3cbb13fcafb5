from django.db import migrations


def load_shipped(apps, schema_editor):
    from omzien.outcomes.shipped import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0001_initial")]

    operations = [migrations.RunPython(load_shipped, migrations.RunPython.noop)]
