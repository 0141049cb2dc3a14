"""Sign-in hardening (issue "Hardening", items 4 and 9): the admin and starting an organisation
wait for the second factor, a lock holds whatever the address, and the data folder is private."""

import os
import stat
import subprocess
import sys

from django.contrib.auth import get_user_model
from django.test import Client

from siyasa.accounts.tests.authenticators import add_authenticator, give_second_factor
from siyasa.core.tests.factories import UserFactory

SIGN_IN = "/ar/accounts/login/"
PASSWORD = "pass-word-123"


def test_the_admin_asks_a_superuser_for_a_second_factor(db, settings):
    settings.SIYASA_ENFORCE_TWO_FACTOR = True
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    # No authenticator yet: set one up before the admin opens.
    response = client.get("/admin/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"]
    # With one, the admin waits for this session's code, then opens.
    add_authenticator(admin)
    response = client.get("/admin/orgs/membership/")
    assert response.status_code == 302 and "/accounts/2fa/reauthenticate/" in response["Location"]
    give_second_factor(client, admin)
    assert client.get("/admin/orgs/membership/").status_code == 200


def test_starting_an_organisation_waits_for_the_code_of_someone_who_has_an_authenticator(db):
    user = UserFactory(username="founder")
    add_authenticator(user)
    client = Client()
    client.force_login(user)
    response = client.get("/ar/new/")
    assert response.status_code == 302 and "next=%2Far%2Fnew%2F" in response["Location"]
    give_second_factor(client, user)
    assert client.get("/ar/new/").status_code == 200


def test_a_locked_account_stays_locked_from_another_address(cast, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR="192.0.2.10").post(SIGN_IN, {"login": "staff-a", "password": f"x{n}"})
    other = Client(REMOTE_ADDR="198.51.100.7")
    response = other.post(SIGN_IN, {"login": "staff-a", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in other.session


def test_password_reset_e_mails_to_one_address_are_limited(cast):
    from siyasa.mail.models import Message

    statuses = [
        Client(REMOTE_ADDR=f"192.0.2.{n}")
        .post("/en/accounts/password/reset/", {"email": "staff-a@example.org"})
        .status_code
        for n in range(1, 9)
    ]
    # allauth's own limit: five a minute for one address, whichever address asks.
    assert statuses == [302] * 5 + [429] * 3
    assert Message.objects.filter(kind="password-reset").count() == 5


def test_invitation_links_are_limited_per_address(db, settings):
    settings.SIYASA_INVITATION_RATE = "3/m"
    guesser = Client(REMOTE_ADDR="192.0.2.66")
    statuses = [guesser.get(f"/ar/invitations/guess-{n}/").status_code for n in range(5)]
    assert statuses == [404, 404, 404, 429, 429]
    assert "طلبات كثيرة" in guesser.get("/ar/invitations/guess-9/").content.decode()
    assert Client(REMOTE_ADDR="198.51.100.1").get("/ar/invitations/x/").status_code == 404


def test_the_data_folder_and_the_database_are_readable_by_their_owner_only(tmp_path):
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        SIYASA_DATA_DIR=str(data), SECRET_KEY="perm-test", DJANGO_SETTINGS_MODULE="siyasa.settings"
    )
    subprocess.run([sys.executable, "-m", "siyasa", "migrate", "-v0"], env=env, check=True)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    database = data / "siyasa.sqlite3"
    assert stat.S_IMODE(database.stat().st_mode) & 0o077 == 0
    assert get_user_model()  # the settings of this process are untouched
