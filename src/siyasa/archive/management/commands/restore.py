"""`siyasa restore FILE [--force]`: an instance from an archive of `siyasa backup`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from siyasa.archive import backup


class Command(BaseCommand):
    help = (
        "Restore a backup into this (empty) instance and migrate it to this version. Stop the "
        "server and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data of an instance that already holds organisations or users",
        )

    def handle(self, *args, file, force, **options):
        try:
            result = backup.restore(Path(file), force=force)
        except backup.ArchiveError as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} (Siyasa {manifest['siyasa_version']}, "
            f"{manifest['database']['vendor']}, {sum(manifest['rows'].values())} rows)."
        )
        if result.migrated:
            self.stdout.write("Its database was migrated to this version of Siyasa.")
        for table, (expected, found) in sorted(result.differences.items()):
            self.stdout.write(f"  {table}: {found} rows, the backup had {expected}")
        if not result.differences:
            self.stdout.write("Every table has the rows the manifest lists.")
