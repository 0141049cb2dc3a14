"""The alert delivery job, run by the django-tasks worker (`siyasa db_worker`)."""

import datetime
from functools import partial

from siyasa.crisis import delivery
from siyasa.mail import outbox
from siyasa.mail.tasks import task


@task()
def deliver_alert(organization_id: int, alert_id: int, lease_check: bool = False) -> str:
    """Send one incident alert; after a temporary SMTP failure, queue itself again later; as the
    watchdog of a claim (`lease_check`), take back an alert a dead worker left "sending"."""
    return outbox.run(
        partial(delivery.deliver, organization_id=organization_id, alert_id=alert_id),
        partial(enqueue, organization_id=organization_id, alert_id=alert_id),
        lease_check=lease_check,
    )


def enqueue(
    *,
    organization_id: int,
    alert_id: int,
    delay: datetime.timedelta | None = None,
    lease_check: bool = False,
) -> None:
    outbox.enqueue(deliver_alert, organization_id, alert_id, delay=delay, lease_check=lease_check)
