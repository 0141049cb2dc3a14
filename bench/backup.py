"""Backup and restore of a whole instance, and moving one organisation: time and size.

Builds the demo, backs the instance up (the database's own copy, then a logical dump) and
restores each archive into a fresh instance with `siyasa restore` in a process of its own (its
time includes starting Python and Django, about a second); then adds N organisations the way
bench/doctor.py builds them (default 1,000) and measures again. It also times
`export-org` / `import-org` of the demo and of one of the generated organisations.

    SECRET_KEY=x .venv/bin/python bench/backup.py [--orgs 1000]

On SQLite (the default) everything lives in temporary folders. With DATABASE_URL (PostgreSQL)
the instance is built there and `--restore-into URL` names an empty scratch database to restore
into (it is overwritten); use scratch databases only.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from doctor import build as build_orgs
from orgs import clean_up, setup_django
from report import print_table


def restore(archive: Path, restore_url: str | None) -> float:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("DATABASE_URL", None)
    env["SIYASA_DATA_DIR"] = tempfile.mkdtemp(prefix="siyasa-bench-restore-")
    if restore_url:
        env["DATABASE_URL"] = restore_url
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "siyasa", "restore", "--force", str(archive)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    shutil.rmtree(env["SIYASA_DATA_DIR"], ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    if "Every table has the rows" not in done.stdout:
        raise SystemExit("restored rows differ:\n" + done.stdout)
    return elapsed


def measure(
    label: str, work: Path, restore_url: str | None, can_restore: bool, logical_too: bool
) -> list:
    from siyasa.archive import backup

    rows = []
    for logical in (False, True) if logical_too else (False,):
        archive = work / f"{label}-{'logical' if logical else 'copy'}.tar.gz"
        started = time.perf_counter()
        manifest = backup.backup(archive, logical=logical)
        made = time.perf_counter() - started
        restored = f"{restore(archive, restore_url):.1f}" if can_restore else "-"
        rows.append((
            label, manifest["database"]["dump"], f"{archive.stat().st_size / 1e6:.1f}",
            str(sum(manifest["rows"].values())), f"{made:.1f}", restored,
        ))  # fmt: skip
    return rows


def move(org, new_slug: str) -> tuple:
    from siyasa.archive.selectors import export_org
    from siyasa.archive.services import import_org

    started = time.perf_counter()
    doc = export_org(org)
    exported = time.perf_counter() - started
    started = time.perf_counter()
    import_org(doc, slug=new_slug)
    imported = time.perf_counter() - started
    records = sum(len(v) for k, v in doc.items() if isinstance(v, list))
    history = sum(len(v) for v in doc["history"].values())
    return (org.slug, str(records), str(history), f"{exported:.2f}", f"{imported:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=1000, help="organisations to add")
    parser.add_argument("--restore-into", help="PostgreSQL: an empty scratch database URL")
    parser.add_argument(
        "--no-logical",
        action="store_true",
        help="skip the logical (JSON) backups (minutes at 1,000)",
    )
    args = parser.parse_args()
    data_dir = setup_django()
    work = Path(tempfile.mkdtemp(prefix="siyasa-bench-archives-"))
    try:
        from django.db import connection

        from siyasa.demo.builder import build_demo

        can_restore = connection.vendor == "sqlite" or bool(args.restore_into)
        demo = build_demo()
        rows = measure("demo", work, args.restore_into, can_restore, not args.no_logical)
        started = time.perf_counter()
        orgs = build_orgs(args.orgs, random.Random(1))
        print(f"Added {len(orgs)} organisations in {time.perf_counter() - started:.1f} s "
              f"on {connection.vendor}")  # fmt: skip
        rows += measure(
            f"demo+{len(orgs)}", work, args.restore_into, can_restore, not args.no_logical
        )
        print_table(("instance", "dump", "MB", "rows", "backup s", "restore s"), rows)
        print()
        print_table(
            ("export-org / import-org", "records", "history", "export s", "import s"),
            [move(demo, "demo-moved"), move(orgs[0], "bench-moved")],
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if data_dir is not None:
            clean_up(data_dir)


if __name__ == "__main__":
    main()
