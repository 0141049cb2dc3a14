"""Load on `siyasa serve`: 16 clients for a fixed time on loopback, then every acknowledged write
is looked for. Prints requests/s, p50/p95 per kind of request, 5xx answers and lost writes.

    SECRET_KEY=x .venv/bin/python bench/load.py [--seconds 60] [--workers 2] [--clients 16]

SQLite in a new temporary data folder by default; with DATABASE_URL, that PostgreSQL database
(the demo is rebuilt there, and `siyasa demo` refuses a database holding anything else).
"""

import argparse
import http.cookiejar
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {  # kind -> share of the requests
    "anonymous policy read": 40,
    "member read": 25,
    "registry edit": 10,
    "timeline entry": 15,
    "approval": 10,
}
SLUG = "demo"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """One signed-in person (or nobody), shared by the client threads: cookies and CSRF."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def call(self, path: str, data: dict | None = None) -> int:
        body = None
        if data is not None:
            token = next(c.value for c in self.jar if c.name == "csrftoken")
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        try:
            with self.opener.open(self.base + path, body, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            error.read()
            return error.code

    def sign_in(self, username: str) -> "Session":
        self.call("/en/accounts/login/")
        status = self.call("/en/accounts/login/", {"login": username, "password": "demo"})
        assert status == 302, f"signing in as {username}: {status}"
        self.call(f"/en/o/{SLUG}/")  # a fresh CSRF cookie after the sign-in rotated it
        return self


def environment(data_dir: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIYASA_", "SECURE_"))}
    env |= {
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-load",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "SIYASA_ENFORCE_TWO_FACTOR": "0",
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
        # Nothing listens there: alerts are refused at once and retried later by the worker.
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(free_port()),
    }
    if data_dir is not None:
        env["SIYASA_DATA_DIR"] = str(data_dir)
    return env


def prepare(statements_wanted: int):
    """In this process, on the same database: an incident to write to, statements to approve."""
    import django

    django.setup()
    from siyasa.crisis.models import SeverityLevel
    from siyasa.crisis.services import incidents, statements
    from siyasa.orgs.models import Membership, Organization, Person

    org = Organization.objects.get(slug=SLUG)
    member = {
        m.user.username: m
        for m in Membership.objects.filter(organization=org).select_related("user")
    }
    level = SeverityLevel.objects.for_org(org).get(rank=1)
    lead = Person.objects.for_org(org).get(user=member["manager"].user)
    incident = incidents.declare(
        membership=member["manager"],
        kind="communication",
        level=level,
        summary="Load test",
        lead=lead,
        answers={},
    )
    pending = [
        statements.submit(
            membership=member["staff"], incident=incident, text_ar=f"بيان {n}", text_en=""
        ).pk
        for n in range(statements_wanted)
    ]
    return incident.number, pending, level.approval_roles[0]


def lost_writes(written: dict[str, list]) -> dict[str, int]:
    from siyasa.crisis.models import Approval, TimelineEntry
    from siyasa.orgs.models import Organization, Person

    org = Organization.objects.get(slug=SLUG)
    names = set(written["registry edit"])
    found_people = set(
        Person.objects.for_org(org).filter(name__in=names).values_list("name", flat=True)
    )
    texts = set(written["timeline entry"])
    found_entries = set(
        TimelineEntry.objects.filter(incident__organization=org, text__in=texts).values_list(
            "text", flat=True
        )
    )
    decided = set(written["approval"])
    found_decisions = set(
        Approval.objects.filter(statement__pk__in=decided).values_list("statement_id", flat=True)
    )
    return {
        "registry edit": len(names - found_people),
        "timeline entry": len(texts - found_entries),
        "approval": len(decided - found_decisions),
    }


def answers(base: str) -> bool:
    try:
        return Session(base).call("/healthz") in (200, 503)
    except OSError:
        return False


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long to drive (60)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--clients", type=int, default=16, help="client threads (16)")
    args = parser.parse_args()

    data_dir = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp(prefix="load-"))
    env = environment(data_dir)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "siyasa.settings"
    sys.path.insert(0, str(ROOT / "src"))
    python = [sys.executable, "-m", "siyasa"]
    log_path = Path(tempfile.mkstemp(prefix="load-serve-", suffix=".log")[1])
    server = None
    try:
        started = time.monotonic()
        subprocess.run(
            [*python, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        number, pending, role = prepare(statements_wanted=int(args.seconds * 20))
        print(
            f"Demo built and {len(pending)} statements prepared in {time.monotonic() - started:.0f} s"
        )

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [*python, "serve", "--addr", f"127.0.0.1:{port}", "--workers", str(args.workers)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while not answers(base):
            assert time.monotonic() < deadline and server.poll() is None, f"see {log_path}"
            time.sleep(0.2)
        anonymous = Session(base)
        staff, manager = Session(base).sign_in("staff"), Session(base).sign_in("manager")

        timings: dict[str, list[float]] = defaultdict(list)
        written: dict[str, list] = defaultdict(list)
        errors = defaultdict(int)  # status >= 500
        other = defaultdict(int)  # any other unexpected answer
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds
        incident = f"/ar/o/{SLUG}/crisis/incidents/{number}/"

        def one(kind: str, rng: random.Random, n: int) -> tuple[int, int, object]:
            if kind == "anonymous policy read":
                return anonymous.call(f"/ar/o/{SLUG}/policy/"), 200, None
            if kind == "member read":
                page = rng.choice(["", "policy/", "accounts/", "people/", "crisis/"])
                return staff.call(f"/ar/o/{SLUG}/{page}"), 200, None
            if kind == "registry edit":
                name = f"Load person {n}"
                data = {"name": name, "kind": "staff", "status": "active", "language": "ar"}
                return manager.call(f"/ar/o/{SLUG}/people/new/", data), 302, name
            if kind == "timeline entry":
                text = f"Load entry {n}"
                return staff.call(f"{incident}timeline/", {"text": text}), 302, text
            with lock:
                if not pending:
                    return 0, 0, None
                pk = pending.pop()
            data = {"role": role, "decision": "approve", "comment": "", "seen_version": 1}
            return manager.call(f"{incident}statements/{pk}/decide/", data), 302, pk

        def client(seed: int) -> None:
            rng = random.Random(seed)
            kinds, weights = list(KINDS), list(KINDS.values())
            n = 0
            while time.monotonic() < stop_at:
                kind = rng.choices(kinds, weights)[0]
                n += 1
                began = time.perf_counter()
                status, expected, write = one(kind, rng, seed * 1_000_000 + n)
                took = time.perf_counter() - began
                if not status:
                    continue
                with lock:
                    timings[kind].append(took)
                    if status >= 500:
                        errors[kind] += 1
                    elif status != expected:
                        other[f"{kind} {status}"] += 1
                    elif write is not None:
                        written[kind].append(write)

        threads = [threading.Thread(target=client, args=(i + 1,)) for i in range(args.clients)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
        server.terminate()
        assert server.wait(timeout=60) == 0, f"siyasa serve did not stop cleanly: see {log_path}"
        server = None
        lost = lost_writes(written)
    finally:
        if server is not None:
            server.kill()
        if data_dir is not None:
            shutil.rmtree(data_dir, ignore_errors=True)

    from django.db import connection

    total = sum(len(v) for v in timings.values())
    print(
        f"{connection.vendor}, {args.workers} gunicorn workers, {args.clients} clients, "
        f"{elapsed:.0f} s: {total} requests, {total / elapsed:.1f} requests/s"
    )
    print(f"{'kind':<24}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'5xx':>6}{'lost':>6}")
    for kind in KINDS:
        values = timings[kind]
        print(
            f"{kind:<24}{len(values):>9}{percentile(values, 0.5) * 1000:>9.0f}"
            f"{percentile(values, 0.95) * 1000:>9.0f}{errors[kind]:>6}{lost.get(kind, 0):>6}"
        )
    print(f"5xx answers: {sum(errors.values())}; lost writes: {sum(lost.values())}")
    if other:
        print("Other unexpected answers:", dict(other))
    print(f"Server log: {log_path}")


if __name__ == "__main__":
    main()
