"""The daily run (`siyasa remind`: reminders, then the day's health snapshots) over many
organisations: time, SQL queries and peak memory at each size, and how the time per organisation
at each size compares with the time per organisation at 100.

The first organisation is made by the product (`create_organization`: owner, directory entry,
policy draft, crisis plan); every other one is a copy of its rows, inserted in bulk a thousand
organisations at a time, so 10,000 organisations take about a minute to build rather than half an
hour. Each then gets people, accounts, grants, custody, devices, responsibilities and emergency
contacts in bulk, as `doctor.py` gives them (`doctor.fill`). The same database grows to each size
of `--sizes` (default 10, 100, 1000, 10000); at each size `notify.services.remind` runs `--repeat`
times in batches (`BATCH`, 100; the median is printed) and, for sizes above 100 up to
`--all-at-once-up-to` (none by default), with every organisation in one batch, as it ran before
batches. Each run acts as another
day (a week on), so it finds fresh reminders to claim.

Time (wall and this process's CPU, which on SQLite includes the database's work and depends
less on what else loads the machine) and queries are measured with tracemalloc off; then one
more run of each size, with tracemalloc on, gives the peak memory (tracemalloc slows Python down
several times). `per org vs 100` is the median time per organisation at that size over the
same at 100, from the same run: ×1.0 is linear, above it the time grows faster than the
organisations.

    SECRET_KEY=x .venv/bin/python bench/daily.py                         # ~30 min on 2 CPUs
    SECRET_KEY=x .venv/bin/python bench/daily.py --sizes 10 100 1000     # ~3 min

With DATABASE_URL it creates and deletes organisations `bench-doctor-*` (see doctor.py).
"""

import argparse
import datetime
import gc
import random
import statistics
import time
import tracemalloc

from doctor import PREFIX, delete, fill
from orgs import clean_up, setup_django
from report import print_table

# Organisations inserted (and filled) per round of bulk inserts while building.
BUILD_CHUNK = 1000
REFERENCE = 100


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (3)")
    parser.add_argument("--all-at-once-up-to", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def template_organisation():
    """One organisation made by the product: the rows every copy repeats."""
    from django.contrib.auth import get_user_model

    from siyasa.workspace.services import create_organization

    owner, _ = get_user_model().objects.get_or_create(username="bench-doctor-owner")
    return create_organization(owner=owner, name_ar="جمعية 0", slug=f"{PREFIX}0")


def seeded_models(template) -> list:
    """The models (not their history) of which `create_organization` made rows for `template`."""
    from django.apps import apps

    from siyasa.orgs.models import Organization

    models = []
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "organization"), None)
        if field is None or field.related_model is not Organization:
            continue
        if model.__name__.startswith("Historical"):
            continue
        if model._default_manager.filter(organization=template).exists():
            models.append(model)
    return models


def copies(template, models: list, start: int, n: int) -> list:
    """`n` organisations numbered from `start`, each with a copy of `template`'s rows."""
    from siyasa.orgs.models import Organization

    values = {
        f.attname: getattr(template, f.attname)
        for f in Organization._meta.concrete_fields
        if f.attname not in {"id", "slug", "name_ar", "created_at", "updated_at"}
    }
    orgs = Organization.objects.bulk_create(
        Organization(slug=f"{PREFIX}{i}", name_ar=f"جمعية {i}", **values)
        for i in range(start, start + n)
    )
    for model in models:
        rows = list(model._default_manager.filter(organization=template))
        if any(getattr(row, f.name).exists() for row in rows for f in model._meta.many_to_many):
            raise SystemExit(f"{model.__name__}: copying many-to-many links is not supported")
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "id"]
        model._default_manager.bulk_create(
            model(**{**{a: getattr(row, a) for a in fields}, "organization_id": org.pk})
            for org in orgs
            for row in rows
        )
    return orgs


def build(template, models: list, start: int, n: int, rng: random.Random) -> None:
    for first in range(start, start + n, BUILD_CHUNK):
        count = min(BUILD_CHUNK, start + n - first)
        fill(copies(template, models, first, count), rng)


def run(day: datetime.date, batch: int, *, trace: bool) -> tuple[float, float, int, float, int]:
    from django.db import connection

    from siyasa.notify import services

    queries = 0

    def count(execute, sql, params, many, context):
        # A counter, not CaptureQueriesContext: its list of every statement would be the run's
        # largest allocation at 10,000 organisations, and tracemalloc would count it.
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    gc.collect()
    if trace:
        tracemalloc.start()
    with connection.execute_wrapper(count):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = services.remind(today=day, batch=batch)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = 0
    if trace:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return elapsed, cpu, queries, peak / 2**20, result.items


def main() -> None:
    args = parse_args()
    sizes = sorted(set(args.sizes) | {REFERENCE})
    data_dir = setup_django()
    try:
        from django.db import connection
        from django.utils import timezone

        from siyasa.notify.services import BATCH

        rng = random.Random(args.seed)
        day = timezone.localdate()
        template = template_organisation()
        models = seeded_models(template)  # before its registries are filled: those are not copied
        fill([template], rng)
        have, measured = 1, []
        for size in sizes:
            start = time.perf_counter()
            build(template, models, have, size - have, rng)
            have = size
            print(f"{size} organisations ready ({time.perf_counter() - start:.0f} s to add them)")
            kinds = [("by 100", BATCH, args.repeat)]
            if size <= args.all_at_once_up_to and size > BATCH:
                kinds.append(("all at once", size, 1))
            for label, batch, repeat in kinds:
                times, cpus, counts = [], [], []
                for _ in range(repeat):
                    day += datetime.timedelta(days=7)
                    elapsed, cpu, queries, _peak, items = run(day, batch, trace=False)
                    times.append(elapsed)
                    cpus.append(cpu)
                    counts.append(queries)
                day += datetime.timedelta(days=7)
                *_rest, peak_mb, _items = run(day, batch, trace=True)
                wall, cpu = statistics.median(times), statistics.median(cpus)
                measured.append((size, label, wall, cpu, counts, peak_mb, items))
                print(
                    f"  {label}: {', '.join(f'{t:.2f}' for t in times)} s "
                    f"(CPU {', '.join(f'{t:.2f}' for t in cpus)} s), peak {peak_mb:.1f} MB",
                    flush=True,
                )
        ref = next(m for m in measured if m[0] == REFERENCE and m[1] == "by 100")
        rows = [
            (
                str(size),
                label,
                f"{wall:.2f}",
                f"{cpu:.2f}",
                f"{1000 * cpu / size:.2f}",
                f"×{(wall / size) / (ref[2] / REFERENCE):.2f}",
                f"×{(cpu / size) / (ref[3] / REFERENCE):.2f}",
                "–".join(sorted({str(c) for c in counts}, key=int)),
                f"{peak_mb:.1f}",
                str(items),
            )
            for size, label, wall, cpu, counts, peak_mb, items in measured
        ]
        print(
            f"siyasa remind on {connection.vendor}: medians of {args.repeat} timed runs "
            "(tracemalloc off), peak memory from one more run with tracemalloc on"
        )
        print_table(
            (
                "organisations",
                "batches",
                "wall s",
                "CPU s",
                "CPU ms per org",
                "wall per org vs 100",
                "CPU per org vs 100",
                "queries",
                "peak MB",
                "items",
            ),
            rows,
        )
        if data_dir is None:  # PostgreSQL: our rows only; a temporary SQLite goes as a whole
            delete([])
    finally:
        if data_dir is not None:
            clean_up(data_dir)


if __name__ == "__main__":
    main()
