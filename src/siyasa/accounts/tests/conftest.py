"""A real SMTP server on loopback and the job worker, shared with the reminder tests."""

from siyasa.notify.tests.conftest import run_worker, smtp  # noqa: F401 - fixtures
