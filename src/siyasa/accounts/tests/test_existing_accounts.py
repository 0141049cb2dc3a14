"""The migration to allauth: accounts made before it keep signing in, authenticator and all."""

import importlib
from types import SimpleNamespace

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db import connection

from siyasa.accounts.tests.authenticators import code_for
from siyasa.core.tests.factories import UserFactory

migration = importlib.import_module("siyasa.accounts.migrations.0001_existing_accounts")


def test_addresses_typed_by_an_owner_count_as_verified_unless_shared(db):
    alone = UserFactory(username="alone", verified=False)
    twin_a = UserFactory(username="twin-a", email="twins@example.org", verified=False)
    twin_b = UserFactory(username="twin-b", email="Twins@example.org", verified=False)

    migration.verify_existing_addresses(apps, None)

    assert EmailAddress.objects.get(user=alone).verified
    assert not EmailAddress.objects.filter(user__in=[twin_a, twin_b]).exists()


def test_a_django_otp_authenticator_keeps_working(db):
    user = UserFactory(username="owner-old")
    key = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, in hex
    # The old table, as django-otp left it (the columns the migration reads).
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {migration.OTP_TABLE} (id integer PRIMARY KEY, user_id integer, "
            "key varchar(80), confirmed boolean, step smallint, digits smallint, t0 bigint)"
        )
        cursor.execute(
            f"INSERT INTO {migration.OTP_TABLE} VALUES (1, %s, %s, TRUE, 30, 6, 0), "
            "(2, %s, 'ab', FALSE, 30, 6, 0)",
            [user.pk, key, user.pk],
        )
        migration.carry_over_authenticators(apps, SimpleNamespace(connection=connection))

    (authenticator,) = Authenticator.objects.filter(user=user)
    assert authenticator.type == "totp"
    # The phone's code (from the old hex key) is what allauth now accepts.
    assert authenticator.data["secret"] == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert authenticator.wrap().validate_code(code_for(authenticator.data["secret"]))
