"""Shared fixtures: two organisations and the alice/bob/… cast, so every test can check isolation."""

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from siyasa.core.permissions import needs_two_factor
from siyasa.core.tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)
from siyasa.orgs.models import Role


class Cast:
    """Organisation A with one user per role, and organisation B with its own owner."""

    def __init__(self):
        self.org = OrganizationFactory(slug="alpha", name_ar="جمعية ألف", name_en="Alpha Society")
        self.other_org = OrganizationFactory(
            slug="beta", name_ar="جمعية باء", name_en="Beta Society"
        )
        self.users = {}
        for role in Role:
            user = UserFactory(username=f"{role.value}-a")
            MembershipFactory(user=user, organization=self.org, role=role)
            PersonFactory(organization=self.org, user=user, name=f"{role.label} A")
            self.users[role.value] = user
        self.outsider = UserFactory(username="owner-b")
        MembershipFactory(user=self.outsider, organization=self.other_org, role=Role.OWNER)

    def client(self, who: str | None) -> Client:
        """A client signed in as a role of organisation A, as 'outsider' (owner of B), or anonymous."""
        client = Client()
        if who:
            sign_in(client, self.outsider if who == "outsider" else self.users[who])
        return client

    def membership(self, role: str):
        return self.users[role].memberships.get(organization=self.org)


def sign_in(client: Client, user) -> None:
    """Sign `user` in; owners and policy admins also pass the second factor, as in real life."""
    client.force_login(user)
    if needs_two_factor(user):
        device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # what django_otp.login() stores
        session.save()


@pytest.fixture
def cast(db) -> Cast:
    return Cast()


@pytest.fixture(autouse=True)
def plain_http(settings):
    # Tests run with DEBUG off, like production, but the test client speaks http.
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashing costs a third of a second per user; tests are not about its strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def arabic_by_default():
    # A request to /en/… leaves English active in the thread; every test starts in Arabic,
    # the default language, so `reverse()` builds /ar/… URLs.
    from django.utils import translation

    translation.activate("ar")
    yield
    translation.activate("ar")
