"""Remove certificates recorded twice (a double click) before the database refuses them."""

from django.db import migrations
from django.db.models import Count

SAME = ("volunteer", "requested_on", "issued_on")


def remove_duplicates(apps, schema_editor):
    Certificate = apps.get_model("screening", "Certificate")
    Reminder = apps.get_model("matches", "Reminder")
    twice = Certificate.objects.order_by().values(*SAME).annotate(n=Count("pk")).filter(n__gt=1)
    for group in twice.values_list(*SAME):
        same = Certificate.objects.filter(**dict(zip(SAME, group, strict=True)))
        rows = list(same.order_by("pk").values_list("pk", flat=True))
        kept, extra = rows[0], rows[1:]
        # The reminder that went out for a copy stays, so it is not sent again.
        if not Reminder.objects.filter(certificate=kept).exists():
            sent = Reminder.objects.filter(certificate__in=extra).order_by("pk").first()
            if sent is not None:
                Reminder.objects.filter(pk=sent.pk).update(certificate=kept)
        Certificate.objects.filter(pk__in=extra).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matches", "0007_moment_lapsed_on"),
        ("screening", "0001_initial"),
    ]

    operations = [migrations.RunPython(remove_duplicates, migrations.RunPython.noop)]
