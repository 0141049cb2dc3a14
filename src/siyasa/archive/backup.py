"""Backup and restore of a whole instance: one .tar.gz holding the database, the files and a
manifest, written while the server runs and restored into an empty instance.

The archive holds `manifest.json` and one database file:

- `database.sqlite3` — SQLite's online backup API (`sqlite3.Connection.backup`): a page-by-page
  copy of one committed state, taken while other processes read and write;
- `database.pgdump` — PostgreSQL with `pg_dump` on the PATH: its custom format, taken in a
  snapshot exported from the transaction that counts the rows, so counts and dump agree;
- `database.json` — otherwise, or with `--logical`: Django's `dumpdata --natural-foreign` of
  every app, read in one REPEATABLE READ transaction (PostgreSQL) or from a backup-API copy
  (SQLite, so the server's writes do not wait for the dump). It is the only
  form that restores into the other database vendor.

Uploaded and generated files: Siyasa keeps them in the database (the PDF and Word exports are
`policy.ExportFile` rows; imported spreadsheets are read, never kept), so the dump holds them;
files under MEDIA_ROOT, if a deployment sets one, are archived under `files/`.
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings
from django.utils import timezone

from siyasa.archive.snapshot import read_snapshot, siyasa_version

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE, PGDUMP, JSON = "database.sqlite3", "database.pgdump", "database.json"
# Recreated by `migrate`: a logical dump that carried them would clash with the new rows.
NOT_DUMPED = ["contenttypes", "auth.permission"]
COPY_ALIAS = "siyasa_backup_copy"


class ArchiveError(Exception):
    """The backup or restore cannot go on; the message says why and what to do."""


@dataclass
class Restored:
    manifest: dict
    migrated: bool
    differences: dict[str, tuple[int, int]]


def default_name(now: datetime.datetime | None = None) -> str:
    now = timezone.localtime(now)
    return f"siyasa-backup-{now:%Y%m%d-%H%M%S}.tar.gz"


# --- backup ---------------------------------------------------------------------------------


def backup(output: Path, *, logical: bool = False) -> dict:
    """Write the archive to `output` (written beside it, then renamed: a failed backup leaves no
    half archive) and return its manifest."""
    with tempfile.TemporaryDirectory(prefix="siyasa-backup-") as work:
        work_dir = Path(work)
        vendor = connection.vendor
        if logical:
            method, rows = _dump_json(work_dir / JSON), None
        elif vendor == "sqlite":
            method, rows = _copy_sqlite(work_dir / SQLITE)
        elif vendor == "postgresql" and shutil.which("pg_dump"):
            method, rows = _pg_dump(work_dir / PGDUMP)
        else:
            method, rows = _dump_json(work_dir / JSON), None
        if rows is None:
            rows = _counted_from_json(work_dir / JSON)
        manifest = {
            "format": FORMAT,
            "siyasa_version": siyasa_version(),
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": vendor, "dump": method, "file": _file_of(method)},
            "migrations": _applied_migrations(),
            "rows": rows,
        }
        partial = output.with_name(output.name + ".partial")
        # The fastest gzip level: 9 spends four times as long for a 20 % smaller archive of a
        # database file (bench/backup.py), and the backup runs beside a serving instance.
        with tarfile.open(partial, "w:gz", compresslevel=1) as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
            archive.add(work_dir / _file_of(method), arcname=_file_of(method))
            media = _media_root()
            if media is not None and media.is_dir():
                archive.add(media, arcname="files")
        partial.replace(output)
    return manifest


def _file_of(method: str) -> str:
    return {"sqlite-backup": SQLITE, "pg_dump-custom": PGDUMP, "django-json": JSON}[method]


def _media_root() -> Path | None:
    return Path(settings.MEDIA_ROOT) if getattr(settings, "MEDIA_ROOT", "") else None


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
    archive.addfile(info, io.BytesIO(data))


def _sqlite_path() -> str:
    return str(connection.settings_dict["NAME"])


def _copy_sqlite(target: Path) -> tuple[str, dict]:
    source = sqlite3.connect(_sqlite_path(), uri=_sqlite_path().startswith("file:"))
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # one step: a single committed state, whatever writers do meanwhile
        rows = _count_sqlite(copy)
    finally:
        copy.close()
        source.close()
    return "sqlite-backup", rows


def _count_sqlite(db: sqlite3.Connection) -> dict:
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}  # noqa: S608


def _count_tables() -> dict:
    """Rows per table through Django's connection (inside the caller's snapshot)."""
    names = sorted(connection.introspection.table_names())
    with connection.cursor() as cursor:
        counts = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")  # noqa: S608
            counts[name] = cursor.fetchone()[0]
    return counts


def _pg_env() -> dict:
    """libpq's variables for Django's own connection settings (the password never on a
    command line, where other users of the machine could read it)."""
    db = connection.settings_dict
    env = dict(os.environ)
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"),
                     ("PGPASSWORD", "PASSWORD"), ("PGDATABASE", "NAME")):  # fmt: skip
        if db.get(key):
            env[var] = str(db[key])
    return env


def _pg_dump(target: Path) -> tuple[str, dict]:
    with read_snapshot(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        rows = _count_tables()
        done = subprocess.run(  # noqa: S603 (fixed arguments; the database from settings)
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
             f"--snapshot={snapshot}", f"--file={target}"],
            env=_pg_env(), capture_output=True, text=True, check=False,
        )  # fmt: skip
    if done.returncode != 0:
        raise ArchiveError(
            f"pg_dump failed: {done.stderr.strip()}\n"
            "If its version differs from the server's, install the server's pg_dump, or make a "
            "logical backup with --logical."
        )
    return "pg_dump-custom", rows


def _dump_json(target: Path) -> str:
    options = {
        "natural_foreign": True,
        "exclude": NOT_DUMPED,
        "output": str(target),
        "verbosity": 0,
    }
    if connection.vendor != "sqlite":
        with read_snapshot():
            call_command("dumpdata", **options)
        return "django-json"
    # SQLite: a transaction as long as the dump would hold the write lock, and the server's
    # writes would time out; the dump reads a backup-API copy instead, through an alias of its own.
    copy = target.with_name("copy.sqlite3")
    _copy_sqlite(copy)
    connections.databases[COPY_ALIAS] = {**connection.settings_dict, "NAME": str(copy)}
    try:
        call_command("dumpdata", database=COPY_ALIAS, **options)
    finally:
        connections[COPY_ALIAS].close()
        del connections.databases[COPY_ALIAS]
        copy.unlink()
    return "django-json"


def _counted_from_json(path: Path) -> dict:
    """Rows per table of a logical dump, read back from the dump itself (the same snapshot)."""
    from django.apps import apps

    counts: dict[str, int] = {}
    for item in json.loads(path.read_text(encoding="utf-8")):
        table = apps.get_model(item["model"])._meta.db_table
        counts[table] = counts.get(table, 0) + 1
    return dict(sorted(counts.items()))


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


# --- restore --------------------------------------------------------------------------------


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            manifest = json.load(member) if member else None
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(f"{archive_path} is not a Siyasa backup (no readable {MANIFEST}).")
    return manifest


def unknown_migrations(manifest: dict) -> list[str]:
    """Migrations the archive's database had that this Siyasa does not know: it came from a
    newer version, whose tables this one would misread."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    )


