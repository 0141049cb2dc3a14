"""`siyasa scheduler`: run the daily reminders and health snapshots at SIYASA_DAILY_AT, for ever
(`siyasa serve` runs it; a larger deployment runs exactly one)."""

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from siyasa.ops import schedule
from siyasa.ops.supervisor import watch_parent

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the daily reminders and health snapshots once a day at SIYASA_DAILY_AT."

    def handle(self, *args, **options):
        at = schedule.daily_at()
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda signum, frame: stop.set())
        watch_parent()
        self.stdout.write(f"Daily run at {at:%H:%M} ({timezone.get_current_timezone_name()}).")
        self.stdout.flush()
        while not stop.is_set():
            wait = None
            try:
                if schedule.run_if_due():
                    self.stdout.write(f"Daily run done at {timezone.localtime():%Y-%m-%d %H:%M}.")
                    self.stdout.flush()
            except Exception:
                logger.exception("The daily run failed; trying again later")
                wait = schedule.AFTER_FAILURE
            finally:
                connection.close()
            stop.wait((wait or schedule.pause(timezone.now())).total_seconds())
