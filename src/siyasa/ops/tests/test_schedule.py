"""The daily run: once a day at SIYASA_DAILY_AT, never twice, and a missed one at start."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model

from siyasa.doctor.models import HealthSnapshot
from siyasa.ops import schedule
from siyasa.ops.models import DailyRun
from siyasa.workspace.services import create_organization

RIYADH = zoneinfo.ZoneInfo("Asia/Riyadh")
pytestmark = pytest.mark.django_db


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=RIYADH)


class Clock:
    """A scheduler's life against a fake clock: what ran, for which day."""

    def __init__(self):
        self.ran: list[datetime.date] = []

    def look(self, now: datetime.datetime) -> bool:
        return schedule.run_if_due(now, job=self.ran.append)


@pytest.fixture
def clock(settings):
    settings.TIME_ZONE = "Asia/Riyadh"
    settings.SIYASA_DAILY_AT = "07:00"
    return Clock()


def test_it_runs_once_a_day_at_the_configured_hour(clock):
    DailyRun.objects.create(
        day=datetime.date(2026, 3, 9), started_at=at(9, 7), finished_at=at(9, 7)
    )

    looks = [at(10, 6, 59), at(10, 7), at(10, 7, 1), at(10, 23, 59), at(11, 6), at(11, 7, 0)]
    assert [clock.look(now) for now in looks] == [False, True, False, False, False, True]
    assert clock.ran == [datetime.date(2026, 3, 10), datetime.date(2026, 3, 11)]


def test_a_restart_the_same_day_does_not_run_it_again(clock):
    assert clock.look(at(10, 8))
    # A new scheduler process: only the database remembers.
    assert not Clock().look(at(10, 8, 5))
    assert DailyRun.objects.count() == 1


def test_a_run_missed_while_the_server_was_down_runs_at_start(clock):
    DailyRun.objects.create(
        day=datetime.date(2026, 3, 8), started_at=at(8, 7), finished_at=at(8, 7)
    )

    # Down from the 8th to the 10th at 09:30: the 10th's run is due, and runs at once.
    assert clock.look(at(10, 9, 30))
    assert clock.ran == [datetime.date(2026, 3, 10)]


def test_before_the_hour_the_missed_run_of_yesterday_runs_at_start(clock):
    assert clock.look(at(10, 5))  # yesterday's 07:00 was missed
    assert not clock.look(at(10, 6))
    assert clock.look(at(10, 7))
    assert DailyRun.objects.filter(finished_at__isnull=False).count() == 2


def test_the_hour_is_configurable(clock, settings):
    settings.SIYASA_DAILY_AT = "18:30"
    clock.look(at(10, 19))
    assert not clock.look(at(11, 18, 29))
    assert clock.look(at(11, 18, 30))


def test_a_failed_run_is_tried_again(clock):
    def broken(today):
        raise RuntimeError("the mail server's name does not resolve")

    with pytest.raises(RuntimeError):
        schedule.run_if_due(at(10, 7), job=broken)
    assert clock.look(at(10, 7, 10))
    assert schedule.last_run().day == datetime.date(2026, 3, 10)


def test_a_run_that_died_half_way_is_taken_over_after_an_hour(clock):
    DailyRun.objects.create(day=datetime.date(2026, 3, 10), started_at=at(10, 7))

    assert not clock.look(at(10, 7, 30))
    assert clock.look(at(10, 8, 5))


def test_it_sleeps_at_most_a_minute_and_wakes_for_the_hour(clock):
    assert schedule.pause(at(10, 3)) == datetime.timedelta(minutes=1)
    assert schedule.pause(at(10, 6, 59) + datetime.timedelta(seconds=30)) == datetime.timedelta(
        seconds=30
    )


def test_a_bad_hour_is_refused_with_a_message(clock, settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.SIYASA_DAILY_AT = "7am"
    with pytest.raises(ImproperlyConfigured, match="SIYASA_DAILY_AT"):
        schedule.daily_at()


def test_the_daily_run_is_what_siyasa_remind_does(clock, mail_now):
    owner = get_user_model().objects.create_user("huda", "huda@charity.example", "pass-word-123")
    org = create_organization(owner=owner, name_ar="جمعية النور", slug="noor")

    assert schedule.run_if_due(at(10, 7, 5))

    # The day's health snapshot, the point of the trend on the health page…
    assert HealthSnapshot.objects.filter(organization=org).count() == 1
    # …and the reminders: a new organisation has errors its owner hears of.
    from django.core import mail

    assert [m.to for m in mail.outbox] == [["huda@charity.example"]]