def holds_data() -> bool:
    """Whether this instance has an organisation or a user (an empty one has neither)."""
    from django.contrib.auth import get_user_model

    from siyasa.orgs.models import Organization

    tables = set(connection.introspection.table_names())
    user_model = get_user_model()
    return (Organization._meta.db_table in tables and Organization.objects.exists()) or (
        user_model._meta.db_table in tables and user_model.objects.exists()
    )


def check(manifest: dict, *, force: bool) -> None:
    """Refuse, before anything is written, a restore that could not work or would lose data."""
    newer = unknown_migrations(manifest)
    if newer:
        raise ArchiveError(
            f"This backup was made by a newer Siyasa ({manifest.get('siyasa_version')}): its "
            f"database has {len(newer)} migration(s) this version does not know "
            f"({', '.join(newer[:5])}{', …' if len(newer) > 5 else ''}). "
            "Install that version of Siyasa (or a later one), then restore."
        )
    dump, vendor = manifest["database"]["dump"], connection.vendor
    if (
        dump == "sqlite-backup"
        and vendor != "sqlite"
        or dump == "pg_dump-custom"
        and vendor != "postgresql"
    ):
        raise ArchiveError(
            f"This backup is a {manifest['database']['vendor']} database file and this instance "
            f"uses {vendor}. Make a logical backup on the old instance "
            "(siyasa backup --logical) to move between database kinds."
        )
    if dump == "pg_dump-custom" and not shutil.which("pg_restore"):
        raise ArchiveError("This backup needs pg_restore (PostgreSQL's client tools) on the PATH.")
    if not force and holds_data():
        raise ArchiveError(
            "This instance already holds organisations or users; a restore replaces everything. "
            "Restore into an empty instance, or add --force to replace its data."
        )


