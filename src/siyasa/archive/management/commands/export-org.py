"""`siyasa export-org SLUG > org.json`: one organisation as a moving document."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from siyasa.archive.selectors import export_org
from siyasa.orgs.models import Organization


class Command(BaseCommand):
    help = "Write one organisation as JSON (schema: src/siyasa/archive/schema/org-v1.json)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--output", "-o", help="write to this file instead of standard output")

    def handle(self, *args, **options):
        # In English, like every command's output; the messages have Arabic for the pages too.
        with translation.override("en"):
            self._handle(**options)

    def _handle(self, slug, output, **options):
        org = Organization.objects.filter(slug=slug).first()
        if org is None:
            raise CommandError(f"No organisation has the short name {slug!r}.")
        text = json.dumps(export_org(org), ensure_ascii=False, indent=1)
        if output:
            with open(output, "w", encoding="utf-8") as out:
                out.write(text + "\n")
        else:
            self.stdout.write(text)
