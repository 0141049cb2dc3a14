"""Sending one queued e-mail row: claim, send, retry with backoff, take back, give up.

A row (a reminder digest, an incident alert, a `Message`) is a `models.Queued`. A conditional
update claims it (pending → sending) before the e-mail leaves, so two workers never send it at
the same time; a temporary SMTP failure puts it back to pending for a retry with backoff, a
permanent one or the last attempt marks it failed — logged, and shown where the row is listed.

A claim is a lease. Right after it, and before the e-mail leaves, the job queues its own
*watchdog* run for when the lease ends (`lease_check=True`): if the row is still "sending" then,
the worker that claimed it died, and the watchdog takes it back and sends it (`siyasa remind`
does the same for any row left "sending", e.g. from before watchdogs existed). The trade-off:
the SMTP server's acceptance is recorded (`sent`) the moment `send_messages` returns, before the
connection is even closed, so only a worker killed in the milliseconds between the server's
"250" and that update leaves a row that goes twice — with the same Message-ID both times, which
lets the reader's mail system fold the copies. Every other death (before or while connecting, a
server that never answers, a kill mid-conversation) loses nothing and duplicates nothing. Late
beats lost.
"""

import contextlib
import datetime
import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F
from django.utils import timezone

from siyasa.mail.models import Message, Queued

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# How long to wait before attempts 2, 3, 4 and 5 after a temporary SMTP failure.
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=25),
    datetime.timedelta(minutes=125),
)
Status = Queued.Status
PENDING, SENDING, SENT, FAILED = Status.PENDING, Status.SENDING, Status.SENT, Status.FAILED
# What a row taken back from a dead worker says, in the technical words of the other errors.
TAKEN_BACK = "Lease expired: the worker stopped while sending; sent again."


def lease() -> datetime.timedelta:
    """How long a claim holds: far longer than one SMTP conversation can take, each of its few
    round trips being cut off after EMAIL_TIMEOUT."""
    timeout = datetime.timedelta(seconds=settings.EMAIL_TIMEOUT or 0)
    return max(datetime.timedelta(minutes=10), 12 * timeout)


@dataclass(frozen=True)
class Outcome:
    status: str  # "sent", "retry", "failed" or "skipped"
    retry_in: datetime.timedelta | None = None


def send_once(
    rows,
    *,
    related: tuple[str, ...] = (),
    build: Callable[[Any], EmailMessage],  # takes a row of `rows`, whatever its model
    prefetch: tuple[str, ...] = (),
    lease_check: bool = False,
    on_claim: Callable[[], None] | None = None,
) -> Outcome:
    """Claim the one row of `rows` (a queryset), send `build(row)`, record the result.

    Normally only a pending row is claimed; with `lease_check` only one left "sending" past the
    lease. `on_claim` runs once the row is claimed, before the e-mail leaves (the job queues its
    watchdog there).
    """
    now = timezone.now()
    if lease_check:
        left = rows.filter(status=SENDING, updated_at__lte=now - lease())
        if left.filter(attempts__gte=MAX_ATTEMPTS).update(
            status=FAILED, last_error=TAKEN_BACK, updated_at=now
        ):
            _gave_up(rows.get(), TAKEN_BACK)
            return Outcome("failed")
        claimed = left.update(attempts=F("attempts") + 1, last_error=TAKEN_BACK, updated_at=now)
    else:
        claimed = rows.filter(status=PENDING).update(
            status=SENDING, attempts=F("attempts") + 1, updated_at=now
        )
    if claimed != 1:
        return Outcome("skipped")
    row = rows.select_related(*related).prefetch_related(*prefetch).get()
    if on_claim is not None:
        on_claim()
    connection = None
    try:
        message = build(row)
        # The same Message-ID at every attempt, so a copy that went twice can be folded.
        message.extra_headers.setdefault("Message-ID", message_id(row))
        connection = get_connection()
        connection.open()
        if not connection.send_messages([message]):
            raise smtplib.SMTPRecipientsRefused({address: (550, b"") for address in message.to})
    except (smtplib.SMTPException, OSError) as error:
        _close(connection)
        if permanent(error) or row.attempts >= MAX_ATTEMPTS:
            _finish(row, FAILED, error)
            return Outcome("failed")
        _finish(row, PENDING, error)
        return Outcome("retry", BACKOFF[row.attempts - 1])
    except Exception as error:
        # A bug, not the mail server: record it, and let the job library record the traceback.
        _close(connection)
        _finish(row, FAILED, error)
        raise
    # The server has taken it: say so before anything else (closing can still time out).
    _finish(row, SENT)
    _close(connection)
    return Outcome("sent")


