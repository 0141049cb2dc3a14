"""`siyasa remind [--dry-run] [--today YYYY-MM-DD]`: send the reminders that are due today.

Meant to run once a day from cron or a systemd timer; running it again the same day queues
nothing new. The e-mails leave through the worker (`siyasa db_worker`). It also records each
organisation's health score of the day, the points of the trend on the health page.
"""

import argparse
import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from siyasa.notify import services, texts


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class Command(BaseCommand):
    help = "Decide which reminders are due, batch them per person and queue the e-mails."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be sent; write nothing."
        )
        parser.add_argument(
            "--today", type=_day, help="Act as if today were this day (YYYY-MM-DD)."
        )

    def handle(self, *args, dry_run: bool, today: datetime.date | None, **options):
        result = services.remind(today=today or timezone.localdate(), dry_run=dry_run)
        for plan in result.plans:
            self.stdout.write(f"{plan.person.name} <{plan.email}> [{plan.language}]")
            for item in plan.items:
                words = texts.words(texts.snapshot(item), plan.language)
                self.stdout.write(f"  - {item.kind}: {words.text}")
        summary = (
            f"{_count(result.digests, 'digest', 'digests')} for "
            f"{_count(result.items, 'item', 'items')}"
        )
        if dry_run:
            self.stdout.write(f"{summary} would be queued (dry run: nothing written).")
        else:
            self.stdout.write(f"{summary} queued.")
