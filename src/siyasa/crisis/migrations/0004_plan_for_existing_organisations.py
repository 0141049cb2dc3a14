"""Organisations created before the crisis room get what new ones are seeded with: the default
alert and approval roles, internal communication plans and holding statements on their default
levels (only where those are still empty), and the two playbooks."""

from django.db import migrations


def forwards(apps, schema_editor):
    from siyasa.crisis.defaults import DEFAULT_LEVEL_PLANS, DEFAULT_PLAYBOOKS

    Organization = apps.get_model("orgs", "Organization")
    SeverityLevel = apps.get_model("crisis", "SeverityLevel")
    Playbook = apps.get_model("crisis", "Playbook")
    for level in SeverityLevel.objects.filter(rank__in=list(DEFAULT_LEVEL_PLANS)):
        plan = DEFAULT_LEVEL_PLANS[level.rank]
        changed = []
        for field, value in plan.items():
            if not getattr(level, field):
                setattr(level, field, [str(v) for v in value] if isinstance(value, list) else value)
                changed.append(field)
        if changed:
            level.save(update_fields=changed)
    for org in Organization.objects.all():
        have = set(Playbook.objects.filter(organization=org).values_list("kind", flat=True))
        Playbook.objects.bulk_create(
            Playbook(
                organization=org,
                kind=str(kind),
                title_ar=title_ar,
                title_en=title_en,
                steps_ar=steps_ar,
                steps_en=steps_en,
            )
            for kind, (title_ar, title_en, steps_ar, steps_en) in DEFAULT_PLAYBOOKS.items()
            if str(kind) not in have
        )


class Migration(migrations.Migration):
    dependencies = [("crisis", "0003_crisis_room")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
