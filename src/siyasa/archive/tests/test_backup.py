"""Backup and restore of a whole instance, through the commands, in processes of their own: the
restored instance has the same rows in every table, the same public policy pages and the same
doctor findings; a restore refuses an instance with data and an archive from a newer Siyasa."""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.db import connection

from siyasa.archive import backup

pytestmark = pytest.mark.slow


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], env=env, capture_output=True, text=True, check=False, timeout=300
    )


def siyasa(env: dict, *args: str) -> subprocess.CompletedProcess:
    return run(env, "-m", "siyasa", *args)


def ok(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def instance_env(tmp_path: Path, name: str, database_url: str | None) -> dict:
    env = {**os.environ, "SECRET_KEY": "t", "SIYASA_DATA_DIR": str(tmp_path / name)}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


@pytest.fixture(params=["sqlite", "postgresql"])
def two_instances(request, tmp_path):
    """The environments of two instances of the same kind of database: SQLite files, or — when
    the suite runs on PostgreSQL — two scratch databases on its server."""
    if request.param == "sqlite":
        yield instance_env(tmp_path, "old", None), instance_env(tmp_path, "new", None)
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("the suite runs on SQLite; set DATABASE_URL to a PostgreSQL server")
    import psycopg

    names = [f"siyasa_backup_{uuid.uuid4().hex[:8]}_{n}" for n in ("old", "new")]
    base = url.rsplit("/", 1)[0]
    with psycopg.connect(url, autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield tuple(instance_env(tmp_path, n, f"{base}/{n}") for n in names)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restored_instance_is_the_one_backed_up(two_instances, tmp_path):
    old, new = two_instances
    ok(run(old, "-m", "siyasa.archive.tests.instance", "build"))
    before = json.loads(ok(run(old, "-m", "siyasa.archive.tests.instance", "facts")))
    archive = tmp_path / "backup.tar.gz"
    ok(siyasa(old, "backup", "--output", str(archive)))

    ok(siyasa(new, "migrate", "-v0"))  # an empty instance, as after installing
    out = ok(siyasa(new, "restore", str(archive)))
    assert "Every table has the rows the manifest lists." in out
    after = json.loads(ok(run(new, "-m", "siyasa.archive.tests.instance", "facts")))

    assert after["rows"] == before["rows"]
    assert {slug: page["status"] for slug, page in after["pages"].items()} == {
        "alnoor": 200,
        "demo": 200,
    }
    assert "جمعية النور" in after["pages"]["alnoor"]["html"]
    assert after["pages"] == before["pages"]
    assert after["findings"] == before["findings"]
    manifest = backup.read_manifest(archive)
    assert manifest["rows"]["orgs_organization"] == 2
    assert manifest["database"]["dump"] in {"sqlite-backup", "pg_dump-custom"}

    # The instance now holds data: a second restore refuses, unless forced.
    refused = siyasa(new, "restore", str(archive))
    assert refused.returncode != 0 and "--force" in refused.stderr
    ok(siyasa(new, "restore", "--force", str(archive)))


def test_a_logical_backup_restores_the_same_rows(tmp_path):
    old, new = instance_env(tmp_path, "old", None), instance_env(tmp_path, "new", None)
    ok(run(old, "-m", "siyasa.archive.tests.instance", "build"))
    before = json.loads(ok(run(old, "-m", "siyasa.archive.tests.instance", "facts")))
    archive = tmp_path / "logical.tar.gz"
    ok(siyasa(old, "backup", "--logical", "--output", str(archive)))
    assert backup.read_manifest(archive)["database"]["dump"] == "django-json"
    out = ok(siyasa(new, "restore", str(archive)))
    assert "Every table has the rows the manifest lists." in out
    after = json.loads(ok(run(new, "-m", "siyasa.archive.tests.instance", "facts")))
    assert after["pages"] == before["pages"]
    assert after["findings"] == before["findings"]


def manifest_archive(path: Path, **changes) -> Path:
    manifest = {
        "format": backup.FORMAT,
        "siyasa_version": "9.9",
        "created_at": "2030-01-01T00:00:00+00:00",
        "database": {"vendor": connection.vendor, "dump": "django-json", "file": backup.JSON},
        "migrations": {"orgs": ["0001_initial"]},
        "rows": {},
        **changes,
    }
    with tarfile.open(path, "w:gz") as archive:
        backup._add_bytes(archive, backup.MANIFEST, json.dumps(manifest).encode())
    return path


@pytest.mark.django_db
def test_an_archive_from_a_newer_siyasa_is_refused(tmp_path):
    archive = manifest_archive(
        tmp_path / "newer.tar.gz", migrations={"orgs": ["0001_initial", "0999_from_the_future"]}
    )
    with pytest.raises(backup.ArchiveError, match="newer Siyasa.*orgs.0999_from_the_future"):
        backup.restore(archive, force=True)


@pytest.mark.django_db
def test_an_instance_with_data_is_refused(cast, tmp_path):
    with pytest.raises(backup.ArchiveError, match="--force"):
        backup.restore(manifest_archive(tmp_path / "b.tar.gz"))


def test_a_file_that_is_no_backup_is_refused(tmp_path):
    path = tmp_path / "nothing.tar.gz"
    path.write_bytes(b"not a tar")
    with pytest.raises(backup.ArchiveError, match="not a Siyasa backup"):
        backup.read_manifest(path)
