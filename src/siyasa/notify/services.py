"""`siyasa remind`: decide what is due everywhere, claim it once, queue one job per digest, hand
every e-mail a dead worker left "sending" to its watchdog, keep the day's health score of every
organisation for the trend, and remove the drafts of post reviews past their retention."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from siyasa.crisis import jobs as crisis_jobs
from siyasa.crisis.models import Alert
from siyasa.doctor import engine
from siyasa.mail import jobs as mail_jobs
from siyasa.mail import outbox
from siyasa.mail.models import Message
from siyasa.notify import digests, jobs, reminders
from siyasa.notify.digests import Plan
from siyasa.notify.models import Digest
from siyasa.orgs import jobs as invitation_jobs
from siyasa.orgs.models import Invitation, Organization
from siyasa.postcheck import services as postcheck_services

# Organisations read, diagnosed and claimed together: enough that the queries per organisation stay
# few (each step reads a batch in a fixed number of queries), few enough that memory stays flat and
# the time linear in the number of organisations (bench/daily.py).
BATCH = 100


@dataclass
class RemindResult:
    dry_run: bool
    # On a dry run, what would be queued; otherwise empty (the digests are in the database).
    plans: list[Plan]
    digests: int
    items: int


def organization_batches(size: int = BATCH) -> Iterator[list[Organization]]:
    """Every organisation, `size` at a time, in the order they were made."""
    last = 0
    while batch := list(Organization.objects.filter(pk__gt=last).order_by("pk")[:size]):
        yield batch
        last = batch[-1].pk


def remind(*, today: datetime.date, dry_run: bool = False, batch: int = BATCH) -> RemindResult:
    """Claim today's due reminders into digests and queue their delivery, then record today's
    health snapshots (the trend on the health page) and purge the drafts of reviews closed long
    enough ago (`postcheck.services.purge_closed`); a dry run only reads. Organisations are
    taken `batch` at a time; each batch's reminders are committed before the next is read."""
    plans: list[Plan] = []
    digest_count = item_count = 0
    snapshot_error: Exception | None = None
    for orgs in organization_batches(batch):
        reports = engine.diagnose_many(orgs, today)
        items = reminders.due_items(orgs, today=today, reports=reports)
        if dry_run:
            plans += digests.plan(items, day=today)
            continue
        # The job rows go in the same transaction as the claims: with the database backend a
        # digest and its delivery job are committed together, or not at all.
        with transaction.atomic():
            claimed = digests.claim(items, day=today)
            for digest, _count in claimed:
                jobs.enqueue(organization_id=digest.organization_id, digest_id=digest.pk)
        digest_count += len(claimed)
        item_count += sum(count for _digest, count in claimed)
        # After the claims, not with them: a failure here must not hold back the reminders, of
        # this batch or of the next ones; it is raised once they are all queued.
        try:
            engine.record(list(reports.values()))
        except Exception as error:  # noqa: BLE001 - raised again below
            snapshot_error = snapshot_error or error
    if dry_run:
        return RemindResult(True, plans, len(plans), sum(len(p.items) for p in plans))
    take_back_left_sending()
    # Issue 14: the drafts of reviews that are over leave after their retention period.
    postcheck_services.purge_closed(now=timezone.now())
    if snapshot_error is not None:
        raise snapshot_error
    return RemindResult(False, [], digest_count, item_count)


def take_back_left_sending() -> None:
    """Every e-mail still "sending" past its lease (its worker died, and its watchdog never ran —
    e.g. it was claimed before watchdogs existed) goes to its watchdog run, which sends it."""
    for digest in outbox.left_sending(Digest.objects.all()).only("pk", "organization_id"):
        jobs.enqueue(organization_id=digest.organization_id, digest_id=digest.pk, lease_check=True)
    for alert in outbox.left_sending(Alert.objects.all()).only("pk", "organization_id"):
        crisis_jobs.enqueue(
            organization_id=alert.organization_id, alert_id=alert.pk, lease_check=True
        )
    for message_id in outbox.left_sending(Message.objects.all()).values_list("pk", flat=True):
        mail_jobs.enqueue_message(message_id, lease_check=True)
    for invitation in outbox.left_sending(Invitation.objects.all()).only("pk", "organization_id"):
        invitation_jobs.enqueue(
            organization_id=invitation.organization_id,
            invitation_id=invitation.pk,
            lease_check=True,
        )
