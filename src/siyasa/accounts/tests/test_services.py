"""`create_account`: how an invitation opens an account, even when sign-up is by invitation only."""

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.test import Client

from siyasa.accounts.services import create_account
from siyasa.core.tests.factories import UserFactory


def test_an_account_made_for_an_invitation_signs_in_at_once(db, settings):
    settings.SIYASA_SIGNUP = "invite"

    user = create_account(
        email="Nour@Example.org", password="a-long-pass-for-nour-3", language="ar"
    )

    assert user.username == "nour" and user.email == "nour@example.org"
    address = EmailAddress.objects.get(user=user)
    assert address.primary and address.verified
    signed_in = Client().post(
        "/ar/accounts/login/", {"login": "nour@example.org", "password": "a-long-pass-for-nour-3"}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/ar/welcome/"


def test_user_names_stay_unique(db):
    UserFactory(username="nour", email="nour.ahmad@example.org")

    user = create_account(
        email="nour@example.org", password="a-long-pass-for-nour-3", language="en"
    )

    assert user.username != "nour" and user.username.startswith("nour")


def test_a_weak_password_is_refused_in_the_language_asked(db):
    with pytest.raises(ValidationError) as refused:
        create_account(email="nour@example.org", password="12345678", language="ar")

    assert any("شائعة" in message or "أرقام" in message for message in refused.value.messages)
    assert not EmailAddress.objects.exists()


def test_an_address_in_use_is_refused(cast):
    with pytest.raises(ValidationError):
        create_account(
            email="STAFF-A@example.org", password="a-long-pass-for-nour-3", language="en"
        )
