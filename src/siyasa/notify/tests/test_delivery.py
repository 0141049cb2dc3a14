"""Delivery through the job worker and a real SMTP server on loopback (aiosmtpd)."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from siyasa.core.tests.factories import CustodyFactory, UserFactory
from siyasa.notify import jobs
from siyasa.notify.delivery import MAX_ATTEMPTS
from siyasa.notify.models import Digest
from siyasa.orgs.models import Person
from siyasa.workspace.services import create_organization

# The worker commits and polls like in production, so these tests run outside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def remind():
    call_command("remind", stdout=StringIO())


MORNING = datetime.datetime(2026, 6, 10, 7, 15, tzinfo=ZoneInfo("Asia/Riyadh"))


@pytest.fixture
def clock():
    with time_machine.travel(MORNING) as traveller:
        yield traveller


@pytest.fixture
def sara(clock):
    """An Arabic reader who started an organisation of her own (no other recipients), due a
    rotation reminder among others: one digest."""
    org = create_organization(
        owner=UserFactory(username="sara", email="sara@example.org"),
        owner_name="سارة",
        slug="gamma",
        name_ar="جمعية جيم",
        name_en="Gamma Society",
    )
    person = Person.objects.for_org(org).get()
    person.language = "ar"
    person.save()
    CustodyFactory(
        organization=org,
        custodian=person,
        last_rotated_on=datetime.date(2026, 6, 10) - datetime.timedelta(days=83),
    )
    return person


def test_an_arabic_digest_arrives_through_smtp(smtp, run_worker, sara):
    remind()
    assert smtp.messages == []  # queued, not sent: the worker sends
    run_worker()

    [message] = smtp.messages
    assert message["To"] == "sara@example.org"
    assert "جمعية جيم" in str(message["Subject"])
    assert message["Content-Language"] == "ar"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "سارة" in text and "جمعية جيم" in text
    assert "http://127.0.0.1:8000/ar/o/gamma/accounts/" in text
    assert '<html lang="ar" dir="rtl">' in html
    assert "سارة" in html and "جمعية جيم" in html
    assert '<span dir="ltr">X @' in html

    digest = Digest.objects.get(person=sara)
    assert (digest.status, digest.attempts, digest.last_error) == (Digest.Status.SENT, 1, "")
    assert digest.sent_at is not None


def test_a_refused_delivery_is_retried_later_and_sent_once(smtp, run_worker, sara, clock):
    smtp.refuse = 1  # the server answers 451 to the first DATA
    remind()
    run_worker()
    digest = Digest.objects.get(person=sara)
    assert (smtp.refused, len(smtp.messages)) == (1, 0)
    assert (digest.status, digest.attempts) == (Digest.Status.PENDING, 1)
    assert "451" in digest.last_error

    run_worker()  # the retry waits a minute
    assert len(smtp.messages) == 0

    clock.shift(datetime.timedelta(minutes=1, seconds=1))
    run_worker()
    digest.refresh_from_db()
    assert len(smtp.messages) == 1
    assert (digest.status, digest.attempts) == (Digest.Status.SENT, 2)

    # Running the job again for a sent digest sends nothing.
    jobs.enqueue(organization_id=digest.organization_id, digest_id=digest.pk)
    run_worker()
    remind()
    run_worker()
    assert len(smtp.messages) == 1
    digest.refresh_from_db()
    assert digest.attempts == 2


def test_delivery_gives_up_after_the_last_attempt(smtp, run_worker, sara, clock):
    smtp.refuse = MAX_ATTEMPTS
    remind()
    for _attempt in range(MAX_ATTEMPTS):
        run_worker()
        clock.shift(datetime.timedelta(hours=3))
    digest = Digest.objects.get(person=sara)
    assert (digest.status, digest.attempts) == (Digest.Status.FAILED, MAX_ATTEMPTS)
    assert smtp.messages == []
    run_worker()
    assert smtp.refused == MAX_ATTEMPTS


def test_an_unreachable_server_is_retried(settings, run_worker, sara):
    from conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    remind()
    run_worker()
    digest = Digest.objects.get(person=sara)
    assert (digest.status, digest.attempts) == (Digest.Status.PENDING, 1)
    assert "ConnectionRefusedError" in digest.last_error


def test_a_server_that_never_answers_costs_a_second_and_the_digest_waits_its_turn(
    silent_smtp, run_worker, sara
):
    remind()
    run_worker()  # EMAIL_TIMEOUT is one second here; without it this never returns
    digest = Digest.objects.get(person=sara)
    assert (digest.status, digest.attempts) == (Digest.Status.PENDING, 1)
    assert "timed out" in digest.last_error


def test_remind_takes_back_every_email_a_dead_worker_left_sending(smtp, run_worker, sara, clock):
    """Rows claimed before watchdogs existed (or whose watchdog was lost) are not stuck."""
    from siyasa.mail import outbox
    from siyasa.mail.models import Message

    remind()
    digest = Digest.objects.get(person=sara)
    message = Message.objects.create(
        kind="hello",
        to="amal@example.org",
        build="siyasa.mail.tests.test_outbox.hello",
        params={"to": "amal@example.org", "name": "Amal"},
    )
    for model, pk in ((Digest, digest.pk), (Message, message.pk)):
        model.objects.filter(pk=pk).update(status="sending", attempts=1)
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()  # their jobs died with the worker
    clock.shift(outbox.lease() + datetime.timedelta(minutes=1))

    call_command("remind", stdout=StringIO())
    run_worker()

    assert {m["To"] for m in smtp.messages} == {"sara@example.org", "amal@example.org"}
    digest.refresh_from_db()
    message.refresh_from_db()
    assert (digest.status, digest.attempts) == (Digest.Status.SENT, 2)
    assert message.status == Message.Status.SENT
