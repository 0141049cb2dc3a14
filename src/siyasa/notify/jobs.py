"""The delivery job, run by the django-tasks worker (`siyasa db_worker`)."""

import datetime

from siyasa.mail import outbox
from siyasa.mail.tasks import task
from siyasa.notify import delivery


@task()
def deliver_digest(organization_id: int, digest_id: int) -> str:
    """Send one digest; after a temporary SMTP failure, queue itself again a little later."""
    outcome = delivery.deliver(organization_id=organization_id, digest_id=digest_id)
    if outcome.retry_in is not None:
        enqueue(organization_id=organization_id, digest_id=digest_id, delay=outcome.retry_in)
    return outcome.status


def enqueue(
    *, organization_id: int, digest_id: int, delay: datetime.timedelta | None = None
) -> None:
    outbox.enqueue(deliver_digest, organization_id, digest_id, delay=delay)
