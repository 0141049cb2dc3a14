"""The daily run: at SIYASA_DAILY_AT local time, once a day, the reminders and health snapshots.

A run is claimed by inserting the row of its day (`DailyRun`), so a restarted scheduler, or a
second one, never runs a day twice; the day due is that of the latest scheduled time already
passed, so a scheduler started after a missed time (the server was down at 07:00) runs it at
once. A run that died half-way (its row never finished) is taken over after an hour: the
reminders are claimed per period, so running them again sends nothing twice.
"""

import datetime
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone

from siyasa.notify import services as notify
from siyasa.ops.models import DailyRun

logger = logging.getLogger(__name__)

TAKE_OVER_AFTER = datetime.timedelta(hours=1)
# The longest the scheduler sleeps: a changed clock or record is noticed within a minute.
LONGEST_PAUSE = datetime.timedelta(minutes=1)
AFTER_FAILURE = datetime.timedelta(minutes=10)


def daily_at() -> datetime.time:
    try:
        return datetime.time.fromisoformat(settings.SIYASA_DAILY_AT)
    except ValueError:
        raise ImproperlyConfigured(
            f"SIYASA_DAILY_AT must be a time such as 07:00, not {settings.SIYASA_DAILY_AT!r}"
        ) from None


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, daily_at()))


def due_day(now: datetime.datetime) -> datetime.date:
    """The day of the latest scheduled time at or before `now`."""
    today = timezone.localtime(now).date()
    return today if now >= _moment(today) else today - datetime.timedelta(days=1)


def pause(now: datetime.datetime) -> datetime.timedelta:
    """How long to sleep before looking again: until the next scheduled time, at most a minute."""
    next_time = _moment(due_day(now) + datetime.timedelta(days=1))
    return max(min(next_time - now, LONGEST_PAUSE), datetime.timedelta(seconds=1))


def daily_job(today: datetime.date) -> None:
    """What `siyasa remind` does: the day's reminders, then each organisation's health snapshot."""
    notify.remind(today=today)


def _claim(day: datetime.date, now: datetime.datetime) -> DailyRun | None:
    try:
        with transaction.atomic():
            return DailyRun.objects.create(day=day, started_at=now)
    except IntegrityError:
        pass
    abandoned = DailyRun.objects.filter(
        day=day, finished_at=None, started_at__lt=now - TAKE_OVER_AFTER
    )
    if abandoned.update(started_at=now) == 1:
        return DailyRun.objects.get(day=day)
    return None


def run_if_due(
    now: datetime.datetime | None = None, job: Callable[[datetime.date], None] = daily_job
) -> bool:
    """Run the daily job if the day due has not run yet; True when it ran."""
    now = now or timezone.now()
    run = _claim(due_day(now), now)
    if run is None:
        return False
    try:
        job(timezone.localtime(now).date())
    except BaseException:
        # Not done: the next look tries again (after AFTER_FAILURE in the scheduler loop).
        run.delete()
        raise
    DailyRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    return True


def last_run() -> DailyRun | None:
    return DailyRun.objects.filter(finished_at__isnull=False).order_by("-day").first()
