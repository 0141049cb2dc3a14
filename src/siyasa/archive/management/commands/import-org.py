"""`siyasa import-org org.json [--slug NEW]`: a moved organisation, all or nothing."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from siyasa.archive.document import DocumentError
from siyasa.archive.services import import_org


class Command(BaseCommand):
    help = (
        "Create an organisation from a file of `siyasa export-org`. Its members receive "
        "invitations; nobody becomes a member without accepting one."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--slug", help="the new organisation's short name (default: the file's)"
        )

    def handle(self, *args, **options):
        # In English, like every command's output; the messages have Arabic for the pages too.
        with translation.override("en"):
            self._handle(**options)

    def _handle(self, file, slug, **options):
        try:
            with open(file, encoding="utf-8") as source:
                doc = json.load(source)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{file} is not a JSON file: {error}.") from None
        try:
            report = import_org(doc, slug=slug)
        except DocumentError as error:
            raise CommandError(str(error)) from None
        rows = sum(report.rows.values())
        self.stdout.write(
            f"Imported {report.org.slug!r}: {rows} rows, {report.history} history records."
        )
        for email in report.invitations:
            self.stdout.write(f"  invitation sent to {email}")
        if report.carried:
            self.stdout.write(
                f"  {report.carried} acknowledgements or members kept as history "
                "(no sign-in with their address here, or no directory entry)"
            )
        if report.unmatched_sign_ins:
            self.stdout.write(
                "  no account here for: " + ", ".join(sorted(report.unmatched_sign_ins))
            )
