"""`siyasa backup [--output FILE] [--logical]`: the whole instance in one archive, while it runs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from siyasa.archive import backup


class Command(BaseCommand):
    help = (
        "Write the database, the files and a manifest to one .tar.gz "
        "(src/siyasa/archive/README.md describes it). Safe while the server runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="the archive to write (default: siyasa-backup-<time>.tar.gz)"
        )
        parser.add_argument(
            "--logical",
            action="store_true",
            help="dump the rows through Django (JSON) instead of copying the database: slower, "
            "but restores into the other kind of database (SQLite <-> PostgreSQL)",
        )

    def handle(self, *args, output, logical, **options):
        path = Path(output or backup.default_name())
        try:
            manifest = backup.backup(path, logical=logical)
        except backup.ArchiveError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Wrote {path} ({path.stat().st_size / 1e6:.1f} MB): {manifest['database']['vendor']} "
            f"as {manifest['database']['dump']}, {len(manifest['rows'])} tables, {rows} rows."
        )
