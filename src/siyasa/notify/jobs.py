"""The delivery job, run by the django-tasks worker (`siyasa db_worker`)."""

import datetime
from functools import partial

from siyasa.mail import outbox
from siyasa.mail.tasks import task
from siyasa.notify import delivery


@task()
def deliver_digest(organization_id: int, digest_id: int, lease_check: bool = False) -> str:
    """Send one digest; after a temporary SMTP failure, queue itself again a little later; as
    the watchdog of a claim (`lease_check`), take back a digest a dead worker left "sending"."""
    return outbox.run(
        partial(delivery.deliver, organization_id=organization_id, digest_id=digest_id),
        partial(enqueue, organization_id=organization_id, digest_id=digest_id),
        lease_check=lease_check,
    )


def enqueue(
    *,
    organization_id: int,
    digest_id: int,
    delay: datetime.timedelta | None = None,
    lease_check: bool = False,
) -> None:
    outbox.enqueue(deliver_digest, organization_id, digest_id, delay=delay, lease_check=lease_check)
