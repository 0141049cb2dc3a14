"""The daily run (`siyasa remind`: reminders, then the day's health snapshots) over many
organisations: time, SQL queries and peak memory, organisations taken 100 at a time against all
at once.

Generates organisations as `doctor.py` does (each made with `create_organization`, then people,
accounts, grants, custody, devices, responsibilities and emergency contacts in bulk), growing the
same database to each size of `--sizes` (default 10, 100, 1000, 10000), and at each size runs
`notify.services.remind` once in batches (`BATCH`, 100) and, up to `--all-at-once-up-to`
(default 1000), once with every organisation in one batch — what the run did before. Each run
acts as another day (a week later), so it finds fresh reminders to claim. Peak memory is
tracemalloc's peak during the run (tracemalloc is on during every run, which slows Python
down; the times are comparable with each other, not with a run without it).

    SECRET_KEY=x .venv/bin/python bench/daily.py                      # ~5 min on 2 CPUs
    SECRET_KEY=x .venv/bin/python bench/daily.py --sizes 10 100 1000  # ~1 min

With DATABASE_URL it creates and deletes organisations `bench-doctor-*` (see doctor.py).
"""

import argparse
import datetime
import gc
import random
import time
import tracemalloc

from doctor import build, delete
from orgs import clean_up, setup_django
from report import print_table


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--all-at-once-up-to", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def run(day: datetime.date, batch: int) -> tuple[float, int, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from siyasa.notify import services

    gc.collect()
    tracemalloc.start()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = services.remind(today=day, batch=batch)
        elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, len(queries), peak / 2**20, result.items


def main() -> None:
    args = parse_args()
    data_dir = setup_django()
    try:
        from django.db import connection
        from django.utils import timezone

        from siyasa.notify.services import BATCH

        rng = random.Random(args.seed)
        day = timezone.localdate()
        built, rows = [], []
        for size in sorted(args.sizes):
            start = time.perf_counter()
            built += build(size - len(built), rng, start=len(built))
            print(
                f"{size} organisations ready ({time.perf_counter() - start:.0f} s to add them)",
                flush=True,
            )
            kinds = [("by 100", BATCH)]
            if size <= args.all_at_once_up_to:
                kinds.append(("all at once", size))
            for label, batch in kinds:
                day += datetime.timedelta(days=7)
                elapsed, queries, peak_mb, items = run(day, batch)
                row = (
                    str(size),
                    label,
                    f"{elapsed:.2f}",
                    f"{1000 * elapsed / size:.1f}",
                    str(queries),
                    f"{peak_mb:.1f}",
                    str(items),
                )
                print("  ".join(row), flush=True)  # as it comes: the table follows at the end
                rows.append(row)
        print(f"siyasa remind on {connection.vendor}, tracemalloc on")
        print_table(
            ("organisations", "batches", "s", "ms per org", "queries", "peak MB", "items"), rows
        )
        delete(built)
    finally:
        if data_dir is not None:
            clean_up(data_dir)


if __name__ == "__main__":
    main()
