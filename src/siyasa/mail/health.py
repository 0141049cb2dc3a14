"""Whether e-mail is moving: the job workers' heartbeats and the e-mails still waiting to leave."""

import datetime
import os
import socket
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone

from siyasa.core.prepared import Prepared
from siyasa.mail.models import Queued, WorkerHeartbeat

# How often a worker beats; a row older than a day is a worker that is gone.
BEAT_EVERY = datetime.timedelta(seconds=30)
FORGET_AFTER = datetime.timedelta(days=1)


def stale_after() -> datetime.timedelta:
    """No heartbeat for this long, or an e-mail waiting this long, means mail is not moving."""
    return datetime.timedelta(minutes=settings.SIYASA_DELIVERY_STALE_MINUTES)


@dataclass(frozen=True)
class Delivery:
    """What the newest heartbeat says, seen at `now`."""

    now: datetime.datetime
    beat_at: datetime.datetime | None
    waiting: int
    oldest_waiting_since: datetime.datetime | None

    @property
    def heartbeat_age(self) -> datetime.timedelta | None:
        return None if self.beat_at is None else self.now - self.beat_at

    @property
    def oldest_waiting(self) -> datetime.timedelta | None:
        since = self.oldest_waiting_since
        return None if since is None else max(self.now - since, datetime.timedelta(0))

    @property
    def heartbeat_minutes(self) -> int:
        age = self.heartbeat_age
        return 0 if age is None else int(age.total_seconds() // 60)

    @property
    def waiting_minutes(self) -> int:
        waited = self.oldest_waiting
        return 0 if waited is None else int(waited.total_seconds() // 60)

    @property
    def worker_missing(self) -> bool:
        age = self.heartbeat_age
        return age is None or age > stale_after()

    @property
    def mail_waiting(self) -> bool:
        waited = self.oldest_waiting
        return waited is not None and waited > stale_after()

    @property
    def stalled(self) -> bool:
        """E-mails queued now may not leave: no worker runs, or e-mails wait too long."""
        return self.worker_missing or self.mail_waiting


# Owners and policy admins ask it on every page (compiled once: `core.prepared`).
_NEWEST_BEAT = Prepared(
    lambda: WorkerHeartbeat.objects.order_by("-beat_at").values_list(
        "beat_at", "waiting", "oldest_waiting_since"
    )[:1]
)


def delivery(now: datetime.datetime | None = None) -> Delivery:
    """The state of delivery from the newest heartbeat: one query."""
    now = now or timezone.now()
    newest = _NEWEST_BEAT.rows()
    if not newest:
        return Delivery(now, None, 0, None)
    return Delivery(now, *newest[0])


def outbox_figures() -> tuple[int, datetime.datetime | None]:
    """How many e-mails of every kind are still to leave, and since when the oldest has not
    moved (a claim or a failed attempt moves it): one query per kind of queued e-mail (the
    kinds live above mail, so they are found, not imported)."""
    count, oldest = 0, None
    for model in apps.get_models():
        if not issubclass(model, Queued):
            continue
        figures = model.waiting().aggregate(n=Count("pk"), oldest=Min("updated_at"))
        count += figures["n"]
        if figures["oldest"] is not None and (oldest is None or figures["oldest"] < oldest):
            oldest = figures["oldest"]
    return count, oldest


def beat(worker_id: str, now: datetime.datetime | None = None) -> WorkerHeartbeat:
    """Record that `worker_id` (this process) is alive, with what it sees of the outbox."""
    now = now or timezone.now()
    waiting, oldest = outbox_figures()
    row, _created = WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "beat_at": now,
            "waiting": waiting,
            "oldest_waiting_since": oldest,
        },
    )
    WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()
    return row
