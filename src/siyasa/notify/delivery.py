"""Sending one reminder digest, at most once (the mechanism is `siyasa.mail.outbox`)."""

from siyasa.mail.outbox import MAX_ATTEMPTS, Outcome, send_once
from siyasa.notify import emails
from siyasa.notify.models import Digest

__all__ = ["MAX_ATTEMPTS", "deliver"]


def deliver(
    *, organization_id: int, digest_id: int, lease_check: bool = False, on_claim=None
) -> Outcome:
    """Send a pending digest; one that is sent, failed or being sent elsewhere is left alone
    (`lease_check`, `on_claim`: see `send_once`)."""
    rows = Digest.objects.filter(organization_id=organization_id, pk=digest_id)
    return send_once(
        rows,
        related=("organization", "person"),
        prefetch=("items",),
        build=emails.digest_message,
        lease_check=lease_check,
        on_claim=on_claim,
    )