def _finish(row, status: str, error: BaseException | None = None) -> None:
    now = timezone.now()
    last_error = f"{type(error).__name__}: {error}"[:300] if error else ""
    # Only this claim's row: a watchdog that took it back has counted another attempt.
    type(row).objects.filter(pk=row.pk, status=SENDING, attempts=row.attempts).update(
        status=status,
        sent_at=now if status == SENT else None,
        last_error=last_error,
        updated_at=now,
    )
    if status == FAILED:
        _gave_up(row, last_error)


def _gave_up(row, error: str) -> None:
    logger.error(
        "E-mail given up after %s attempts: %s %s to %s: %s",
        row.attempts,
        row._meta.label,
        row.pk,
        getattr(row, "email", None) or getattr(row, "to", ""),
        error,
    )


def _close(connection) -> None:
    """Close quietly: the e-mail's fate is already decided and recorded."""
    if connection is None:
        return
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()


def message_id(row) -> str:
    """`<mail.message.12.1767225600@siyasa.example>`: the row's own, the same on every worker."""
    domain = urlsplit(settings.SIYASA_BASE_URL).hostname or "siyasa.invalid"
    stamp = int(row.created_at.timestamp())
    return f"<{row._meta.label_lower}.{row.pk}.{stamp}@{domain}>"


def permanent(error: BaseException) -> bool:
    """A 5xx answer (unknown mailbox, refused sender) will not change by waiting."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def run(send: Callable[..., Outcome], again: Callable[..., None], *, lease_check: bool) -> str:
    """The body of every delivery job: `send(lease_check=…, on_claim=…)` its row, and
    `again(delay=…, lease_check=…)` queues the same job for the same row: the watchdog at the
    end of the lease, or the retry after a temporary failure."""
    outcome = send(lease_check=lease_check, on_claim=lambda: again(delay=lease(), lease_check=True))
    if outcome.retry_in is not None:
        again(delay=outcome.retry_in)
    return outcome.status


def left_sending(rows):
    """The rows of `rows` a worker left "sending" past the lease, for `siyasa remind` to hand
    to their watchdog."""
    return rows.filter(status=SENDING, updated_at__lte=timezone.now() - lease())


def enqueue(job, *args, delay: datetime.timedelta | None = None, lease_check: bool = False) -> None:
    """Queue `job(*args)` — its watchdog run with `lease_check` — later by `delay` when the
    backend can defer (the immediate backend, in development, runs it at once)."""
    if delay is not None and job.get_backend().supports_defer:
        job = job.using(run_after=timezone.now() + delay)
    # An ordinary run keeps the job's arguments as they always were.
    job.enqueue(*args, **({"lease_check": True} if lease_check else {}))


def queue_message(*, kind: str, to: str, build: str, params: dict) -> Message:
    """Send an e-mail of any kind through the outbox: `build` is the dotted path of a function
    that makes the `EmailMessage` from `params` when it leaves (so a secret in it, such as a
    password-reset link, is made then and never stored). The job is queued in the caller's
    transaction, like every other delivery job: both rows are written, or neither. Retried with
    backoff, taken back after a dead worker, logged when it gives up."""
    from siyasa.mail import jobs  # the job module imports this one

    message = Message.objects.create(kind=kind, to=to, build=build, params=params)
    jobs.enqueue_message(message.pk)
    return message
