"""Sending one queued e-mail row at most once: claim, send, retry with backoff, give up.

A row (a reminder digest, an incident alert) has `status`, `attempts`, `sent_at`, `last_error`.
A conditional update claims it (pending → sending) before the e-mail leaves, so two workers
never send it twice; a temporary SMTP failure puts it back to pending for a retry with backoff,
a permanent one or the last attempt marks it failed.
"""

import datetime
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone

MAX_ATTEMPTS = 5
# How long to wait before attempts 2, 3, 4 and 5 after a temporary SMTP failure.
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=25),
    datetime.timedelta(minutes=125),
)
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


@dataclass(frozen=True)
class Outcome:
    status: str  # "sent", "retry", "failed" or "skipped"
    retry_in: datetime.timedelta | None = None


def send_once(
    rows,
    *,
    related: tuple[str, ...],
    build: Callable[[Any], EmailMessage],  # takes a row of `rows`, whatever its model
    prefetch: tuple[str, ...] = (),
) -> Outcome:
    """Claim the one pending row of `rows` (a queryset), send `build(row)`, record the result.

    A worker killed between the SMTP server's answer and the final update leaves the row
    "sending": it is not retried, because the e-mail may have left — never twice beats late.
    """
    claimed = rows.filter(status=PENDING).update(
        status=SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    if claimed != 1:
        return Outcome("skipped")
    row = rows.select_related(*related).prefetch_related(*prefetch).get()
    try:
        build(row).send()
    except (smtplib.SMTPException, OSError) as error:
        if permanent(error) or row.attempts >= MAX_ATTEMPTS:
            _finish(row, FAILED, error)
            return Outcome("failed")
        _finish(row, PENDING, error)
        return Outcome("retry", BACKOFF[row.attempts - 1])
    except Exception as error:
        # A bug, not the mail server: record it, and let the job library record the traceback.
        _finish(row, FAILED, error)
        raise
    _finish(row, SENT)
    return Outcome("sent")


def _finish(row, status: str, error: BaseException | None = None) -> None:
    now = timezone.now()
    type(row).objects.filter(pk=row.pk, status=SENDING).update(
        status=status,
        sent_at=now if status == SENT else None,
        last_error=f"{type(error).__name__}: {error}"[:300] if error else "",
        updated_at=now,
    )


def permanent(error: BaseException) -> bool:
    """A 5xx answer (unknown mailbox, refused sender) will not change by waiting."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def enqueue(job, *args, delay: datetime.timedelta | None = None) -> None:
    """Queue `job(*args)`, later by `delay` when the backend can defer (the immediate backend,
    in development, retries at once)."""
    if delay is not None and job.get_backend().supports_defer:
        job = job.using(run_after=timezone.now() + delay)
    job.enqueue(*args)
