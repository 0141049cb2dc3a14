"""Sending one digest, at most once: a conditional update claims it before the e-mail leaves."""

import datetime
import smtplib
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from siyasa.notify import emails
from siyasa.notify.models import Digest

MAX_ATTEMPTS = 5
# How long to wait before attempts 2, 3, 4 and 5 after a temporary SMTP failure.
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=25),
    datetime.timedelta(minutes=125),
)
Status = Digest.Status


@dataclass(frozen=True)
class Outcome:
    status: str  # "sent", "retry", "failed" or "skipped"
    retry_in: datetime.timedelta | None = None


def deliver(*, organization_id: int, digest_id: int) -> Outcome:
    """Send a pending digest; one that is sent, failed or being sent elsewhere is left alone.

    A worker killed between the SMTP server's answer and the final update leaves the digest
    "sending": it is not retried, because the e-mail may have left — never twice beats late.
    """
    digests = Digest.objects.filter(organization_id=organization_id, pk=digest_id)
    claimed = digests.filter(status=Status.PENDING).update(
        status=Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    if claimed != 1:
        return Outcome("skipped")
    digest = digests.select_related("organization", "person").prefetch_related("items").get()
    try:
        emails.digest_message(digest).send()
    except (smtplib.SMTPException, OSError) as error:
        if _permanent(error) or digest.attempts >= MAX_ATTEMPTS:
            _finish(digest, Status.FAILED, error)
            return Outcome("failed")
        _finish(digest, Status.PENDING, error)
        return Outcome("retry", BACKOFF[digest.attempts - 1])
    except Exception as error:
        # A bug, not the mail server: record it, and let the job library record the traceback.
        _finish(digest, Status.FAILED, error)
        raise
    _finish(digest, Status.SENT)
    return Outcome("sent")


def _finish(digest: Digest, status: str, error: BaseException | None = None) -> None:
    now = timezone.now()
    Digest.objects.filter(pk=digest.pk, status=Status.SENDING).update(
        status=status,
        sent_at=now if status == Status.SENT else None,
        last_error=f"{type(error).__name__}: {error}"[:300] if error else "",
        updated_at=now,
    )


def _permanent(error: BaseException) -> bool:
    """A 5xx answer (unknown mailbox, refused sender) will not change by waiting."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500
