"""The outbox with a real SMTP server on loopback and the real worker: any kind of e-mail is
retried with backoff, a server that never answers costs seconds, a claim a dead worker left is
taken back after its lease, and an e-mail that gives up says so."""

import datetime
import logging
import os
import subprocess
import sys
import time

import pytest
import time_machine
from django.core.mail import EmailMessage
from django.core.mail.backends.smtp import EmailBackend
from django.db import transaction

from siyasa.mail import outbox
from siyasa.mail.models import Message

# The worker commits and polls like in production, so these tests run outside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)

MORNING = datetime.datetime(2026, 6, 10, 7, 15, tzinfo=datetime.UTC)
Status = Message.Status


class Killed(BaseException):
    """What a worker killed mid-send looks like from the row: nothing after it runs."""


@pytest.fixture
def clock():
    with time_machine.travel(MORNING) as traveller:
        yield traveller


def hello(*, to: str, name: str) -> EmailMessage:
    """A builder as another app would write one (the password reset makes its link here)."""
    return EmailMessage(f"Hello {name}", "A message that must arrive.", to=[to])


def queue(name="Sara") -> Message:
    with transaction.atomic():
        return outbox.queue_message(
            kind="hello",
            to="sara@example.org",
            build=f"{__name__}.hello",
            params={"to": "sara@example.org", "name": name},
        )


def test_any_kind_of_email_is_retried_with_backoff_and_sent_once(smtp, run_worker, clock):
    smtp.refuse = 1
    message = queue()
    run_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts, smtp.messages) == (Status.PENDING, 1, [])
    assert "451" in message.last_error

    run_worker()  # the retry waits a minute
    assert smtp.messages == []
    clock.shift(datetime.timedelta(minutes=1, seconds=1))
    run_worker()

    [received] = smtp.messages
    assert received["Subject"] == "Hello Sara"
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 2, "")
    assert received["Message-ID"] == outbox.message_id(message)
    # Nothing of the e-mail itself is stored: only how to make it.
    assert set(message.params) == {"to", "name"}


def test_an_email_that_gives_up_is_marked_failed_and_logged(smtp, run_worker, clock, caplog):
    smtp.refuse = outbox.MAX_ATTEMPTS
    message = queue()
    with caplog.at_level(logging.ERROR, logger="siyasa.mail.outbox"):
        for _attempt in range(outbox.MAX_ATTEMPTS):
            run_worker()
            clock.shift(datetime.timedelta(hours=3))
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, outbox.MAX_ATTEMPTS)
    assert smtp.messages == []
    assert "given up" in caplog.text and "sara@example.org" in caplog.text


def test_a_server_that_never_answers_costs_seconds_not_the_worker(silent_smtp, run_worker, clock):
    message = queue()
    started = time.monotonic()
    run_worker()
    assert time.monotonic() - started < 10  # EMAIL_TIMEOUT is one second here
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.PENDING, 1)
    assert "timed out" in message.last_error


def test_a_claim_left_by_a_dead_worker_is_taken_back_after_its_lease(
    smtp, run_worker, clock, monkeypatch
):
    send = EmailBackend.send_messages

    def killed_once(self, messages):
        monkeypatch.setattr(EmailBackend, "send_messages", send)
        raise Killed

    monkeypatch.setattr(EmailBackend, "send_messages", killed_once)
    message = queue()
    run_worker()  # the worker dies while the e-mail is leaving
    message.refresh_from_db()
    assert (message.status, smtp.messages) == (Status.SENDING, [])

    run_worker()  # still within the lease: nobody takes it
    assert smtp.messages == []
    clock.shift(outbox.lease() + datetime.timedelta(seconds=1))
    run_worker()  # the claim's watchdog

    assert len(smtp.messages) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENT, 2)


def test_the_one_window_left_sends_twice_with_the_same_message_id(
    smtp, run_worker, clock, monkeypatch
):
    """The documented trade-off: killed between the server's "250" and recording it."""
    finish = outbox._finish

    def killed_after_the_server_took_it(row, status, error=None):
        if status == Status.SENT:
            monkeypatch.setattr(outbox, "_finish", finish)
            raise Killed
        finish(row, status, error)

    monkeypatch.setattr(outbox, "_finish", killed_after_the_server_took_it)
    queue()
    run_worker()
    clock.shift(outbox.lease() + datetime.timedelta(seconds=1))
    run_worker()

    first, second = smtp.messages
    assert first["Message-ID"] == second["Message-ID"]


def test_a_watchdog_gives_up_when_the_last_attempt_died(smtp, run_worker, clock, caplog):
    message = queue()
    Message.objects.filter(pk=message.pk).update(
        status=Status.SENDING, attempts=outbox.MAX_ATTEMPTS
    )
    clock.shift(outbox.lease() + datetime.timedelta(seconds=1))
    with caplog.at_level(logging.ERROR, logger="siyasa.mail.outbox"):
        from siyasa.mail import jobs

        jobs.enqueue_message(message.pk, lease_check=True)
        run_worker()
    message.refresh_from_db()
    assert message.status == Status.FAILED and "Lease expired" in message.last_error
    assert smtp.messages == [] and "given up" in caplog.text


@pytest.mark.parametrize("env,expected", [({}, "30"), ({"EMAIL_TIMEOUT": "7"}, "7")])
def test_the_smtp_timeout_is_set_by_default_and_by_the_environment(env, expected):
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.EMAIL_TIMEOUT)"
    environ = {k: v for k, v in os.environ.items() if k != "EMAIL_TIMEOUT"}
    environ.update(DJANGO_SETTINGS_MODULE="siyasa.settings", SECRET_KEY="t", **env)
    result = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected
