"""Benchmark of the policy exports: time to generate the PDF and the Word file, size, pages.

For the demo organisation and the generated `bench-large` (see `orgs.py`) it builds the policy
page of the version in force once, then generates each file — PDF (WeasyPrint) and Word
(python-docx), in Arabic and in English — once to warm up and N times measured, and prints the
median, fastest and slowest time, the size of the file and, for the PDF, its page count
(read back with pypdf). Only the call to `render_pdf` / `render_docx` is timed, as the job
worker does after it has built the page (the members' file).

Run from the project root:

    SECRET_KEY=x .venv/bin/python bench/exports.py [--runs 5]

It uses a throwaway SQLite database unless DATABASE_URL is set (see `orgs.py` and
bench/README.md before pointing it at PostgreSQL).
"""

import argparse
import io
import statistics
import sys
import time
from dataclasses import dataclass

import orgs
from report import print_table

FORMATS = ("pdf", "docx")
LANGUAGES = ("ar", "en")
BASE_URL = "http://testserver/"
WARM_UP = 1


@dataclass
class Result:
    slug: str
    fmt: str
    lang: str
    times_ms: list[float]
    size: int
    pages: int | None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Measure the PDF and Word exports of the policy for the demo "
        "organisation and a generated large one.",
        epilog="Uses a throwaway SQLite database unless DATABASE_URL is set.",
    )
    parser.add_argument("--runs", type=int, default=5, help="measured runs per file (default 5)")
    orgs.add_seed_argument(parser)
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


# --- measuring ----------------------------------------------------------------------------


def published_page(org):
    """The policy page of the version in force, as the job worker builds it for a member (`export_files.build`)."""
    from siyasa.policy import selectors
    from siyasa.policy.rules import Rules

    version = selectors.version_in_force(org)
    if version is None:
        raise SystemExit(f"{org.slug} has no policy version in force")
    return selectors.policy_page(org, Rules.from_version(version))


def render(page, fmt: str, lang: str) -> bytes:
    from siyasa.policy.exports import render_docx, render_pdf

    if fmt == "pdf":
        return render_pdf(page, lang=lang, base_url=BASE_URL)
    return render_docx(page, lang=lang)


def measure(org, page, fmt: str, lang: str, runs: int) -> Result:
    for _ in range(WARM_UP):
        render(page, fmt, lang)
    times_ms = []
    for _ in range(runs):
        start = time.perf_counter()
        data = render(page, fmt, lang)
        times_ms.append((time.perf_counter() - start) * 1000)
    pages = pdf_pages(data) if fmt == "pdf" else None
    return Result(org.slug, fmt, lang, times_ms, len(data), pages)


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def measure_org(org, runs: int) -> list[Result]:
    page = published_page(org)
    return [measure(org, page, fmt, lang, runs) for fmt in FORMATS for lang in LANGUAGES]


# --- reporting ----------------------------------------------------------------------------


def report(results: list[Result], runs: int) -> None:
    header = ("organisation", "file", "lang", "median ms", "min ms", "max ms", "KB", "pages")
    rows = [
        (
            r.slug,
            r.fmt.upper(),
            r.lang,
            f"{statistics.median(r.times_ms):.0f}",
            f"{min(r.times_ms):.0f}",
            f"{max(r.times_ms):.0f}",
            f"{r.size / 1024:.0f}",
            "—" if r.pages is None else str(r.pages),
        )
        for r in results
    ]
    print(f"Policy exports, {runs} measured runs per file after {WARM_UP} warm-up")
    print_table(header, rows)


def main() -> int:
    args = parse_args()
    with orgs.organisations(args.seed) as built:
        report([result for org in built for result in measure_org(org, args.runs)], args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
