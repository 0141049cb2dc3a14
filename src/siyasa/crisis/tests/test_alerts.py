"""Who is alerted, in which language, on escalation and de-escalation, and never twice."""

import pytest
from django.core import mail

from siyasa.crisis import delivery, jobs
from siyasa.crisis.models import Alert, TimelineEntry
from siyasa.crisis.services import alerts, incidents, statements
from siyasa.crisis.tests.conftest import declare, declare_data, level
from siyasa.orgs.models import Person

pytestmark = pytest.mark.usefixtures("mail_now")

# Default levels (crisis/defaults.py) → who is alerted, contact and backup.
RECIPIENTS = {
    1: {"social", "social2"},
    2: {"social", "social2", "pr", "agency"},
    3: {"social", "social2", "pr", "agency", "executive"},
    4: {"social", "social2", "pr", "agency", "executive", "lawyer", "board"},
}


def sent_to() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


@pytest.mark.parametrize("rank", [1, 2, 3, 4])
def test_declaring_alerts_the_levels_contacts_and_backups_at_once(cast, crew, rank):
    declare(cast.membership("staff"), rank)

    assert sent_to() == crew.emails(*RECIPIENTS[rank])
    assert len(mail.outbox) == len(RECIPIENTS[rank])  # each person once
    assert set(Alert.objects.values_list("status", flat=True)) == {Alert.Status.SENT}


def test_a_technical_incident_also_alerts_technical_support(cast, crew):
    declare(cast.membership("staff"), 1, kind="technical")

    assert sent_to() == crew.emails("social", "social2", "tech")


def test_someone_holding_two_roles_gets_one_email(cast, crew):
    # The executive director is also the legal expert's backup.
    declare(cast.membership("staff"), 4)

    assert [m.to for m in mail.outbox].count([crew.email("executive")]) == 1


def test_departed_people_and_people_without_email_are_not_alerted(cast, crew):
    Person.objects.filter(pk=crew.people["social2"].pk).update(status="departed")
    Person.objects.filter(pk=crew.people["social"].pk).update(email="")
    crew.users["social"].email = ""
    crew.users["social"].save()

    declare(cast.membership("staff"), 1)

    assert mail.outbox == []
    assert not Alert.objects.exists()


def test_escalation_alerts_everyone_on_the_old_and_the_new_level_again(cast, crew):
    incident = declare(cast.membership("staff"), 2)
    mail.outbox.clear()

    incidents.change_level(
        membership=cast.membership("owner"),
        incident=incident,
        level=level(cast.org, 4),
        reason="A journalist called",
    )

    assert sent_to() == crew.emails(*RECIPIENTS[4])
    assert all("Critical" in m.subject or "حرجة" in m.subject for m in mail.outbox)
    entry = TimelineEntry.objects.get(incident=incident, kind=TimelineEntry.Kind.ESCALATED)
    assert Alert.objects.filter(entry=entry).count() == len(RECIPIENTS[4])


def test_de_escalation_tells_the_old_levels_people_they_are_stood_down(cast, crew):
    incident = declare(cast.membership("staff"), 4)
    mail.outbox.clear()

    incidents.change_level(
        membership=cast.membership("owner"),
        incident=incident,
        level=level(cast.org, 1),
        reason="It has calmed down",
    )

    assert sent_to() == crew.emails(*RECIPIENTS[4])  # old ∪ new
    assert TimelineEntry.objects.filter(
        incident=incident, kind=TimelineEntry.Kind.DEESCALATED
    ).exists()


def test_going_back_up_to_a_level_alerts_again(cast, crew):
    incident = declare(cast.membership("staff"), 3)
    owner = cast.membership("owner")
    for rank in (2, 3):
        incidents.change_level(
            membership=owner, incident=incident, level=level(cast.org, rank), reason="x"
        )
    # Declared (3), down to 2 (3 ∪ 2), up to 3 again (2 ∪ 3): each change is its own news.
    assert len(mail.outbox) == 3 * len(RECIPIENTS[3])


def test_alerts_are_in_the_persons_language_with_a_link_to_the_incident(cast, crew, settings):
    incident = declare(cast.membership("staff"), 2, summary="تغريدة مسيئة تنتشر")

    arabic = next(m for m in mail.outbox if m.to == [crew.email("social")])
    english = next(m for m in mail.outbox if m.to == [crew.email("pr")])
    link = f"/o/{cast.org.slug}/crisis/incidents/{incident.number}/"
    assert arabic.extra_headers["Content-Language"] == "ar"
    assert english.extra_headers["Content-Language"] == "en"
    assert f"{settings.SIYASA_BASE_URL}/ar{link}" in arabic.body
    assert f"{settings.SIYASA_BASE_URL}/en{link}" in english.body
    assert "محدودة" in arabic.subject and "Minor" in english.subject
    html = arabic.alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html and "تغريدة مسيئة تنتشر" in html
    assert "incident 1" in english.subject


