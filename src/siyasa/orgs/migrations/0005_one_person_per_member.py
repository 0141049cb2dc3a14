"""One person, one record: every member's sign-in becomes a person of their organisation's
directory.

For each membership whose user has no person in that organisation yet, the migration links the
person with the same e-mail (compared case-insensitively; among several, a current one, then
the oldest), or — when there is none — creates one from the account (the full name, else the
user name, and the account's e-mail). Each write gets its own history record, with the reason,
so the change history shows what the migration did. Running it again changes nothing.
"""

from django.db import migrations
from django.utils import timezone

REASON = "linked to the member's sign-in (migration)"


def forwards(apps, schema_editor):
    Membership = apps.get_model("orgs", "Membership")
    Person = apps.get_model("orgs", "Person")
    HistoricalPerson = apps.get_model("orgs", "HistoricalPerson")
    for membership in Membership.objects.select_related("user").order_by("organization_id", "pk"):
        user, org_id = membership.user, membership.organization_id
        if Person.objects.filter(organization_id=org_id, user_id=user.pk).exists():
            continue
        person = None
        if user.email:
            person = (
                Person.objects.filter(
                    organization_id=org_id, user__isnull=True, email__iexact=user.email
                )
                .order_by("status", "pk")  # "active" sorts before "departed"
                .first()
            )
        if person is None:
            full_name = f"{user.first_name} {user.last_name}".strip()
            person = Person(
                organization_id=org_id,
                name=(full_name or user.username)[:150],
                email=user.email,
                kind="staff",
                status="active",
            )
            history_type = "+"
        else:
            history_type = "~"
        person.user_id = user.pk
        person.save()
        _record(HistoricalPerson, person, history_type)


def _record(HistoricalPerson, person, history_type):
    """What django-simple-history would write for this save (it does not see migrations)."""
    values = {f.attname: getattr(person, f.attname) for f in person._meta.concrete_fields}
    HistoricalPerson.objects.create(
        **values,
        history_date=timezone.now(),
        history_type=history_type,
        history_change_reason=REASON,
    )


class Migration(migrations.Migration):
    dependencies = [("orgs", "0004_invitations")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
