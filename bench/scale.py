"""The policy page at scale, against a bare Django view returning the same bytes.

For the demo organisation and the generated `bench-large` (see `orgs.py`), as an anonymous visitor
and as a signed-in member (the demo's `staff`, the large organisation's owner), this script times
in one process, with Django's test client, after warm-ups:

- `bare`: a view that returns the page's bytes as they are, through the same middleware;
- `static`: `/static/siyasa/app.css` through WhiteNoise (the same middleware stack);
- `rendered`: a full GET with the page cache off (`SIYASA_PAGE_CACHE`), i.e. before it;
- `cached`: a full GET of the unchanged page, from the cache (a database table by default,
  or `CACHE_URL`);
- `304`: a GET sending the page's ETag.

Each is the median of `--runs` GETs (a tenth of them, at least 10, for `rendered` of the large
organisation) and is printed as a ratio to `bare` of the same reader. The goal of issue 12 is a
`cached` page at most 5 × `bare`, whatever the organisation's size.

    SECRET_KEY=x .venv/bin/python bench/scale.py [--runs 200]

`bench/daily.py` measures the daily jobs at 10 … 10,000 organisations, `bench/exports.py --docx`
the Word export against plain python-docx.
"""

import argparse
import statistics
import sys
import time
import types

import orgs
from policy_cache import signed_in_client
from report import print_table

WARM_UP = 3
BARE_PATH = "bench-bare/"
STATIC = "/static/siyasa/app.css"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="GETs per measurement (200)")
    orgs.add_seed_argument(parser)
    return parser.parse_args()


def install_bare_view() -> dict:
    """A URL configuration with one more view, returning whatever bytes the bench gives it."""
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    import siyasa.urls

    body = {"bytes": b""}
    module = types.ModuleType("bench_urls")
    module.urlpatterns = [
        path(BARE_PATH, lambda request: HttpResponse(body["bytes"])),
        *siyasa.urls.urlpatterns,
    ]
    sys.modules["bench_urls"] = module
    settings.ROOT_URLCONF = "bench_urls"
    clear_url_caches()
    return body


def medians_ms(client, kinds: dict, runs: int) -> dict[str, float]:
    """Median ms of each kind (name: url, status, headers, page cache on), the kinds taken in turn
    so that whatever else loads the machine weighs on each alike."""
    from django.conf import settings

    times: dict[str, list[float]] = {name: [] for name in kinds}
    for n in range(WARM_UP + runs):
        for name, (url, status, headers, cache_on) in kinds.items():
            settings.SIYASA_PAGE_CACHE = cache_on
            start = time.perf_counter()
            _get(client, url, status, headers)
            if n >= WARM_UP:
                times[name].append((time.perf_counter() - start) * 1000)
    settings.SIYASA_PAGE_CACHE = True
    return {name: statistics.median(values) for name, values in times.items()}


def _get(client, url, status, headers):
    response = client.get(url, headers=headers or {})
    if response.status_code != status:
        raise SystemExit(f"GET {url} answered {response.status_code}, expected {status}")
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


def queries(client, url: str, headers=None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url, headers=headers or {})
    return len(captured.captured_queries)


def measure(org, reader: str, body: dict, runs: int) -> tuple[str, ...]:
    from django.conf import settings
    from django.test import Client

    from siyasa.mail import health

    # A job worker is running, as under `siyasa serve`: an owner's page has no banner that
    # e-mail is not leaving (a page with one is rendered for its reader, not kept).
    health.beat("bench")
    client = Client() if reader == "anonymous" else signed_in_client(orgs.member_user(org))
    url = f"/ar/o/{org.slug}/policy/"
    first = _get(client, url, 200, None)
    etag, content = first["ETag"], first.content
    body["bytes"] = content
    bare_url = "/" + BARE_PATH
    slow_runs = max(10, runs // 10) if org.slug == orgs.SLUG_LARGE else runs
    before = medians_ms(
        client,
        {"bare": (bare_url, 200, None, True), "rendered": (url, 200, None, False)},
        slow_runs,
    )
    after = medians_ms(
        client,
        {
            "bare": (bare_url, 200, None, True),
            "static": (STATIC, 200, None, True),
            "cached": (url, 200, None, True),
            "304": (url, 304, {"If-None-Match": etag}, True),
        },
        runs,
    )
    settings.SIYASA_PAGE_CACHE = False
    rendered_sql = queries(client, url)
    settings.SIYASA_PAGE_CACHE = True
    cached_sql = queries(client, url)
    if reader == "anonymous" and _get(client, url, 200, None).content != content:
        raise SystemExit(f"{url}: the cached page differs from the rendered one")
    bare, rendered = after["bare"], before["rendered"]
    static, cached, revalidated = after["static"], after["cached"], after["304"]
    return (
        org.slug,
        reader,
        f"{len(content) // 1024}",
        f"{bare:.2f}",
        f"{static:.2f}",
        f"{rendered:.1f} ×{rendered / before['bare']:.0f}",
        f"{cached:.2f} ×{cached / bare:.1f}",
        f"{revalidated:.2f} ×{revalidated / bare:.1f}",
        f"×{static / bare:.1f}",
        f"{rendered_sql}/{cached_sql}",
    )


def main() -> int:
    args = parse_args()
    with orgs.organisations(args.seed) as built:
        from django.conf import settings

        body = install_bare_view()
        rows = [
            measure(org, reader, body, args.runs)
            for org in built
            for reader in ("anonymous", "member")
        ]
        print(
            f"Policy page /ar/o/<slug>/policy/, median ms of {args.runs} GETs after {WARM_UP} "
            f"warm-ups, ×N = over the bare view of the same bytes; cache {settings.CACHES['default']['BACKEND']}"
        )
        print_table(
            (
                "organisation",
                "reader",
                "KB",
                "bare ms",
                "static ms",
                "rendered (before)",
                "cached (after)",
                "304",
                "static",
                "SQL before/after",
            ),
            rows,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
