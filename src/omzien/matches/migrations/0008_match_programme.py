"""Each match carries its request's programme, filled in here for the matches there are."""

import django.db.models.deletion
from django.db import migrations, models

OPEN = ["proposed", "introduction_planned", "introduction_held", "agreed", "active", "paused", "closing"]
FILL = """
UPDATE matches_match SET programme_id = (
    SELECT programme_id FROM intake_request WHERE intake_request.id = matches_match.request_id
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0003_offer_intake_on_request_intake_on"),
        ("matches", "0007_moment_lapsed_on"),
        ("programmes", "0003_closure"),
    ]

    operations = [
        migrations.AddField(
            model_name="match",
            name="programme",
            field=models.ForeignKey(
                null=True,
                editable=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="matches",
                to="programmes.programme",
                verbose_name="programma",
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="match",
            name="programme",
            field=models.ForeignKey(
                editable=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="matches",
                to="programmes.programme",
                verbose_name="programma",
            ),
        ),
        migrations.AddIndex(
            model_name="match",
            index=models.Index(fields=["programme", "status"], name="match_programme_status"),
        ),
        migrations.AddIndex(
            model_name="match",
            index=models.Index(
                fields=["programme", "-proposed_at", "-id"], name="match_programme_newest"
            ),
        ),
        migrations.AddIndex(
            model_name="match",
            index=models.Index(
                condition=models.Q(("status__in", OPEN)), fields=["offer"], name="match_open_by_offer"
            ),
        ),
    ]
