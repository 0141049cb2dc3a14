"""Benchmark of the policy page's HTTP cache: full renders against 304 revalidations.

The policy page carries an ETag (django's `condition` in `siyasa/policy/views/versions.py`): a
browser that sends it back in `If-None-Match` gets `304 Not Modified` without the page being
rendered.
For the demo organisation and the generated `bench-large` (see `orgs.py`) this script signs a
member in with the test client (`force_login`: the demo's `staff`, the large organisation's
owner, which has no staff member with a sign-in) and, after two warm-ups, times:

- full render: N GETs of /ar/o/<slug>/policy/, each answering 200;
- revalidation: N GETs sending the ETag of a first response, each answering 304.

It prints requests per second and the median time of both, the speed-up factor (304 requests
per second over 200 ones) and the SQL queries of one 304 answer against one full render.

Run from the project root:

    SECRET_KEY=x .venv/bin/python bench/policy_cache.py [--runs N]

N defaults to 200 for the demo and 50 for the large organisation; `--runs` sets both. It uses
a throwaway SQLite database unless DATABASE_URL is set (see `orgs.py` and bench/README.md
before pointing it at PostgreSQL).
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass

import orgs
from report import print_table

DEFAULT_RUNS = {"demo": 200, orgs.SLUG_LARGE: 50}
WARM_UP = 2


@dataclass
class Timing:
    times_ms: list[float]
    elapsed_s: float

    @property
    def per_second(self) -> float:
        return len(self.times_ms) / self.elapsed_s

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms)


@dataclass
class Result:
    slug: str
    username: str
    full: Timing
    revalidated: Timing
    full_queries: int
    revalidated_queries: int

    @property
    def speed_up(self) -> float:
        return self.revalidated.per_second / self.full.per_second


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Measure the policy page's throughput for a signed-in member, rendered "
        "in full and revalidated with its ETag (304), for the demo organisation and a "
        "generated large one.",
        epilog="Uses a throwaway SQLite database unless DATABASE_URL is set.",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help="GETs per organisation and kind (default 200 for the demo, 50 for the large one)",
    )
    orgs.add_seed_argument(parser)
    args = parser.parse_args()
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


# --- measuring ----------------------------------------------------------------------------


def signed_in_client(user):
    """A client signed in as `user`, past the second factor when their role needs one."""
    from django.test import Client

    from siyasa.accounts.tests.authenticators import add_authenticator, give_second_factor
    from siyasa.accounts.two_factor import has_authenticator, needs_two_factor

    client = Client()
    client.force_login(user)
    if needs_two_factor(user):
        if not has_authenticator(user):
            add_authenticator(user)
        give_second_factor(client, user)  # what allauth's code page records
    return client


def get(client, url: str, status: int, etag: str | None = None):
    """GET the page, sending `If-None-Match` when given an ETag; stop unless `status` comes."""
    headers = {"If-None-Match": etag} if etag else {}
    response = client.get(url, headers=headers)
    if response.status_code != status:
        raise SystemExit(f"GET {url} answered {response.status_code}, expected {status}")
    return response


def first_etag(client, url: str) -> str:
    etag = get(client, url, 200).headers.get("ETag")
    if not etag:
        raise SystemExit(f"GET {url} answered without an ETag")
    return etag


def timed_gets(client, url: str, runs: int, status: int, etag: str | None = None) -> Timing:
    for _ in range(WARM_UP):
        get(client, url, status, etag)
    times_ms = []
    started = time.perf_counter()
    for _ in range(runs):
        start = time.perf_counter()
        get(client, url, status, etag)
        times_ms.append((time.perf_counter() - start) * 1000)
    return Timing(times_ms, time.perf_counter() - started)


def count_queries(client, url: str, status: int, etag: str | None = None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get(client, url, status, etag)
    return len(captured.captured_queries)


def measure(org, runs: int | None) -> Result:
    runs = runs or DEFAULT_RUNS[org.slug]
    user = orgs.member_user(org)
    client = signed_in_client(user)
    url = f"/ar/o/{org.slug}/policy/"
    etag = first_etag(client, url)
    return Result(
        slug=org.slug,
        username=user.get_username(),
        full=timed_gets(client, url, runs, 200),
        revalidated=timed_gets(client, url, runs, 304, etag),
        full_queries=count_queries(client, url, 200),
        revalidated_queries=count_queries(client, url, 304, etag),
    )


# --- reporting ----------------------------------------------------------------------------


def report(results: list[Result]) -> None:
    header = (
        "organisation",
        "member",
        "GETs",
        "200 req/s",
        "200 ms",
        "304 req/s",
        "304 ms",
        "speed-up",
        "200 SQL",
        "304 SQL",
    )
    rows = [
        (
            r.slug,
            r.username,
            str(len(r.full.times_ms)),
            f"{r.full.per_second:.1f}",
            f"{r.full.median_ms:.1f}",
            f"{r.revalidated.per_second:.1f}",
            f"{r.revalidated.median_ms:.1f}",
            f"×{r.speed_up:.1f}",
            str(r.full_queries),
            str(r.revalidated_queries),
        )
        for r in results
    ]
    print("Policy page for a signed-in member: full render (200) against revalidation (304)")
    print(
        f"with the ETag, each kind after {WARM_UP} warm-ups; ms = median, SQL = queries of one GET"
    )
    print_table(header, rows)


def main() -> int:
    args = parse_args()
    with orgs.organisations(args.seed) as built:
        report([measure(org, args.runs) for org in built])
    return 0


if __name__ == "__main__":
    sys.exit(main())
