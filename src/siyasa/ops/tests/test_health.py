"""Knowing when mail is not moving: the banner, the crisis room's notice, `/healthz`."""

import datetime
import json

import pytest
from django.utils import timezone

from siyasa.crisis.tests.conftest import declare
from siyasa.mail import health
from siyasa.mail.models import Message, WorkerHeartbeat
from siyasa.ops.models import DailyRun

pytestmark = pytest.mark.django_db

NOT_LEAVING = "E-mail is not leaving this server."
QUEUED = "Alerts are queued, not sent."


def beat(minutes_ago: float = 0) -> None:
    health.beat("worker-1", now=timezone.now() - datetime.timedelta(minutes=minutes_ago))


def waiting_message(minutes: float) -> Message:
    message = Message.objects.create(kind="test", to="x@example.org", build="x.y")
    then = timezone.now() - datetime.timedelta(minutes=minutes)
    Message.objects.filter(pk=message.pk).update(updated_at=then)
    return message


def page(cast, who: str, url: str | None = None) -> str:
    url = url or f"/en/o/{cast.org.slug}/"
    response = cast.client(who).get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("who", ["owner", "policy_admin"])
def test_owners_and_policy_admins_see_that_no_worker_runs(cast, who):
    html = page(cast, who)
    assert NOT_LEAVING in html
    assert "No job worker is running." in html
    # Every page, not only the organisation's.
    assert NOT_LEAVING in page(cast, who, "/en/")


@pytest.mark.parametrize("who", ["staff", "editor"])
def test_staff_and_editors_are_not_shown_the_banner(cast, who):
    assert NOT_LEAVING not in page(cast, who)
    assert NOT_LEAVING not in page(cast, who, "/en/")


def test_a_worker_that_stopped_beating_is_named_with_how_long_ago(cast):
    beat(minutes_ago=12)
    assert "No job worker has run for 12 minutes." in page(cast, "owner")
    arabic = page(cast, "owner", f"/ar/o/{cast.org.slug}/")
    assert "البريد الإلكتروني لا يغادر هذا الخادم." in arabic
    assert "لم يعمل أي عامل مهام منذ 12 دقيقة." in arabic


def test_e_mails_waiting_too_long_show_even_with_a_live_worker(cast):
    waiting_message(minutes=9)
    beat()
    html = page(cast, "owner")
    assert "E-mails have waited 9 minutes to leave" in html


def test_no_banner_while_mail_moves(cast):
    waiting_message(minutes=1)
    beat()
    assert NOT_LEAVING not in page(cast, "owner")
    assert NOT_LEAVING not in page(cast, "owner", "/en/")


def test_a_withdrawn_invitation_is_not_mail_waiting(cast):
    from siyasa.orgs.models import Invitation

    stale = timezone.now() - datetime.timedelta(hours=2)
    invitation = Invitation.objects.create(
        organization=cast.org,
        person=cast.person("staff"),
        email="staff@example.org",
        language="ar",
        seed="s",
        link_hash="h",
        expires_at=timezone.now() + datetime.timedelta(days=7),
        revoked_at=stale,
    )
    Invitation.objects.filter(pk=invitation.pk).update(updated_at=stale)
    beat()
    assert health.delivery().waiting == 0
    assert NOT_LEAVING not in page(cast, "owner")


def test_the_crisis_room_says_alerts_are_queued_not_sent(cast):
    incident = declare(cast.membership("staff"))
    url = f"/en/o/{cast.org.slug}/crisis/incidents/{incident.number}/"

    assert QUEUED in page(cast, "staff", url)
    beat()
    assert QUEUED not in page(cast, "staff", url)


def test_the_crisis_notice_is_in_arabic_too(cast):
    incident = declare(cast.membership("staff"))
    html = page(cast, "staff", f"/ar/o/{cast.org.slug}/crisis/incidents/{incident.number}/")
    assert "التنبيهات في الانتظار، لم تُرسل." in html


def healthz(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


def test_healthz_answers_200_when_everything_moves(client, cast):
    beat()
    now = timezone.now()
    DailyRun.objects.create(day=timezone.localdate(), started_at=now, finished_at=now)

    status, body = healthz(client)

    assert status == 200
    assert body["database"] is True
    assert body["worker_heartbeat_age_s"] < 5
    assert body["queue_depth"] == 0 and body["oldest_waiting_s"] is None
    assert body["last_daily_run"] == now.isoformat()
    # Nothing about any organisation.
    text = json.dumps(body)
    assert cast.org.slug not in text and cast.org.name_en not in text


def test_healthz_answers_503_without_a_worker_or_a_daily_run(client, cast):
    now = timezone.now()
    status, body = healthz(client)
    assert status == 503
    assert body["worker_heartbeat_age_s"] is None and body["last_daily_run"] is None

    beat()
    assert healthz(client)[0] == 503  # no daily run yet
    DailyRun.objects.create(day=timezone.localdate(), started_at=now, finished_at=now)
    assert healthz(client)[0] == 200

    waiting_message(minutes=30)
    beat()
    status, body = healthz(client)
    assert status == 503
    assert body["queue_depth"] == 1 and body["oldest_waiting_s"] >= 30 * 60


def test_a_beat_records_what_the_worker_sees_of_the_outbox():
    """What `siyasa worker`'s heartbeat thread does every 30 s (the thread itself runs in
    test_serve.py, where /healthz only answers 200 once the worker has beaten)."""
    waiting_message(minutes=2)

    health.beat("w-test")

    row = WorkerHeartbeat.objects.get(worker_id="w-test")
    assert row.beat_at > timezone.now() - datetime.timedelta(minutes=1)
    assert row.waiting == 1
    assert health.delivery().oldest_waiting >= datetime.timedelta(minutes=2)
