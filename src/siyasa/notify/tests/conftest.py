"""Fixtures for reminders: a real SMTP server on loopback and the worker run in the test."""

import email
import email.policy
import signal
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


class Mailbox:
    """An aiosmtpd handler that keeps what it accepts, and can refuse the first messages."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = 0
        self.refused = 0

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            self.refused += 1
            return "451 4.3.0 Try again later"
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        )
        return "250 2.0.0 Accepted"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """An SMTP server on 127.0.0.1 that Django's SMTP backend sends to."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 10
    yield mailbox
    controller.stop()


@pytest.fixture
def run_worker():
    """Run `siyasa db_worker --batch`: every job that is ready now, then return."""
    handlers = {
        sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    }

    def run():
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    yield run
    # The worker installs its own handlers for graceful shutdown; give pytest back its own.
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
