"""Sign-up with a verified address, sign-in by address or user name, and sign-up by invitation
only (SIYASA_SIGNUP=invite)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from siyasa.orgs.models import Membership, Role

SIGN_UP = "/ar/accounts/signup/"
SIGN_IN = "/ar/accounts/login/"
PASSWORD = "a-long-pass-for-huda-9"


def sign_up(client: Client, email: str = "huda@example.org", **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post(SIGN_UP, data)


def link_in(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", text)[0]


# The worker runs in this thread with its own transactions, as in production.
@pytest.mark.django_db(transaction=True)
def test_sign_up_verify_by_e_mail_then_sign_in_by_address_or_user_name(smtp, run_worker, settings):
    response = sign_up(Client())
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/confirm-email/"
    assert smtp.messages == []  # the e-mail waits for the worker, not the request

    run_worker()

    (message,) = smtp.messages
    assert message["To"] == "huda@example.org"
    # A long encoded subject starts on a folded line; mail programs drop the space.
    assert message["Subject"].strip() == "أكّد عنوان بريدك الإلكتروني في «سياسة»"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert 'lang="ar" dir="rtl"' in html
    link = link_in(message)
    assert link.startswith(f"{settings.SIYASA_BASE_URL}/ar/accounts/confirm-email/")
    user = get_user_model().objects.get(email="huda@example.org")
    assert user.username == "huda"
    assert "huda" in message.get_body(preferencelist=("plain",)).get_content()

    # Before the link is followed, the password alone does not sign in.
    unverified = Client().post(SIGN_IN, {"login": "huda@example.org", "password": PASSWORD})
    assert unverified["Location"] == "/ar/accounts/confirm-email/"

    # Opened in another browser, as from a mail program.
    browser = Client()
    path = link.removeprefix(settings.SIYASA_BASE_URL)
    page = browser.get(path)
    assert page.status_code == 200 and "huda@example.org" in page.content.decode()
    confirmed = browser.post(path)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    by_address = Client().post(SIGN_IN, {"login": "HUDA@example.org", "password": PASSWORD})
    by_name = Client().post(SIGN_IN, {"login": "huda", "password": PASSWORD})
    assert by_address.status_code == 302 and by_address["Location"] == "/ar/welcome/"
    assert by_name.status_code == 302 and by_name["Location"] == "/ar/welcome/"


def test_a_new_owner_sets_up_two_factor_before_their_organisation_opens(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = Client()
    sign_up(client)
    user = get_user_model().objects.get(email="huda@example.org")
    EmailAddress.objects.filter(user=user).update(verified=True)
    client.post(SIGN_IN, {"login": "huda", "password": PASSWORD})

    started = client.post(
        "/ar/new/",
        {
            "name_ar": "جمعية هدى",
            "slug": "huda-society",
            "country": "SA",
            "default_language": "ar",
            "policy_visibility": "members",
        },
    )

    assert started["Location"] == "/ar/o/huda-society/"
    membership = Membership.objects.get(user=user, organization__slug="huda-society")
    assert membership.role == Role.OWNER
    sent = client.get("/ar/o/huda-society/")
    assert sent["Location"] == "/ar/accounts/2fa/totp/activate/?next=%2Far%2Fo%2Fhuda-society%2F"
    # Just signed in: the set-up page opens without asking for the password again.
    assert client.get(sent["Location"]).status_code == 200


def test_bad_sign_up_input_is_a_400_in_arabic(db):
    response = Client().post(
        SIGN_UP, {"email": "not-an-address", "password1": "123", "password2": "456"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "البريد" in html
    assert not get_user_model().objects.exists()


def test_signing_up_with_a_used_address_says_the_same_and_e_mails_its_owner(
    cast, settings, mailoutbox
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    used = sign_up(Client(), "staff-a@example.org")
    new = sign_up(Client(), "someone-new@example.org")

    assert used.status_code == new.status_code == 302
    assert used["Location"] == new["Location"]
    assert get_user_model().objects.filter(email="staff-a@example.org").count() == 1
    to_owner = next(m for m in mailoutbox if m.to == ["staff-a@example.org"])
    assert to_owner.subject == "لديك حساب في «سياسة» من قبل"
    assert f"{settings.SIYASA_BASE_URL}/ar/accounts/password/reset/" in to_owner.body


@pytest.fixture
def invite_only(settings):
    settings.SIYASA_SIGNUP = "invite"


def test_invite_only_refuses_sign_up_and_says_how_to_get_in(db, invite_only):
    page = Client().get(SIGN_UP)
    refused = sign_up(Client())

    assert "الحسابات بالدعوة فقط" in page.content.decode()
    assert "الحسابات بالدعوة فقط" in refused.content.decode()
    assert not get_user_model().objects.exists()
    sign_in_page = Client().get(SIGN_IN).content.decode()
    assert 'href="/ar/accounts/signup/"' not in sign_in_page


def test_open_sign_up_is_offered_on_the_sign_in_page(db):
    assert 'href="/ar/accounts/signup/"' in Client().get(SIGN_IN).content.decode()


def test_an_account_made_on_the_command_line_confirms_its_address_at_first_sign_in(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)

    response = Client().post(SIGN_IN, {"login": "root", "password": PASSWORD})

    assert response["Location"] == "/ar/accounts/confirm-email/"
    (message,) = mail.outbox
    assert message.to == ["root@example.org"] and "/ar/accounts/confirm-email/" in message.body
