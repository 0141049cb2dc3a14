"""The delivery job of `Message` rows (the e-mails with no row of their own), run by the worker."""

import datetime
from functools import partial

from django.utils.module_loading import import_string

from siyasa.mail import outbox
from siyasa.mail.models import Message
from siyasa.mail.tasks import task


@task()
def deliver_message(message_id: int, lease_check: bool = False) -> str:
    """Send one queued e-mail; retried after a temporary failure, taken back after a dead worker."""
    rows = Message.objects.filter(pk=message_id)
    send = partial(outbox.send_once, rows, build=build)
    return outbox.run(send, partial(enqueue_message, message_id), lease_check=lease_check)


def build(message: Message):
    """The e-mail, made now by the function the row names, from its parameters."""
    return import_string(message.build)(**message.params)


def enqueue_message(
    message_id: int, *, delay: datetime.timedelta | None = None, lease_check: bool = False
) -> None:
    outbox.enqueue(deliver_message, message_id, delay=delay, lease_check=lease_check)
