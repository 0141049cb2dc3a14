"""Separation of duties in approvals (R3.4): a level's minimum of different approvers (1, as
before) and who wrote each statement's current version — the last editor in the timeline, else
its first author."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def version_authors(apps, schema_editor):
    Statement = apps.get_model("crisis", "Statement")
    TimelineEntry = apps.get_model("crisis", "TimelineEntry")
    last_editor = {}
    edits = TimelineEntry.objects.filter(kind="statement_edited").order_by("at", "pk")
    for entry in edits.values("incident_id", "author_id", "data"):
        last_editor[(entry["incident_id"], entry["data"].get("statement"))] = entry["author_id"]
    for statement in Statement.objects.all():
        key = (statement.incident_id, statement.number)
        statement.version_author_id = last_editor.get(key, statement.created_by_id)
        statement.save(update_fields=["version_author"])


class Migration(migrations.Migration):
    dependencies = [
        ("crisis", "0004_plan_for_existing_organisations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalseveritylevel",
            name="min_approvers",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="At least this many different people must approve; one person counts for one role. A role's contact and its backup may both approve.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(9),
                ],
                verbose_name="different approvers needed",
            ),
        ),
        migrations.AddField(
            model_name="severitylevel",
            name="min_approvers",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="At least this many different people must approve; one person counts for one role. A role's contact and its backup may both approve.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(9),
                ],
                verbose_name="different approvers needed",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="version_author",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(version_authors, migrations.RunPython.noop),
    ]
