"""One parent process for the web server, the job worker and the scheduler: it starts them,
restarts one that stops (after a short, growing pause), and stops them all on Ctrl-C or SIGTERM.

Each child runs in a session of its own, so a signal reaches it once, from this parent, rather
than also from the terminal (Ctrl-C goes to the whole foreground group) — the job worker reads a
second signal as "abandon the task now". A child whose parent is gone (the supervisor was
killed outright) notices within seconds and stops (`watch_parent`). The children's process ids
are written to `serve.pids` in the data folder, for scripts and tests.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# A child that ran this long before stopping is restarted at once; one that keeps stopping
# sooner waits 1, 2, 4 … up to 30 seconds between tries.
STEADY_AFTER = 30.0
LONGEST_BACKOFF = 30.0
STOP_GRACE = 30.0
PARENT_ENV = "SIYASA_SUPERVISOR_PID"


@dataclass
class Child:
    name: str
    argv: list[str]
    process: subprocess.Popen | None = None
    started: float = 0.0
    failures: int = 0
    start_at: float = 0.0


def siyasa_command(*args: str) -> list[str]:
    """`siyasa …` run by this Python, so the children use the same installation."""
    return [sys.executable, "-m", "siyasa", *args]


def web_command(addr: str, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "python:siyasa.ops.gunicorn_conf",
        "--bind",
        addr,
        "--workers",
        str(workers),
        "siyasa.wsgi:application",
    ]


class Supervisor:
    def __init__(self, children: list[Child], pid_file: Path, log=print):
        self.children = children
        self.pid_file = pid_file
        self.log = log
        self.stopping = threading.Event()

    def _stop(self, signum, frame) -> None:
        self.stopping.set()

    def run(self) -> int:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self._stop)
        env = {**os.environ, PARENT_ENV: str(os.getpid())}
        try:
            while not self.stopping.is_set():
                changed = False
                now = time.monotonic()
                for child in self.children:
                    changed |= self._look_after(child, now, env)
                if changed:
                    self._write_pids()
                self.stopping.wait(0.2)
        finally:
            self._stop_all()
        return 0

    def _look_after(self, child: Child, now: float, env: dict) -> bool:
        if child.process is not None:
            code = child.process.poll()
            if code is None:
                return False
            ran = now - child.started
            child.failures = 0 if ran >= STEADY_AFTER else child.failures + 1
            delay = min(2.0 ** (child.failures - 1), LONGEST_BACKOFF) if child.failures else 0.0
            self.log(f"{child.name} stopped (exit {code}); restarting in {delay:.0f} s")
            child.process, child.start_at = None, now + delay
        if now < child.start_at:
            return False
        child.process = subprocess.Popen(child.argv, env=env, start_new_session=True)  # noqa: S603
        child.started = now
        return True

    def _write_pids(self) -> None:
        pids = {"supervisor": os.getpid()}
        pids |= {c.name: c.process.pid for c in self.children if c.process is not None}
        tmp = self.pid_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(pids))
        tmp.replace(self.pid_file)

    def _stop_all(self) -> None:
        running = [c.process for c in self.children if c.process and c.process.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for process in running:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.pid_file.unlink(missing_ok=True)


def watch_parent() -> None:
    """In a child of the supervisor: stop gracefully (SIGTERM to oneself) once the supervisor is
    gone, so a killed supervisor leaves no server holding the port."""
    parent = os.environ.get(PARENT_ENV)
    if not parent:
        return

    def watch() -> None:
        while os.getppid() == int(parent):
            time.sleep(2)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()