def test_queueing_the_same_entry_twice_sends_nothing_more(cast, crew):
    incident = declare(cast.membership("staff"), 2)
    entry = incident.timeline.get(kind=TimelineEntry.Kind.DECLARED)
    count, sent = Alert.objects.count(), len(mail.outbox)

    alerts.queue_level_alerts(incident, entry, [incident.level])

    assert (Alert.objects.count(), len(mail.outbox)) == (count, sent)


def test_a_retried_job_never_sends_twice(cast, crew):
    declare(cast.membership("staff"), 1)
    sent = len(mail.outbox)
    alert = Alert.objects.first()

    jobs.enqueue(organization_id=alert.organization_id, alert_id=alert.pk)
    outcome = delivery.deliver(organization_id=alert.organization_id, alert_id=alert.pk)

    assert outcome.status == "skipped"
    assert len(mail.outbox) == sent
    alert.refresh_from_db()
    assert alert.attempts == 1


def test_another_organisation_cannot_deliver_my_alert(cast, crew):
    declare(cast.membership("staff"), 1)
    alert = Alert.objects.first()
    Alert.objects.filter(pk=alert.pk).update(status=Alert.Status.PENDING)

    assert delivery.deliver(organization_id=cast.other_org.pk, alert_id=alert.pk).status == (
        "skipped"
    )


def test_approvers_are_asked_by_email_when_a_statement_is_submitted_or_changed(cast, crew):
    incident = declare(cast.membership("staff"), 3)
    mail.outbox.clear()

    statement = statements.submit(
        membership=crew.membership("social"), incident=incident, text_ar="نص", text_en=""
    )

    # Social team, PR and the executive approve at "major"; only those who can sign in are asked,
    # and not the person who wrote it.
    assert sent_to() == crew.emails("pr", "executive")
    assert all("statement 1" in m.subject.lower() or "1" in m.subject for m in mail.outbox)
    english = next(m for m in mail.outbox if m.to == [crew.email("pr")])
    assert "Public relations" in english.body and "#statement-1" in english.body
    mail.outbox.clear()

    statements.edit(
        membership=crew.membership("pr"),
        statement=statement,
        text_ar="نص معدّل",
        text_en="",
        seen_version=1,
    )
    assert sent_to() == crew.emails("social", "executive")


def test_escalation_asks_the_new_approvers_of_waiting_statements(cast, crew):
    incident = declare(cast.membership("staff"), 2)
    statements.submit(
        membership=crew.membership("social"), incident=incident, text_ar="نص", text_en=""
    )
    mail.outbox.clear()

    incidents.change_level(
        membership=cast.membership("owner"), incident=incident, level=level(cast.org, 4), reason="x"
    )

    asked = {
        a.person.email
        for a in Alert.objects.filter(event=Alert.Event.APPROVAL, entry__kind="approvals_needed")
    }
    assert asked == crew.emails("executive", "lawyer", "board")
    entry = incident.timeline.get(kind=TimelineEntry.Kind.APPROVALS_NEEDED)
    assert entry.data["roles"] == ["executive", "legal", "board_delegate"]


@pytest.mark.django_db(transaction=True)
def test_alerts_leave_through_the_worker_not_the_request(cast, crew, settings, run_worker):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    response = cast.client("staff").post(
        f"/ar/o/{cast.org.slug}/crisis/declare/",
        {
            **declare_data(level(cast.org, 1), crew.people["social"]),
        },
    )
    assert response.status_code == 302
    assert mail.outbox == []
    assert set(Alert.objects.values_list("status", flat=True)) == {Alert.Status.PENDING}

    run_worker()
    run_worker()

    assert sent_to() == crew.emails("social", "social2")
    assert set(Alert.objects.values_list("status", flat=True)) == {Alert.Status.SENT}


@pytest.mark.django_db(transaction=True)
def test_an_alert_a_dead_worker_left_sending_reaches_the_contact_after_the_lease(
    cast, crew, settings, smtp, run_worker, monkeypatch
):
    """The finding: after a worker was killed mid-send, the alert stayed "sending" for ever."""
    import datetime

    import time_machine
    from django.core.mail.backends.smtp import EmailBackend

    from siyasa.mail import outbox

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    send = EmailBackend.send_messages

    def killed_once(self, messages):
        monkeypatch.setattr(EmailBackend, "send_messages", send)
        raise KilledWorker

    with time_machine.travel(datetime.datetime(2026, 6, 10, 9, tzinfo=datetime.UTC)) as clock:
        declare(cast.membership("staff"), 1)  # the social team and its backup
        monkeypatch.setattr(EmailBackend, "send_messages", killed_once)
        run_worker()  # one alert leaves, the other dies with its worker
        assert len(smtp.messages) == 1
        assert Alert.objects.filter(status=Alert.Status.SENDING).count() == 1

        clock.shift(outbox.lease() + datetime.timedelta(seconds=1))
        run_worker()

    assert {m["To"] for m in smtp.messages} == crew.emails("social", "social2")
    assert set(Alert.objects.values_list("status", flat=True)) == {Alert.Status.SENT}


class KilledWorker(BaseException):
    """A worker killed while an e-mail was leaving: nothing after it runs."""
