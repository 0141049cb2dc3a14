"""One digest per person and day: due items are grouped per person and claimed exactly once."""

import datetime
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from siyasa.notify import texts
from siyasa.notify.models import Digest, Reminder
from siyasa.notify.rules import DueItem
from siyasa.orgs.models import Organization, Person
from siyasa.orgs.selectors import email_of


@dataclass
class Plan:
    """A digest that would be sent: to whom, in which language, with what."""

    org: Organization
    person: Person
    email: str
    language: str
    items: list[DueItem] = field(default_factory=list)


def plan(items: list[DueItem], *, day: datetime.date) -> list[Plan]:
    """Due items grouped per person, leaving out what was already claimed and the people who
    already have a digest for `day` (their new items wait for tomorrow). Reads only."""
    if not items:
        return []
    people = {item.person.pk for item in items}
    claimed = set(
        Reminder.objects.filter(
            person__in=people, period__in={item.period for item in items}
        ).values_list("organization_id", "person_id", "kind", "subject", "period")
    )
    busy = set(Digest.objects.filter(person__in=people, day=day).values_list("person", flat=True))
    plans: dict[int, Plan] = {}
    for item in items:
        person = item.person
        if item.key in claimed or person.pk in busy:
            continue
        if person.pk not in plans:
            plans[person.pk] = Plan(
                item.org, person, email_of(person), person.preferred_language(item.org)
            )
        plans[person.pk].items.append(item)
    return list(plans.values())


def claim(items: list[DueItem], *, day: datetime.date) -> list[tuple[Digest, int]]:
    """Claim due items into new digests for `day`: (digest, number of items) for each.

    Claims are inserts that ignore conflicts, read back by this run's id: a digest per person
    and day, a reminder per (person, kind, subject, period). Whatever another run (or another
    process at the same moment) inserted first stays theirs, so nothing is claimed twice.
    """
    plans = plan(items, day=day)
    if not plans:
        return []
    run = uuid.uuid4()
    with transaction.atomic():
        Digest.objects.bulk_create(
            [
                Digest(
                    organization=p.org,
                    person=p.person,
                    email=p.email,
                    day=day,
                    language=p.language,
                    run=run,
                )
                for p in plans
            ],
            ignore_conflicts=True,
        )
        digests = {d.person_id: d for d in Digest.objects.filter(run=run)}
        Reminder.objects.bulk_create(
            [
                Reminder(
                    organization=item.org,
                    person=item.person,
                    digest=digests[p.person.pk],
                    kind=item.kind,
                    subject=item.subject,
                    period=item.period,
                    content=texts.snapshot(item),
                    path=item.path,
                )
                for p in plans
                if p.person.pk in digests
                for item in p.items
            ],
            ignore_conflicts=True,
        )
        counts = Counter(Reminder.objects.filter(digest__run=run).values_list("digest", flat=True))
        # A digest whose every item was claimed elsewhere meanwhile would be an empty e-mail.
        Digest.objects.filter(run=run).exclude(pk__in=list(counts)).delete()
    return [(d, counts[d.pk]) for d in digests.values() if counts[d.pk]]
