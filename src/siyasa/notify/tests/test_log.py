"""The notification log: owners and policy admins see what was sent, in both languages, and
only their own organisation's digests."""

import datetime
from unittest import mock

import pytest
import time_machine

from siyasa.core.tests.factories import CustodyFactory, EmergencyContactFactory, PersonFactory
from siyasa.notify import delivery, services
from siyasa.notify.models import Digest

TODAY = datetime.date(2026, 6, 10)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime.datetime(2026, 6, 10, 7, 15), tick=False):
        yield


def sent_digest(org, **person):
    """A rotation reminder claimed and delivered (through Django's test mailbox)."""
    person = PersonFactory(organization=org, **person)
    CustodyFactory(
        organization=org, custodian=person, last_rotated_on=TODAY - datetime.timedelta(days=83)
    )
    services.remind(today=TODAY)
    digest = Digest.objects.get(person=person)
    delivery.deliver(organization_id=org.pk, digest_id=digest.pk)
    digest.refresh_from_db()
    return digest


def test_a_policy_admin_sees_a_sent_digest(cast, mailoutbox):
    digest = sent_digest(cast.org, name="سارة", email="sara@example.org")
    assert digest.status == Digest.Status.SENT and len(mailoutbox) >= 1
    response = cast.client("policy_admin").get("/ar/o/alpha/notifications/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "سارة" in page
    assert "sara@example.org" in page
    assert 'class="badge ok"' in page
    assert f'href="/ar{digest.items.get().path}"' in page


def test_the_log_reads_in_english_too(cast):
    sent_digest(cast.org, name="سارة", name_en="Sara", email="sara@example.org")
    response = cast.client("owner").get("/en/o/alpha/notifications/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Notification log" in page
    assert "Sara" in page
    assert "is due for rotation on June 17, 2026" in page
    assert 'href="/en/o/alpha/accounts/' in page


@pytest.mark.parametrize("role", ["staff", "editor"])
def test_staff_and_editors_may_not_read_the_log(cast, role):
    assert cast.client(role).get("/ar/o/alpha/notifications/").status_code == 403


def test_an_outsider_gets_404(cast):
    assert cast.client("outsider").get("/ar/o/alpha/notifications/").status_code == 404


def test_another_organisations_digests_never_appear(cast):
    sent_digest(cast.other_org, name="خالد", email="khalid@beta.example.org")
    page = cast.client("owner").get("/ar/o/alpha/notifications/").content.decode()
    assert "khalid@beta.example.org" not in page
    assert "خالد" not in page
    theirs = cast.client("outsider").get("/ar/o/beta/notifications/").content.decode()
    assert "khalid@beta.example.org" in theirs


def test_the_log_is_paginated_newest_first(cast):
    person = PersonFactory(organization=cast.org, email="many@example.org")
    for days in range(30):
        CustodyFactory(organization=cast.org, custodian=person, last_rotated_on=None)
        services.remind(today=TODAY + datetime.timedelta(days=days))
    client = cast.client("owner")
    first = client.get("/en/o/alpha/notifications/").content.decode()
    assert "Page 1 of" in first
    assert "June 10, 2026" not in first  # the oldest day is on a later page
    last_page = Digest.objects.for_org(cast.org).count() // 25 + 1
    last = client.get(f"/en/o/alpha/notifications/?page={last_page}").content.decode()
    assert "June 10, 2026" in last


def failed_alert(org, email):
    """A crisis alert that gave up, as the outbox leaves it."""
    from siyasa.crisis.models import Alert
    from siyasa.crisis.tests.conftest import declare

    owner = org.memberships.filter(role="owner").first()
    contact = PersonFactory(organization=org, name="منى", name_en="Mona", email=email)
    EmergencyContactFactory(organization=org, role="social_team", person=contact)
    with mock.patch("siyasa.crisis.jobs.enqueue"):  # nobody sends it here
        incident = declare(owner, 1)
    alert = Alert.objects.get(incident=incident, person=contact)
    Alert.objects.filter(pk=alert.pk).update(
        status=Alert.Status.FAILED, attempts=5, last_error="SMTPRecipientsRefused: 550"
    )
    return incident


def test_a_crisis_alert_that_gave_up_is_shown_as_failed(cast):
    incident = failed_alert(cast.org, "mona@example.org")
    failed_alert(cast.other_org, "theirs@beta.example.org")

    page = cast.client("policy_admin").get("/en/o/alpha/notifications/").content.decode()

    assert "Crisis alerts" in page
    assert "mona@example.org" in page and "theirs@beta.example.org" not in page
    assert "SMTPRecipientsRefused: 550" in page
    assert f'href="/en/o/alpha/crisis/incidents/{incident.number}/"' in page
    assert '<span class="badge bad">Failed</span>' in page
    arabic = cast.client("owner").get("/ar/o/alpha/notifications/").content.decode()
    assert "تنبيهات الأزمات" in arabic and "تعذّر" in arabic
