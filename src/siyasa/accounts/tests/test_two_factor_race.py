"""Setting up two-factor sign-in from two tabs at once (issue "Hardening", item 5): on PostgreSQL,
where requests really run side by side, nobody is locked out and nobody gets two authenticators.

allauth keeps the unconfirmed key in the session, not in a row, so first visits cannot race on
the database; the confirmation inserts the one authenticator a user may have of that type.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client

from siyasa.accounts.tests.authenticators import code_for
from siyasa.core.tests.factories import UserFactory

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite's test database serialises every writer: the race needs PostgreSQL",
)
SET_UP = "/en/accounts/2fa/totp/activate/"
PASSWORD = "pass-word-123"  # the factories' password


@pytest.fixture
def users(transactional_db, settings):
    settings.SIYASA_ENFORCE_TWO_FACTOR = True
    yield [UserFactory(username=f"tabs-{n}") for n in range(10)]
    cache.clear()  # the flush after a transactional test leaves the cache table alone


def signed_in(user) -> Client:
    """A browser that has just signed in with the password, as a person does."""
    client = Client()
    response = client.post("/en/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def tab_of(client: Client) -> Client:
    """A second tab: another client with the same session cookie."""
    tab = Client()
    tab.cookies = client.cookies
    return tab


def side_by_side(calls) -> list:
    start = threading.Barrier(len(calls))

    def run(call):
        start.wait()
        try:
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def key_on(page) -> str:
    return re.search(r'class="secret-key" dir="ltr">([A-Z2-7 ]+)<', page.content.decode())[
        1
    ].replace(" ", "")


def test_two_first_visits_at_once_leave_every_user_able_to_set_up(users):
    clients = [signed_in(user) for user in users]
    calls = [
        lambda tab=tab: tab.get(SET_UP).status_code
        for client in clients
        for tab in (client, tab_of(client))
    ]

    assert side_by_side(calls) == [200] * 20

    for client in clients:
        page = client.get(SET_UP)
        assert page.status_code == 200
        confirmed = client.post(SET_UP, {"code": code_for(key_on(page))})
        assert confirmed.status_code == 302
    assert Authenticator.objects.filter(type="totp").count() == len(users)


def test_confirming_in_two_tabs_at_once_gives_one_authenticator_and_no_error(users):
    client = signed_in(users[0])
    code = code_for(key_on(client.get(SET_UP)))
    tab = tab_of(client)

    statuses = side_by_side(
        [lambda: client.post(SET_UP, {"code": code}), lambda: tab.post(SET_UP, {"code": code})]
    )

    assert all(response.status_code in (302, 400) for response in statuses)
    assert 302 in [response.status_code for response in statuses]
    assert Authenticator.objects.filter(user=users[0], type="totp").count() == 1
    # And the page now says it is set up, rather than offering a second one.
    assert client.get(SET_UP).status_code == 302
