"""Fixtures of the policy tests."""

import pytest
from django.core.cache import cache

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
def run_worker(committed, run_worker):
    """The shared worker fixture, after this package's `committed` (see above)."""
    return run_worker
