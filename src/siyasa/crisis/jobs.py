"""The alert delivery job, run by the django-tasks worker (`siyasa db_worker`)."""

import datetime

from siyasa.crisis import delivery
from siyasa.mail import outbox
from siyasa.mail.tasks import task


@task()
def deliver_alert(organization_id: int, alert_id: int) -> str:
    """Send one incident alert; after a temporary SMTP failure, queue itself again later."""
    outcome = delivery.deliver(organization_id=organization_id, alert_id=alert_id)
    if outcome.retry_in is not None:
        enqueue(organization_id=organization_id, alert_id=alert_id, delay=outcome.retry_in)
    return outcome.status


def enqueue(
    *, organization_id: int, alert_id: int, delay: datetime.timedelta | None = None
) -> None:
    outbox.enqueue(deliver_alert, organization_id, alert_id, delay=delay)
