"""Every sign-in page is Siyasa's page: in the reader's language and direction, in base.html."""

import pytest
from django.test import Client

from siyasa.accounts.tests.authenticators import add_authenticator

ANONYMOUS = ["login/", "signup/", "password/reset/", "password/reset/done/", "confirm-email/"]
SIGNED_IN = ["2fa/", "email/", "password/change/", "reauthenticate/", "logout/"]


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("en", "ltr")])
def test_account_pages_are_in_the_page_language(cast, lang, direction):
    signed_in = cast.client("staff")

    pages = [Client().get(f"/{lang}/accounts/{path}") for path in ANONYMOUS]
    pages += [signed_in.get(f"/{lang}/accounts/{path}") for path in SIGNED_IN]

    for page in pages:
        assert page.status_code == 200, page.request["PATH_INFO"]
        html = page.content.decode()
        assert f'<html lang="{lang}" dir="{direction}">' in html, page.request["PATH_INFO"]
        assert 'class="topbar"' in html and "style=" not in html


def test_the_security_page_says_how_one_signs_in(cast):
    add_authenticator(cast.users["staff"])
    html = cast.client("staff").get("/ar/accounts/2fa/").content.decode()

    assert "staff-a" in html and "staff-a@example.org" in html
    assert 'href="/ar/accounts/2fa/totp/deactivate/"' in html
    assert 'href="/ar/accounts/password/change/"' in html
