"""Hardened access: lockout, two-factor enforcement, password reset, headers, check --deploy."""

import datetime
import os
import re
import subprocess
import sys
from urllib.parse import quote

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from siyasa.core.tests.factories import MembershipFactory, UserFactory
from siyasa.orgs.models import Organization, Role

SIGN_IN = "/ar/accounts/login/"
PASSWORD = "pass-word-123"  # the factories' password


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


def after_a_moment():
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=5), tick=False)


def fail_until_locked(client: Client, username: str, limit: int) -> list[int]:
    return [
        client.post(SIGN_IN, {"username": username, "password": "wrong"}).status_code
        for _ in range(limit)
    ]


# Lockout (django-axes)


def test_the_sign_in_locks_after_the_failure_limit_even_for_the_right_password(cast, settings):
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT

    statuses = fail_until_locked(client, "staff-a", limit)

    assert statuses == [400] * (limit - 1) + [429]
    response = client.post(SIGN_IN, {"username": "staff-a", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/accounts/password/reset/"' in html


def test_the_lock_is_per_user_name(cast, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)

    response = client.post(SIGN_IN, {"username": "editor-a", "password": PASSWORD})

    assert response.status_code == 302


def test_the_lock_lifts_after_the_cool_off(cast, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)

    later = timezone.now() + settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        response = client.post(SIGN_IN, {"username": "staff-a", "password": PASSWORD})

    assert response.status_code == 302


def test_axes_reset_lifts_the_lock(cast, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)

    call_command("axes_reset")

    assert client.post(SIGN_IN, {"username": "staff-a", "password": PASSWORD}).status_code == 302


# Two-factor enforcement


def workspace(slug="alpha"):
    return f"/ar/o/{slug}/"


def test_a_policy_admin_without_an_authenticator_is_sent_to_set_it_up(cast):
    client = Client()
    client.force_login(cast.users["policy_admin"])

    response = client.get(workspace())

    assert response.status_code == 302
    assert response["Location"] == f"/ar/accounts/two-factor/?next={quote(workspace(), safe='')}"


def test_an_owner_with_an_authenticator_is_asked_for_a_code_first(cast):
    TOTPDevice.objects.create(user=cast.users["owner"], name="phone", confirmed=True)
    client = Client()
    client.force_login(cast.users["owner"])

    response = client.get(workspace() + "people/?kind=team")

    assert response.status_code == 302
    next_url = quote(workspace() + "people/?kind=team", safe="")
    assert response["Location"] == f"/ar/accounts/two-factor/verify/?next={next_url}"


def test_the_password_then_the_code_lets_a_policy_admin_in(cast):
    device = TOTPDevice.objects.create(user=cast.users["policy_admin"], confirmed=True)
    client = Client()

    response = client.post(
        SIGN_IN, {"username": "policy_admin-a", "password": PASSWORD, "next": workspace()}
    )
    assert response["Location"].startswith("/ar/accounts/two-factor/verify/?next=")

    response = client.post(
        "/ar/accounts/two-factor/verify/", {"code": code_for(device), "next": workspace()}
    )
    assert response.status_code == 302 and response["Location"] == workspace()
    assert client.get(workspace()).status_code == 200


def test_a_wrong_code_is_refused(cast):
    TOTPDevice.objects.create(user=cast.users["owner"], confirmed=True)
    client = Client()
    client.force_login(cast.users["owner"])

    response = client.post("/ar/accounts/two-factor/verify/", {"code": "000000"})

    assert response.status_code == 400
    assert client.get(workspace()).status_code == 302


def test_staff_of_an_organisation_that_requires_it_need_a_second_factor(cast):
    Organization.objects.filter(pk=cast.org.pk).update(require_two_factor=True)
    client = Client()
    client.force_login(cast.users["staff"])

    response = client.get(workspace())

    assert response["Location"].startswith("/ar/accounts/two-factor/?next=")


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

    assert response["Location"].startswith("/ar/accounts/two-factor/?next=")


def test_set_up_refuses_a_wrong_code_and_confirms_with_the_right_one(cast):
    client = Client()
    client.force_login(cast.users["policy_admin"])
    page = client.get("/ar/accounts/two-factor/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=cast.users["policy_admin"])
    assert not device.confirmed

    wrong = client.post("/ar/accounts/two-factor/", {"code": "000000"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    assert not device.confirmed

    # After a wrong code the device waits a moment (throttling). Arabic-Indic digits are what
    # many phones type.
    with after_a_moment():
        arabic = code_for(device).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        right = client.post("/ar/accounts/two-factor/", {"code": arabic, "next": workspace()})
    assert right.status_code == 302 and right["Location"] == workspace()
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(workspace()).status_code == 200


def test_turning_it_off_needs_a_code(cast):
    client = cast.client("owner")
    device = TOTPDevice.objects.get(user=cast.users["owner"])

    assert client.post("/ar/accounts/two-factor/", {"code": "000000"}).status_code == 400
    with after_a_moment():
        response = client.post("/ar/accounts/two-factor/", {"code": code_for(device)})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast.users["owner"]).exists()
    assert client.get(workspace())["Location"].startswith("/ar/accounts/two-factor/?next=")


def test_the_organisation_settings_offer_the_requirement(cast):
    html = cast.client("owner").get(workspace() + "settings/").content.decode()

    assert 'name="require_two_factor"' in html


# Password reset by e-mail


@pytest.fixture
def mail_now(settings):
    """E-mails into `mail.outbox`, and jobs run at once instead of by the worker."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_the_reset_page_says_the_same_for_known_and_unknown_addresses(cast, mail_now, settings):
    known = Client().post(
        "/en/accounts/password/reset/", {"email": "staff-a@example.org"}, follow=True
    )
    unknown = Client().post(
        "/en/accounts/password/reset/", {"email": "nobody@example.org"}, follow=True
    )

    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staff-a@example.org"]
    assert f"{settings.SIYASA_BASE_URL}/en/accounts/password/reset/" in message.body
    assert message.alternatives[0].mimetype == "text/html"


def test_the_reset_e_mail_leaves_through_the_worker_not_the_request(cast, settings):
    from django_tasks_db.models import DBTaskResult

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Client().post("/ar/accounts/password/reset/", {"email": "staff-a@example.org"})

    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path__endswith="send_password_reset").count() == 1


def test_a_reset_sets_a_new_password_and_lifts_a_lock(cast, mail_now, settings):
    client = Client()
    fail_until_locked(client, "staff-a", settings.AXES_FAILURE_LIMIT)
    client.post("/ar/accounts/password/reset/", {"email": "staff-a@example.org"})
    link = re.search(r"/ar/accounts/password/reset/[^/\s]+/[^/\s]+/", mail.outbox[0].body)[0]

    form_url = client.get(link)["Location"]  # Django moves the token into the session
    new = "a-brand-new-pass-77"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})

    assert response["Location"] == "/ar/accounts/password/reset/done/"
    assert client.post(SIGN_IN, {"username": "staff-a", "password": new}).status_code == 302


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
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_demo_switch_lets_owners_in_without_a_second_factor(cast, settings):
    from django.test import Client

    settings.SIYASA_ENFORCE_TWO_FACTOR = False
    client = Client()
    client.force_login(cast.users["owner"])
    assert client.get(f"/ar/o/{cast.org.slug}/").status_code == 200
