"""Fixtures of the policy tests."""

import signal

import pytest
from django.core.cache import cache
from django.core.management import call_command

from siyasa.policy.tests.public_org import PublicOrg, build_public_org


@pytest.fixture
def public_org(db) -> PublicOrg:
    return build_public_org()


@pytest.fixture
def committed(transactional_db):
    """A test whose writes are committed (the job worker closes its connection, threads use
    their own): afterwards the cache is emptied too, since the flush after such a test leaves
    its table, and the rate-limit counts in it, alone."""
    yield
    cache.clear()


@pytest.fixture
def run_worker(committed):
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
