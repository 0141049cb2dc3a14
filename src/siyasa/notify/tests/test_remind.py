"""`siyasa remind`: one digest per person and day, never the same reminder twice, in their language."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from siyasa.core.tests.factories import (
    CustodyFactory,
    EmergencyContactFactory,
    OrganizationFactory,
    PersonFactory,
    ResponsibilityFactory,
    UserFactory,
)
from siyasa.doctor import engine
from siyasa.doctor.models import HealthSnapshot
from siyasa.notify import digests, emails, services
from siyasa.notify.models import Digest, Kind, Reminder
from siyasa.notify.reminders import due_items
from siyasa.registry.models import Area
from siyasa.workspace.services import create_organization

TODAY = datetime.date(2026, 6, 10)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime.datetime(2026, 6, 10, 7, 15), tick=False):
        yield


def remind(*args) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def busy_person(org, **fields):
    """A custodian of two accounts, one due in a week and one overdue, who also holds crisis
    response while an emergency contact is unverified: four reminders on one day."""
    person = PersonFactory(organization=org, **fields)
    for last in (TODAY - datetime.timedelta(days=83), TODAY - datetime.timedelta(days=120)):
        CustodyFactory(organization=org, custodian=person, last_rotated_on=last)
    CustodyFactory(organization=org, custodian=person, last_rotated_on=None)
    ResponsibilityFactory(organization=org, area=Area.CRISIS, person=person)
    EmergencyContactFactory(organization=org, verified_on=None)
    return person


def test_running_remind_twice_sends_nothing_the_second_time(cast):
    busy_person(cast.org)
    first = remind()
    jobs = DBTaskResult.objects.count()
    assert jobs == Digest.objects.count() > 0
    assert first.strip().endswith("queued.")
    reminders = Reminder.objects.count()

    second = remind()
    assert second.strip() == "0 digests for 0 items queued."
    assert DBTaskResult.objects.count() == jobs
    assert Reminder.objects.count() == reminders


def test_several_items_of_one_person_make_one_digest(cast):
    person = busy_person(cast.org)
    remind()
    digest = Digest.objects.get(person=person)
    assert digest.day == TODAY
    assert sorted(digest.items.values_list("kind", flat=True)) == sorted(
        [Kind.ROTATION_SOON, Kind.ROTATION_OVERDUE, Kind.ROTATION_OVERDUE, Kind.STALE_CONTACTS]
    )
    assert DBTaskResult.objects.filter(args_kwargs__args=[cast.org.pk, digest.pk]).count() == 1


def test_a_person_gets_at_most_one_digest_a_day(cast):
    person = PersonFactory(organization=cast.org)
    CustodyFactory(
        organization=cast.org, custodian=person, last_rotated_on=TODAY - datetime.timedelta(days=85)
    )
    remind()
    # Something new falls due later the same day: it waits for tomorrow's digest.
    CustodyFactory(organization=cast.org, custodian=person, last_rotated_on=None)
    assert "0 digests" in remind()
    assert person.digests.count() == 1
    remind("--today", "2026-06-11")
    assert person.digests.count() == 2
    assert (
        person.digests.get(day=datetime.date(2026, 6, 11)).items.get().kind == Kind.ROTATION_OVERDUE
    )


def test_what_another_run_claimed_first_is_never_claimed_again(cast):
    busy_person(cast.org)
    items = due_items([cast.org], today=TODAY)
    first = digests.claim(items, day=TODAY)
    # A second process that computed the same items before the first one committed.
    assert digests.claim(items, day=TODAY) == []
    assert sum(count for _digest, count in first) == Reminder.objects.count()


def test_dry_run_prints_what_would_be_sent_and_writes_nothing(cast):
    person = busy_person(cast.org, name="ليلى", email="layla@example.org")
    before = (Digest.objects.count(), Reminder.objects.count(), DBTaskResult.objects.count())
    out = remind("--dry-run")
    assert "ليلى <layla@example.org> [ar]" in out
    assert "rotation_overdue" in out
    assert "would be queued (dry run: nothing written)." in out
    assert (
        Digest.objects.count(),
        Reminder.objects.count(),
        DBTaskResult.objects.count(),
    ) == before
    assert not person.digests.exists()


def test_today_must_be_a_date(cast):
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        call_command("remind", "--today", "tomorrow")


def test_an_arabic_reader_gets_a_right_to_left_digest_in_arabic(cast):
    person = PersonFactory(organization=cast.org, name="سارة", name_en="Sara", language="ar")
    custody = CustodyFactory(
        organization=cast.org, custodian=person, last_rotated_on=TODAY - datetime.timedelta(days=83)
    )
    remind()
    message = emails.digest_message(Digest.objects.get(person=person))
    html = message.alternatives[0][0]
    assert "جمعية ألف" in message.subject
    assert '<html lang="ar" dir="rtl">' in html
    assert "سارة" in html and "سارة" in message.body
    assert "جمعية ألف" in message.body
    # The handle keeps left-to-right inside Arabic text, and the link opens the Arabic page.
    assert f'<span dir="ltr">X {custody.account.handle}</span>' in html
    assert f"http://127.0.0.1:8000/ar/o/alpha/accounts/{custody.account_id}/" in message.body
    assert message.extra_headers["Content-Language"] == "ar"


def test_an_english_reader_gets_an_english_digest(cast, settings):
    settings.SIYASA_BASE_URL = "https://siyasa.example.org"
    person = PersonFactory(organization=cast.org, name="سارة", name_en="Sara", language="en")
    custody = CustodyFactory(
        organization=cast.org, custodian=person, last_rotated_on=TODAY - datetime.timedelta(days=83)
    )
    remind()
    message = emails.digest_message(Digest.objects.get(person=person))
    html = message.alternatives[0][0]
    assert message.subject == "Alpha Society: 1 reminder from Siyasa"
    assert '<html lang="en" dir="ltr">' in html
    assert "Hello Sara," in message.body
    assert (
        f"The password of X {custody.account.handle} is due for rotation on June 17, 2026."
        in message.body
    )
    assert f"https://siyasa.example.org/en/o/alpha/accounts/{custody.account_id}/" in html


def test_a_new_organisations_digest_comes_in_the_shared_right_to_left_shell(db, settings):
    settings.SIYASA_BASE_URL = "https://siyasa.example.org"
    org = create_organization(owner=UserFactory(), name_ar="جمعية دال", slug="dal")
    person = PersonFactory(organization=org, name="ليلى", email="layla@example.org", language="ar")
    CustodyFactory(
        organization=org, custodian=person, last_rotated_on=TODAY - datetime.timedelta(days=83)
    )
    remind()

    message = emails.digest_message(Digest.objects.get(person=person))
    html = message.alternatives[0][0]
    assert '<meta name="generator" content="Siyasa">' in html  # emails/base.html
    assert '<html lang="ar" dir="rtl">' in html and "جمعية دال" in html
    assert "\n" not in message.subject and "جمعية دال" in message.subject
    assert message.to == ["layla@example.org"]
    assert message.extra_headers == {"Auto-Submitted": "auto-generated", "Content-Language": "ar"}
    assert "https://siyasa.example.org/ar/o/dal/" in message.body


def test_the_organisation_default_language_applies_when_the_person_has_none(cast):
    org = OrganizationFactory(default_language="en", name_en="Gamma Society")
    person = PersonFactory(organization=org, language="")
    CustodyFactory(organization=org, custodian=person, last_rotated_on=None)
    remind()
    assert Digest.objects.get(person=person).language == "en"


def test_the_daily_run_keeps_each_organisations_health_score_once_a_day(db):
    org = create_organization(owner=UserFactory(), name_ar="جمعية هاء", slug="ha")
    remind("--dry-run")
    assert not HealthSnapshot.objects.exists()  # a dry run writes nothing
    remind()
    remind()
    snapshot = HealthSnapshot.objects.get(organization=org)
    assert snapshot.day == TODAY and snapshot.score == engine.diagnose(org, TODAY).score
    remind("--today", "2026-06-11")
    assert list(
        HealthSnapshot.objects.for_org(org).order_by("day").values_list("day", flat=True)
    ) == [TODAY, TODAY + datetime.timedelta(days=1)]


def test_organisations_taken_a_few_at_a_time_each_get_their_reminders_and_score(db):
    owner = UserFactory()
    orgs = [create_organization(owner=owner, name_ar=f"جمعية {n}", slug=f"b{n}") for n in range(5)]
    people = [busy_person(org) for org in orgs]
    expected = len(due_items(orgs, today=TODAY))

    result = services.remind(today=TODAY, batch=2)  # three batches: 2, 2 and 1
    assert result.items == expected > 0
    assert {p.pk for p in people} <= set(Digest.objects.values_list("person", flat=True))
    assert {d.organization_id for d in Digest.objects.all()} == {org.pk for org in orgs}
    assert HealthSnapshot.objects.filter(day=TODAY).count() == 5
    assert services.remind(today=TODAY, batch=2).items == 0  # nothing twice
    assert HealthSnapshot.objects.filter(day=TODAY).count() == 5
