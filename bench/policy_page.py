"""Benchmark of the public policy page: server time and SQL queries per request.

It renders /ar/o/<slug>/policy/ with Django's test client for two organisations: the demo
(Athar Charity Society, a handful of rows) and a generated large one (`bench-large`: 1,500
people, 300 accounts, about 200 devices), both with a published policy in force (see
`orgs.py`). After two warm-up requests it measures N requests per organisation and prints the
median and p90 server time, the number of SQL queries per request and the size of the HTML,
then whether the query count stays the same as the organisation grows (the policy page
promises a fixed number of queries).

Run from the project root:

    SECRET_KEY=x .venv/bin/python bench/policy_page.py [--runs 15]

By default it uses a throwaway SQLite database in a temporary SIYASA_DATA_DIR, deleted at the
end. With DATABASE_URL set it uses that PostgreSQL database instead: it creates and then
deletes the organisations `bench-large` and `demo` and the users `bench-*`, and building the
demo creates (or resets the password of) the users admin, manager, staff and editor, which
stay. Never point it at a database whose data matters (see bench/README.md).

Django is imported inside the functions: the settings must be configured first.
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass

import orgs
from report import p90, print_table

WARM_UP = 2


@dataclass
class Result:
    slug: str
    accounts: int
    people: int
    times_ms: list[float]
    queries: list[int]
    html_bytes: int


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Measure server time and SQL queries of the public policy page "
        "for the demo organisation and a generated large one.",
        epilog="Uses a throwaway SQLite database unless DATABASE_URL is set.",
    )
    parser.add_argument(
        "--runs", type=int, default=15, help="measured requests per organisation (default 15)"
    )
    orgs.add_seed_argument(parser)
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


# --- measuring ----------------------------------------------------------------------------


def measure(org, runs: int) -> Result:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from siyasa.orgs.models import Person
    from siyasa.registry.models import SocialAccount

    client = Client()
    url = f"/ar/o/{org.slug}/policy/"
    for _ in range(WARM_UP):
        check_ok(client.get(url), url)
    times_ms, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times_ms.append((time.perf_counter() - start) * 1000)
        check_ok(response, url)
        queries.append(len(captured.captured_queries))
    return Result(
        slug=org.slug,
        accounts=SocialAccount.objects.for_org(org).count(),
        people=Person.objects.for_org(org).count(),
        times_ms=times_ms,
        queries=queries,
        html_bytes=len(response.content),
    )


def check_ok(response, url: str) -> None:
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}, expected 200")


# --- reporting ----------------------------------------------------------------------------


def query_label(counts: list[int]) -> str:
    low, high = min(counts), max(counts)
    return str(low) if low == high else f"{low}–{high}"


def report(results: list[Result], runs: int) -> None:
    header = ("organisation", "accounts", "people", "median ms", "p90 ms", "queries", "HTML KB")
    rows = [
        (
            r.slug,
            str(r.accounts),
            str(r.people),
            f"{statistics.median(r.times_ms):.1f}",
            f"{p90(r.times_ms):.1f}",
            query_label(r.queries),
            f"{r.html_bytes / 1024:.0f}",
        )
        for r in results
    ]
    print(f"Policy page, {runs} measured runs per organisation after {WARM_UP} warm-ups")
    print_table(header, rows)
    counts = {count for r in results for count in r.queries}
    print(f"queries do not grow with size: {'yes' if len(counts) == 1 else 'no'}")


def main() -> int:
    args = parse_args()
    with orgs.organisations(args.seed) as built:
        report([measure(org, args.runs) for org in built], args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
