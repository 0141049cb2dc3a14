"""Hardened access: lockout, two-factor enforcement, password reset, headers, check --deploy."""

import datetime
import os
import re
import subprocess
import sys
from urllib.parse import quote

import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from siyasa.accounts.tests.authenticators import add_authenticator, code_for
from siyasa.core.tests.factories import MembershipFactory, UserFactory
from siyasa.orgs.models import Organization, Role

SIGN_IN = "/ar/accounts/login/"
CODE_PAGE = "/ar/accounts/2fa/authenticate/"
SET_UP = "/ar/accounts/2fa/totp/activate/"
PASSWORD = "pass-word-123"  # the factories' password


def fail_until_locked(client: Client, login: str, limit: int) -> list[int]:
    return [
        client.post(SIGN_IN, {"login": login, "password": "wrong"}).status_code
        for _ in range(limit)
    ]


# Lockout (django-axes)


def test_the_sign_in_locks_after_the_failure_limit_even_for_the_right_password(cast, settings):
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT

    statuses = fail_until_locked(client, "staff-a", limit)

    assert statuses == [400] * (limit - 1) + [429]
    response = client.post(SIGN_IN, {"login": "staff-a", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "تسجيل الدخول موقوف مؤقتًا" in html
    assert 'href="/ar/accounts/password/reset/"' in html


def test_the_lock_is_per_user_name(cast, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)

    response = client.post(SIGN_IN, {"login": "editor-a", "password": PASSWORD})

    assert response.status_code == 302


def test_wrong_passwords_by_address_and_by_user_name_count_for_one_account(cast, settings):
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT
    fail_until_locked(client, "staff-a@example.org", limit - 1)

    assert fail_until_locked(client, "STAFF-A", 1) == [429]
    assert client.post(SIGN_IN, {"login": "staff-a", "password": PASSWORD}).status_code == 429


def test_the_lock_lifts_after_the_cool_off(cast, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)

    later = timezone.now() + settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        response = client.post(SIGN_IN, {"login": "staff-a", "password": PASSWORD})

    assert response.status_code == 302


def test_axes_reset_lifts_the_lock(cast, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)

    call_command("axes_reset")

    assert client.post(SIGN_IN, {"login": "staff-a", "password": PASSWORD}).status_code == 302


# Two-factor enforcement


def workspace(slug="alpha"):
    return f"/ar/o/{slug}/"


def test_a_policy_admin_without_an_authenticator_is_sent_to_set_it_up(cast):
    client = Client()
    client.force_login(cast.users["policy_admin"])

    response = client.get(workspace())

    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next={quote(workspace(), safe='')}"


def test_a_session_that_gave_no_code_is_asked_for_one_first(cast):
    # The Django admin's own sign-in, or a session from before the authenticator, gave no code.
    add_authenticator(cast.users["owner"])
    client = Client()
    client.force_login(cast.users["owner"])

    response = client.get(workspace() + "people/?kind=team")

    assert response.status_code == 302
    next_url = quote(workspace() + "people/?kind=team", safe="")
    assert response["Location"] == f"/ar/accounts/2fa/reauthenticate/?next={next_url}"


def test_the_password_then_the_code_lets_a_policy_admin_in(cast):
    secret = add_authenticator(cast.users["policy_admin"])
    client = Client()

    response = client.post(
        SIGN_IN, {"login": "policy_admin-a", "password": PASSWORD, "next": workspace()}
    )
    assert response.status_code == 302 and response["Location"] == CODE_PAGE
    assert "_auth_user_id" not in client.session  # not signed in until the code

    response = client.post(CODE_PAGE, {"code": code_for(secret)})
    assert response.status_code == 302 and response["Location"] == workspace()
    assert client.get(workspace()).status_code == 200


def test_a_wrong_code_is_refused(cast):
    add_authenticator(cast.users["owner"])
    client = Client()
    client.post(SIGN_IN, {"login": "owner-a", "password": PASSWORD})

    response = client.post(CODE_PAGE, {"code": "000000"})

    assert response.status_code == 400
    assert "لم يُقبل هذا الرمز" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(workspace()).status_code == 302


def test_a_recovery_code_signs_in_once(cast):
    user = cast.users["owner"]
    add_authenticator(user)
    code = RecoveryCodes.activate(user).get_unused_codes()[0]

    def sign_in_with(second):
        client = Client()
        client.post(SIGN_IN, {"login": "owner-a", "password": PASSWORD, "next": workspace()})
        return client, client.post(CODE_PAGE, {"code": second})

    client, first = sign_in_with(code)
    assert first.status_code == 302 and first["Location"] == workspace()
    assert client.get(workspace()).status_code == 200
    _client, again = sign_in_with(code)
    assert again.status_code == 400


def test_staff_of_an_organisation_that_requires_it_need_a_second_factor(cast):
    Organization.objects.filter(pk=cast.org.pk).update(require_two_factor=True)
    client = Client()
    client.force_login(cast.users["staff"])

    response = client.get(workspace())

    assert response["Location"].startswith(f"{SET_UP}?next=")


def test_staff_elsewhere_do_not(cast):
    Organization.objects.filter(pk=cast.org.pk).update(require_two_factor=True)
    staff_b = UserFactory(username="staff-b")
    MembershipFactory(user=staff_b, organization=cast.other_org, role=Role.STAFF)
    client = Client()
    client.force_login(staff_b)

    assert client.get(workspace("beta")).status_code == 200


def test_anonymous_readers_of_a_public_policy_are_not_asked(cast):
    Organization.objects.filter(pk=cast.org.pk).update(policy_visibility="public")

    assert Client().get(workspace() + "policy/").status_code == 200


def test_changing_the_password_waits_for_the_second_factor(cast):
    client = Client()
    client.force_login(cast.users["owner"])

    response = client.get("/ar/accounts/password/change/")

    assert response["Location"].startswith(f"{SET_UP}?next=")


def test_set_up_refuses_a_wrong_code_then_offers_recovery_codes_and_goes_on(cast):
    user = cast.users["policy_admin"]
    client = Client()
    client.post(SIGN_IN, {"login": "policy_admin-a", "password": PASSWORD})
    sent = client.get(workspace())
    page = client.get(sent["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and 'dir="rtl"' in html
    secret = client.session["mfa.totp.secret"]

    wrong = client.post(SET_UP, {"code": "000000", "next": workspace()})
    assert wrong.status_code == 400
    assert not Authenticator.objects.filter(user=user).exists()

    # Arabic-Indic digits are what many phones type.
    arabic = code_for(secret).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    right = client.post(SET_UP, {"code": arabic, "next": workspace()})
    assert right.status_code == 302
    assert (
        right["Location"] == f"/ar/accounts/2fa/recovery-codes/?next={quote(workspace(), safe='')}"
    )
    codes_page = client.get(right["Location"]).content.decode()
    codes = Authenticator.objects.get(user=user, type="recovery_codes").wrap().get_unused_codes()
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    assert f'href="{workspace()}"' in codes_page
    assert client.get(workspace()).status_code == 200

    # From now on the password alone is not enough; a recovery code from that page is.
    client.post("/ar/accounts/logout/")
    again = client.post(SIGN_IN, {"login": "policy_admin-a", "password": PASSWORD})
    assert again["Location"] == CODE_PAGE
    assert client.post(CODE_PAGE, {"code": codes[3]})["Location"] == "/ar/welcome/"


def test_turning_it_off_asks_for_the_password_again(cast):
    client = cast.client("owner")

    # Some time after signing in, a change to how one signs in asks who is there.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=10), tick=False):
        asked = client.post("/ar/accounts/2fa/totp/deactivate/")
        assert asked["Location"].startswith("/ar/accounts/reauthenticate/?next=")
        assert client.post(asked["Location"], {"password": "wrong"}).status_code == 400
        assert Authenticator.objects.filter(user=cast.users["owner"]).exists()
        # The right password carries out the turning-off that was asked for.
        response = client.post(asked["Location"], {"password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/ar/accounts/2fa/"
    assert not Authenticator.objects.filter(user=cast.users["owner"]).exists()
    assert client.get(workspace())["Location"].startswith(f"{SET_UP}?next=")


def test_the_organisation_settings_offer_the_requirement(cast):
    html = cast.client("owner").get(workspace() + "settings/").content.decode()

    assert 'name="require_two_factor"' in html


# Password reset by e-mail


def test_the_reset_page_says_the_same_for_known_and_unknown_addresses(cast, mail_now, settings):
    known = Client().post(
        "/en/accounts/password/reset/", {"email": "staff-a@example.org"}, follow=True
    )
    unknown = Client().post(
        "/en/accounts/password/reset/", {"email": "nobody@example.org"}, follow=True
    )

    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    to_known, to_unknown = sorted(
        mail.outbox, key=lambda message: message.to != ["staff-a@example.org"]
    )
    assert to_known.to == ["staff-a@example.org"]
    assert f"{settings.SIYASA_BASE_URL}/en/accounts/password/reset/key/" in to_known.body
    assert to_known.alternatives[0].mimetype == "text/html"
    # The address with no account learns that, and nothing else; the page said nothing at all.
    assert to_unknown.to == ["nobody@example.org"]
    assert "/password/reset/key/" not in to_unknown.body


def test_the_reset_e_mail_is_in_arabic_on_arabic_pages(cast, mail_now):
    Client().post("/ar/accounts/password/reset/", {"email": "staff-a@example.org"})

    (message,) = mail.outbox
    assert message.subject == "تعيين كلمة مرور جديدة لحسابك في «سياسة»"
    assert "/ar/accounts/password/reset/key/" in message.body
    assert 'dir="rtl"' in message.alternatives[0].content


def test_the_reset_e_mail_leaves_through_the_outbox_and_keeps_no_secret(
    transactional_db, cast, smtp, run_worker
):
    # transactional_db: the worker closes its database connection when it is done.
    from siyasa.mail.models import Message

    Client().post("/ar/accounts/password/reset/", {"email": "staff-a@example.org"})
    Client().post("/ar/accounts/password/reset/", {"email": "nobody@example.org"})

    queued = Message.objects.order_by("pk")
    assert [(m.kind, m.status) for m in queued] == [
        ("password-reset", "pending"),
        ("password-reset-unknown", "pending"),
    ]
    # The queued row names the account; the link with its token is made as the e-mail leaves.
    assert "/key/" not in str(queued[0].params)
    assert smtp.messages == []

    run_worker()
    assert sorted(m["To"] for m in smtp.messages) == ["nobody@example.org", "staff-a@example.org"]
    to_staff = next(m for m in smtp.messages if m["To"] == "staff-a@example.org")
    assert "/ar/accounts/password/reset/key/" in to_staff.get_body(("plain",)).get_content()


def test_a_reset_e_mail_that_fails_once_is_sent_on_the_retry(
    transactional_db, cast, smtp, run_worker
):
    # transactional_db: the worker closes its database connection when it is done.
    from siyasa.mail.models import Message

    smtp.refuse = 1
    with time_machine.travel(timezone.now(), tick=False) as clock:
        Client().post("/en/accounts/password/reset/", {"email": "staff-a@example.org"})
        run_worker()
        message = Message.objects.get()
        assert (message.status, message.attempts, smtp.messages) == ("pending", 1, [])

        clock.shift(datetime.timedelta(minutes=1, seconds=1))  # the first retry waits a minute
        run_worker()
    message.refresh_from_db()
    assert message.status == "sent"
    [received] = smtp.messages
    assert "/en/accounts/password/reset/key/" in received.get_body(("plain",)).get_content()


def test_a_reset_sets_a_new_password_and_lifts_a_lock(cast, mail_now, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)
    client.post("/ar/accounts/password/reset/", {"email": "staff-a@example.org"})
    link = re.search(r"/ar/accounts/password/reset/key/\S+/", mail.outbox[0].body)[0]

    form_url = client.get(link)["Location"]  # allauth moves the key into the session
    new = "a-brand-new-pass-77"
    response = client.post(form_url, {"password1": new, "password2": new})

    assert response["Location"] == "/ar/accounts/password/reset/key/done/"
    assert client.post(SIGN_IN, {"login": "staff-a", "password": new}).status_code == 302


def test_the_admin_signs_in_through_the_same_page_lockout_and_code(db):
    response = Client().get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/login/?next=%2Fadmin%2F"


def test_the_sign_in_page_links_to_the_reset(db):
    assert 'href="/ar/accounts/password/reset/"' in Client().get(SIGN_IN).content.decode()


# Headers and the deployment check


def test_pages_carry_a_content_security_policy(db):
    response = Client().get(SIGN_IN)

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_the_deployment_check_is_clean_with_production_settings(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "SESSION_", "AXES_", "DJANGO_"))
    }
    env |= {
        "DEBUG": "0",
        "SECRET_KEY": "k8#Qz2!vN7@pL4$wR9%tY6^uB3&mE1*oC5(aS0)dF8_gH2+jK7-xZ4=qW9~eT3",
        "ALLOWED_HOSTS": "siyasa.example.org",
        "SIYASA_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "siyasa", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    # The one silenced check is axes' advice to key the lock on the address too (settings.py says
    # why the lock is keyed on the account, whatever the address).
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_the_demo_switch_lets_owners_in_without_a_second_factor(cast, settings):
    from django.test import Client

    settings.SIYASA_ENFORCE_TWO_FACTOR = False
    client = Client()
    client.force_login(cast.users["owner"])
    assert client.get(f"/ar/o/{cast.org.slug}/").status_code == 200
