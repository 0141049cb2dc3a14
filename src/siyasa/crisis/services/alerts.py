"""Incident alerts by e-mail: who gets one, queueing each once, and sending it at most once.

- Declaring an incident alerts the people of its level's `notify_roles`: each emergency contact
  holding one of those roles and their backup, current people with an e-mail, each person once.
  A technical incident (a compromised account) also alerts the technical-support contacts.
- A level change (escalation or de-escalation) alerts everyone on the old level **and** the new
  one, again: the change is news for all of them — the new level's people are needed now, and
  those of the old level learn whether they are still needed or are stood down.
- A statement submitted or changed alerts the approvers it needs (`statements.approvers`).

Every alert is caused by one timeline entry; one `Alert` row per (entry, person, event), inserted
with conflicts ignored, so queueing twice or a retried job never sends twice. Delivery is a
django-tasks job (`jobs.deliver_alert`, `delivery.deliver`) that claims its row with a conditional
update, like the reminders (`siyasa.notify.delivery`), with the same retries.
"""

from siyasa.crisis import jobs
from siyasa.crisis.models import Alert, CrisisRole, EmergencyContact, Incident
from siyasa.orgs.models import Person
from siyasa.orgs.selectors import person_for

Status = Alert.Status


def people_for_roles(org, roles) -> list[Person]:
    """Current people holding any of `roles` as emergency contact or backup, each once, in the
    order of the roles' contacts."""
    contacts = (
        EmergencyContact.objects.for_org(org)
        .filter(role__in=list(roles))
        .select_related("person__user", "backup__user")
        .order_by("role", "pk")
    )
    people: dict[int, Person] = {}
    for contact in contacts:
        for person in (contact.person, contact.backup):
            if person is not None and person.is_current:
                people.setdefault(person.pk, person)
    return list(people.values())


def notify_roles(incident: Incident, levels) -> list[str]:
    roles = [role for level in levels for role in level.notify_roles]
    if incident.kind == Incident.Kind.TECHNICAL:
        roles.append(CrisisRole.TECHNICAL.value)
    return list(dict.fromkeys(roles))


def level_recipients(incident: Incident, levels) -> list[Person]:
    """Who a declaration (one level) or a level change (old and new level) alerts."""
    return people_for_roles(incident.organization, notify_roles(incident, levels))


def queue_level_alerts(incident: Incident, entry, levels) -> list[Alert]:
    people = level_recipients(incident, levels)
    return _queue(incident, entry, people, Alert.Event.LEVEL, level=levels[-1])


def queue_approval_alerts(statement, entry, people, *, exclude_user=None) -> list[Alert]:
    incident = statement.incident
    me = person_for(incident.organization, exclude_user)
    people = [p for p in people if me is None or p.pk != me.pk]
    return _queue(
        incident, entry, people, Alert.Event.APPROVAL, level=incident.level, statement=statement
    )


def _queue(incident, entry, people, event, *, level, statement=None) -> list[Alert]:
    """Insert one alert per person (ignoring those already there) and queue their delivery.

    Called inside the transaction that wrote `entry`: with the database job backend the alerts
    and their jobs are committed together, or not at all.
    """
    org = incident.organization
    Alert.objects.bulk_create(
        [
            Alert(
                organization=org,
                incident=incident,
                entry=entry,
                person=person,
                event=event,
                level=level,
                statement=statement,
                email=person.address,
                language=person.preferred_language(org),
            )
            for person in people
            if person.address
        ],
        ignore_conflicts=True,
    )
    queued = list(Alert.objects.filter(entry=entry, event=event, status=Status.PENDING, attempts=0))
    for alert in queued:
        jobs.enqueue(organization_id=org.pk, alert_id=alert.pk)
    return queued