def restore(archive_path: Path, *, force: bool = False) -> Restored:
    """Replace this instance's database (and files) with the archive's, then bring its schema up
    to this version (`migrate`). Stop the server and the worker first."""
    manifest = read_manifest(archive_path)
    check(manifest, force=force)
    with tempfile.TemporaryDirectory(prefix="siyasa-restore-") as work:
        work_dir = Path(work)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(work_dir, filter="data")  # no path leaves work_dir
        database = work_dir / manifest["database"]["file"]
        dump = manifest["database"]["dump"]
        if dump == "sqlite-backup":
            _restore_sqlite(database)
        elif dump == "pg_dump-custom":
            _restore_pg(database)
        else:
            _restore_json(database)
        before = _applied_migrations()
        call_command("migrate", verbosity=0, interactive=False)
        migrated = _applied_migrations() != before
        media = _media_root()
        if media is not None and (work_dir / "files").is_dir():
            shutil.copytree(work_dir / "files", media, dirs_exist_ok=True)
    counts = _count_tables()
    differences = {
        table: (expected, counts.get(table, 0))
        for table, expected in manifest["rows"].items()
        if counts.get(table, 0) != expected
    }
    return Restored(manifest=manifest, migrated=migrated, differences=differences)


def _restore_sqlite(database: Path) -> None:
    connections.close_all()
    source = sqlite3.connect(database)
    target = sqlite3.connect(_sqlite_path(), uri=_sqlite_path().startswith("file:"))
    try:
        source.backup(target)  # replaces every page of the target, in one step
    finally:
        target.close()
        source.close()


def _drop_tables() -> None:
    """Empty the database of Siyasa's tables (and what hangs on them) before pg_restore."""
    names = connection.introspection.table_names()
    if names:
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TABLE IF EXISTS "
                + ", ".join(connection.ops.quote_name(n) for n in names)
                + " CASCADE"
            )


def _restore_pg(database: Path) -> None:
    _drop_tables()
    connections.close_all()
    done = subprocess.run(  # noqa: S603 (fixed arguments; the database from settings)
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
         f"--dbname={connection.settings_dict['NAME']}", str(database)],
        env=_pg_env(), capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise ArchiveError(
            f"pg_restore failed: {done.stderr.strip()}\nThe database may be empty now: "
            "restore again once the cause is fixed."
        )


def _restore_json(database: Path) -> None:
    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    # The history arrives with the rows: loading a many-to-many link must not record a change
    # (django-simple-history skips raw saves, not link changes).
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", str(database), verbosity=0)
