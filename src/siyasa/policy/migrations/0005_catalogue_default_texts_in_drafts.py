"""The second catalogue (R1.6, R2.9–R2.11, R5.3–R5.5, R6.5–R6.6): existing organisations get
the default texts of its new sections in their draft, marked to review; published versions keep
what they said."""

from django.db import migrations
from django.utils import timezone

from siyasa.policy.defaults import DEFAULT_TEXTS

NEW_KEYS = (
    "roles.lifecycle",
    "security.recovery",
    "security.connected_apps",
    "security.passwords",
    "personal.safety",
    "personal.neutrality",
    "personal.consequences",
    "speaking.moderation",
    "speaking.house_rules",
    "speaking.accessibility",
)


def add_texts(apps, schema_editor):
    Organization = apps.get_model("orgs", "Organization")
    PolicyText = apps.get_model("policy", "PolicyText")
    History = apps.get_model("policy", "HistoricalPolicyText")
    now = timezone.now()
    for org_id in Organization.objects.values_list("pk", flat=True):
        have = set(PolicyText.objects.filter(organization_id=org_id).values_list("key", flat=True))
        for key in NEW_KEYS:
            if key in have:
                continue
            body_ar, body_en = DEFAULT_TEXTS[key]
            text = PolicyText.objects.create(
                organization_id=org_id, key=key, body_ar=body_ar, body_en=body_en, to_review=True
            )
            # R2.6: recorded like any other write (the history library's signals do not run here).
            History.objects.create(
                id=text.pk,
                organization_id=org_id,
                key=key,
                body_ar=body_ar,
                body_en=body_en,
                to_review=True,
                created_at=text.created_at,
                updated_at=text.updated_at,
                history_date=now,
                history_type="+",
                history_change_reason="Siyasa upgrade: a new section of the policy",
            )


class Migration(migrations.Migration):
    dependencies = [("policy", "0004_catalogue_texts_to_review"), ("orgs", "0001_initial")]

    operations = [migrations.RunPython(add_texts, migrations.RunPython.noop)]
