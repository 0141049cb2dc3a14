"""Test helpers for two-factor sign-in: an authenticator app, the code it shows now, and a
session that has given its second factor."""

import time

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest
from django.test import Client

PERIOD = 30  # seconds per code (allauth's default)


def add_authenticator(user) -> str:
    """Set up an authenticator app for `user`, as the set-up page does; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def code_for(secret: str, *, at: float | None = None) -> str:
    """The code the app shows at `at` (now by default)."""
    return format_hotp_value(hotp_value(secret, int(at or time.time()) // PERIOD))


def give_second_factor(client: Client, user) -> None:
    """Record in `client`'s session what allauth's code page records: a code was confirmed."""
    session = client.session
    assert session.get(SESSION_KEY) == str(user.pk), "sign the client in first"
    request = HttpRequest()
    request.session = session
    record_authentication(request, user, "mfa", type="totp")
    session.save()
