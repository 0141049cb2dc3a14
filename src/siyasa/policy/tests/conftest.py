"""Fixtures of the policy tests."""

import pytest

from siyasa.policy.tests.public_org import PublicOrg, build_public_org


@pytest.fixture
def public_org(db) -> PublicOrg:
    return build_public_org()
