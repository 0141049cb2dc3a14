"""The doctor reports e-mails that gave up in the last two weeks: crisis alerts under R3.1 (an
error: a contact nobody reached), reminder digests under R0.3 (a warning)."""

import datetime

import time_machine

from siyasa.core.tests.factories import PersonFactory
from siyasa.crisis.models import Alert, TimelineEntry
from siyasa.crisis.tests.conftest import declare
from siyasa.doctor.engine import diagnose
from siyasa.mail.models import Queued
from siyasa.notify.models import Digest

NOW = datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()
FAILED = Queued.Status.FAILED


def about_mail(org, today=TODAY):
    return {f.subject: f for f in diagnose(org, today).findings if f.subject.startswith("mail:")}


def alert_that_failed(org, email, when):
    entry = TimelineEntry.objects.filter(incident__organization=org).first()
    person = PersonFactory(organization=org, email=email)
    with time_machine.travel(when):
        return Alert.objects.create(
            organization=org,
            incident=entry.incident,
            entry=entry,
            person=person,
            event=Alert.Event.LEVEL,
            level=entry.incident.level,
            email=email,
            language="ar",
            status=FAILED,
            attempts=5,
        )


def test_failed_alerts_and_digests_of_the_last_two_weeks_are_findings(cast, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    declare(cast.membership("staff"), 1)
    alert_that_failed(cast.org, "old@example.org", NOW - datetime.timedelta(days=20))
    alert_that_failed(cast.org, "mona@example.org", NOW - datetime.timedelta(days=2))
    person = PersonFactory(organization=cast.org)
    with time_machine.travel(NOW - datetime.timedelta(days=1)):
        Digest.objects.create(
            organization=cast.org,
            person=person,
            email="sara@example.org",
            day=TODAY,
            language="ar",
            status=FAILED,
            attempts=5,
            run="00000000-0000-0000-0000-000000000001",
        )

    found = about_mail(cast.org)

    alerts, digests = found["mail:crisis.alert:failed"], found["mail:notify.digest:failed"]
    assert (alerts.requirement, str(alerts.severity)) == ("R3.1", "error")
    assert (digests.requirement, str(digests.severity)) == ("R0.3", "warning")
    assert "mona@example.org" in alerts.message and "old@example.org" not in alerts.message
    assert alerts.params["count"] == 1
    assert alerts.fix.url(cast.org.slug) == "/ar/o/alpha/notifications/"
    # Another organisation's failures are its own; older ones are no longer news.
    assert not about_mail(cast.other_org)
    assert not about_mail(cast.org, TODAY + datetime.timedelta(days=15))
