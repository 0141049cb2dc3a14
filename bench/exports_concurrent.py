"""Benchmark: the public policy page while anonymous visitors ask for its PDF all at once.

On a live server on loopback — a pre-forked pool of single-threaded workers, like gunicorn's
default sync workers — it times `/ar/o/bench-large/policy/` for an anonymous visitor, first
alone, then while `--clients` threads (default 8) ask for `/ar/o/bench-large/policy/pdf/` again
and again without pause. It does so for two versions of the code on the same database:

- `before`: the code at `--before` (default 9fa7bfc, the last commit whose export view made the
  PDF in the request), taken with `git archive` into a temporary folder;
- `after`: this checkout, where the job worker (`siyasa db_worker`, started here) makes the file
  once and the web workers serve it from the database. It runs twice: with the export rate
  limit out of the way (`SIYASA_EXPORT_RATE=1000000/m`: what the stored file alone does) and with
  the default limit (all clients share one address, 127.0.0.1).

It prints, per run, the page's median and 90th-percentile time alone and under load, their
ratio, how the PDF requests were answered and their median time.

Run from the project root:

    SECRET_KEY=x .venv/bin/python bench/exports_concurrent.py [--workers 4] [--clients 8]

It uses a throwaway SQLite database unless DATABASE_URL is set (see `orgs.py` and
bench/README.md before pointing it at PostgreSQL).
"""

import argparse
import collections
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import orgs
from report import p90, print_table

ROOT = Path(__file__).resolve().parent.parent
PAGE = f"/ar/o/{orgs.SLUG_LARGE}/policy/"
PDF = f"/ar/o/{orgs.SLUG_LARGE}/policy/pdf/"
TIMEOUT = 300  # seconds a client waits for one answer
# The last commit whose PDF view made the file in the web request.
BEFORE = "9fa7bfc"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time the public policy page while anonymous clients ask for its PDF, "
        "before and after exports became stored files.",
        epilog="Uses a throwaway SQLite database unless DATABASE_URL is set.",
    )
    parser.add_argument("--workers", type=int, default=4, help="web worker processes (4)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent PDF clients (8)")
    parser.add_argument("--runs", type=int, default=10, help="page requests per measure (10)")
    parser.add_argument(
        "--before", default=BEFORE, help=f"git revision of 'before' (default {BEFORE})"
    )
    parser.add_argument("--port", type=int, default=8791, help="loopback port (8791)")
    parser.add_argument("--serve", nargs=2, type=int, help=argparse.SUPPRESS)
    orgs.add_seed_argument(parser)
    return parser.parse_args()


# --- the server: one listening socket, forked single-threaded WSGI workers ----------------


def serve(port: int, workers: int) -> None:
    """Run in a child process whose PYTHONPATH selects the code: never returns."""
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
    from siyasa.wsgi import application

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    listener = socket.create_server(("127.0.0.1", port), backlog=128)
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            server = WSGIServer(("127.0.0.1", port), Quiet, bind_and_activate=False)
            server.socket.close()
            server.socket = listener
            server.server_name, server.server_port = "127.0.0.1", port
            server.setup_environ()
            server.set_app(application)
            server.serve_forever()
        children.append(pid)

    def stop(*_):
        for pid in children:
            os.kill(pid, signal.SIGTERM)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    while True:
        signal.pause()


def start(args, src: Path, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(args.port), str(args.workers)],
        env={**env, "PYTHONPATH": str(src)},
        # Each refused request logs a line; an error shows in the table as its status.
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(PAGE, args.port)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    stop(process)
    raise SystemExit("the server did not answer within 60 s")


def start_worker(src: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "siyasa", "db_worker"],
        env={**env, "PYTHONPATH": str(src)},
        stdout=subprocess.DEVNULL,  # a line per job
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- clients ------------------------------------------------------------------------------


