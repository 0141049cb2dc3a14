"""R2.1: a version's rotation interval takes effect on its effective date, not at publication.

The one interval copied at publication becomes the list of (effective date, interval) of the
published versions, rebuilt from them; only the one in force today and those to come are kept.
"""

import datetime

from django.db import migrations, models


def from_versions(apps, schema_editor):
    Organization = apps.get_model("orgs", "Organization")
    PolicyVersion = apps.get_model("policy", "PolicyVersion")
    today = datetime.date.today().isoformat()
    intervals = {}
    for version in PolicyVersion.objects.order_by("organization_id", "number"):
        days = version.content.get("rotation_interval_days", 90)
        intervals.setdefault(version.organization_id, []).append(
            [version.effective_on.isoformat(), days]
        )
    for org_id, rows in intervals.items():
        started = [i for i, (day, _days) in enumerate(rows) if day <= today]
        rows = rows[started[-1] :] if started else rows
        Organization.objects.filter(pk=org_id).update(rotation_intervals=rows)


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0005_one_person_per_member"),
        ("policy", "0002_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalorganization",
            name="rotation_intervals",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="organization",
            name="rotation_intervals",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.RunPython(from_versions, migrations.RunPython.noop),
        migrations.RemoveField(model_name="historicalorganization", name="rotation_interval_days"),
        migrations.RemoveField(model_name="organization", name="rotation_interval_days"),
    ]