def get(path: str, port: int) -> tuple[int, float]:
    """(status, seconds) of one anonymous GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=TIMEOUT) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return status, time.perf_counter() - started


def page_times(port: int, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        status, seconds = get(PAGE, port)
        if status != 200:
            raise SystemExit(f"the policy page answered {status}")
        times.append(seconds * 1000)
    return times


@dataclass
class Load:
    """`clients` threads asking for the PDF without pause until stopped."""

    port: int
    clients: int
    answers: collections.Counter = field(default_factory=collections.Counter)
    times: list[float] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self):
        self._threads = [threading.Thread(target=self._ask) for _ in range(self.clients)]
        for thread in self._threads:
            thread.start()
        time.sleep(1)  # every client has a request in flight
        return self

    def _ask(self):
        while not self._stop.is_set():
            try:
                status, seconds = get(PDF, self.port)
            except OSError:
                status, seconds = "error", 0.0
            self.answers[status] += 1
            self.times.append(seconds * 1000)

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join()


@dataclass
class Run:
    name: str
    alone: list[float]
    loaded: list[float]
    answers: collections.Counter
    pdf_times: list[float]


def measure(name: str, args, src: Path, env: dict, *, with_worker: bool) -> Run:
    server = start(args, src, env)
    worker = start_worker(src, env) if with_worker else None
    try:
        page_times(args.port, 2)  # warm up
        alone = page_times(args.port, args.runs)
        with Load(args.port, args.clients) as load:
            loaded = page_times(args.port, args.runs)
        return Run(name, alone, loaded, load.answers, load.times)
    finally:
        stop(server)
        if worker is not None:
            stop(worker)


def old_code(revision: str, into: Path) -> Path:
    archive = into / "before.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "-o", str(archive), revision, "src"], check=True
    )
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def clear_exports() -> None:
    from django.db import connection

    from siyasa.policy.models import ExportFile

    ExportFile.objects.all().delete()
    connection.close()


def report(runs: list[Run], args) -> None:
    header = (
        "code",
        "page alone ms",
        "p90",
        "under load ms",
        "p90",
        "ratio",
        "PDF answers",
        "PDF median ms",
    )
    rows = [
        (
            r.name,
            f"{statistics.median(r.alone):.0f}",
            f"{p90(r.alone):.0f}",
            f"{statistics.median(r.loaded):.0f}",
            f"{p90(r.loaded):.0f}",
            f"×{statistics.median(r.loaded) / statistics.median(r.alone):.1f}",
            " ".join(f"{code}:{n}" for code, n in sorted(r.answers.items(), key=str)),
            f"{statistics.median(r.pdf_times):.0f}" if r.pdf_times else "—",
        )
        for r in runs
    ]
    print(
        f"Anonymous policy page of {orgs.SLUG_LARGE}, {args.runs} GETs alone and {args.runs} "
        f"while {args.clients} clients ask for its PDF; {args.workers} web workers"
    )
    print_table(header, rows)


def main() -> int:
    args = parse_args()
    if args.serve:
        serve(*args.serve)
    data_dir = orgs.setup_django()
    try:
        started = time.perf_counter()
        orgs.build_large(random.Random(args.seed))
        print(f"Built {orgs.SLUG_LARGE} in {time.perf_counter() - started:.1f} s")
        env = {**os.environ, "SECURE_SSL_REDIRECT": "0", "ALLOWED_HOSTS": "127.0.0.1"}
        with tempfile.TemporaryDirectory(prefix="siyasa-before-") as tmp:
            before = old_code(args.before, Path(tmp))
            clear_exports()
            runs = [measure(f"before ({args.before})", args, before, env, with_worker=False)]
        unlimited = {**env, "SIYASA_EXPORT_RATE": "1000000/m"}
        runs.append(measure("after, no limit", args, ROOT / "src", unlimited, with_worker=True))
        clear_exports()
        runs.append(measure("after, 30/m", args, ROOT / "src", env, with_worker=True))
        report(runs, args)
    finally:
        orgs.clean_up(data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
